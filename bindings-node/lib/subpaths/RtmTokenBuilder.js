'use strict'
// rtctoken/src/RtmTokenBuilder: as agora-token/src/RtmTokenBuilder and agora-access-token/src/RtmTokenBuilder (006 RTM builder and its Role).
const legacy = require('../legacy')

exports.RtmTokenBuilder = legacy.RtmTokenBuilder
exports.Role = legacy.RtmRole
