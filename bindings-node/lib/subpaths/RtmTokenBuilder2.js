'use strict'
// rtctoken/src/RtmTokenBuilder2: as agora-token/src/RtmTokenBuilder2 (007 RTM builder).
exports.RtmTokenBuilder = require('../builders').RtmTokenBuilder
