'use strict'
// rtctoken/src/RtcTokenBuilder: as agora-token/src/RtcTokenBuilder and agora-access-token/src/RtcTokenBuilder (006 RTC builder and its Role).
const legacy = require('../legacy')

exports.RtcTokenBuilder = legacy.RtcTokenBuilder
exports.Role = legacy.RtcRole
