'use strict'
// rtctoken/src/ChatTokenBuilder: as agora-token/src/ChatTokenBuilder.
exports.ChatTokenBuilder = require('../builders').ChatTokenBuilder
