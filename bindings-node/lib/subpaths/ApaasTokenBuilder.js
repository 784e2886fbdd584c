'use strict'
// rtctoken/src/ApaasTokenBuilder: as agora-token/src/ApaasTokenBuilder.
exports.ApaasTokenBuilder = require('../builders').ApaasTokenBuilder
