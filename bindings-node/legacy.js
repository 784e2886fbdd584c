'use strict'
// rtctoken/legacy: a drop-in for npm `agora-access-token` (006 builders,
// AccessToken, roles, privileges) plus DynamicKey v1–v5 and SignalingToken.
const legacy = require('./lib/legacy')
const { parse, verify, inspect } = require('./lib/decode')
const { TokenError } = require('./lib/errors')

module.exports = { ...legacy, parse, verify, inspect, TokenError }
