'use strict'
// rtctoken/src/SttTokenBuilder: as agora-token/src/SttTokenBuilder.
exports.SttTokenBuilder = require('../builders').SttTokenBuilder
