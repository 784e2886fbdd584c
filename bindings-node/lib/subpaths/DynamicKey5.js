'use strict'
// rtctoken/src/DynamicKey5: as agora-token/src/DynamicKey5 and agora-access-token/src/DynamicKey5
// (its internal generateDynamicKey is not ported: see the README's differences).
const { DynamicKey5 } = require('../legacy')

exports.version = DynamicKey5.version
exports.noUpload = DynamicKey5.noUpload
exports.audioVideoUpload = DynamicKey5.audioVideoUpload
exports.generatePublicSharingKey = DynamicKey5.generatePublicSharingKey
exports.generateRecordingKey = DynamicKey5.generateRecordingKey
exports.generateMediaChannelKey = DynamicKey5.generateMediaChannelKey
exports.generateInChannelPermissionKey = DynamicKey5.generateInChannelPermissionKey
