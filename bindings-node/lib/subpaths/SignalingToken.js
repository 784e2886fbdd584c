'use strict'
// rtctoken/src/SignalingToken: as agora-token/src/SignalingToken (the object itself is the export).
module.exports = require('../legacy').SignalingToken
