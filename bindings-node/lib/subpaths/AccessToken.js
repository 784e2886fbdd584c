'use strict'
// rtctoken/src/AccessToken: as agora-token/src/AccessToken and agora-access-token/src/AccessToken (raw 006 tokens).
const legacy = require('../legacy')
const native = require('../native')

exports.version = native.versions().accessToken // the vendor module's constant, the core's 006 prefix
exports.AccessToken = legacy.AccessToken
exports.priviledges = legacy.Privileges
