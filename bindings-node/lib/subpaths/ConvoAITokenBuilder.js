'use strict'
// rtctoken/src/ConvoAITokenBuilder: as agora-token/src/ConvoAITokenBuilder.
exports.ConvoAITokenBuilder = require('../builders').ConvoAITokenBuilder
