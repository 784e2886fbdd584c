'use strict'
// rtctoken/src/EducationTokenBuilder: as agora-token/src/EducationTokenBuilder.
exports.EducationTokenBuilder = require('../builders').EducationTokenBuilder
