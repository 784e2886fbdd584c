'use strict'
// rtctoken/src/AccessToken: as agora-token/src/AccessToken and agora-access-token/src/AccessToken (raw 006 tokens).
const legacy = require('../legacy')

exports.version = '006' // the vendor module's constant
exports.AccessToken = legacy.AccessToken
exports.priviledges = legacy.Privileges
