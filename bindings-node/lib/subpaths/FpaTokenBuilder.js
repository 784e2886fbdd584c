'use strict'
// rtctoken/src/FpaTokenBuilder: as agora-token/src/FpaTokenBuilder.
exports.FpaTokenBuilder = require('../builders').FpaTokenBuilder
