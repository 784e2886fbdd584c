'use strict'
// rtctoken/src/RtcTokenBuilder2: as agora-token/src/RtcTokenBuilder2 (007 RTC builder and its Role).
const builders = require('../builders')

exports.RtcTokenBuilder = builders.RtcTokenBuilder
exports.Role = builders.RtcRole
