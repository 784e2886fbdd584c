'use strict'
// rtctoken: a drop-in for npm `agora-token` 2.0.6 (007 builders, AccessToken2
// and its services), plus parse / verify / inspect and TokenError. Every call
// goes to the Rust core through the napi-rs addon. 006 and the dynamic keys
// live in `rtctoken/legacy`.
const builders = require('./lib/builders')
const raw = require('./lib/access-token2')
const { parse, verify, inspect } = require('./lib/decode')
const { TokenError } = require('./lib/errors')

module.exports = {
    ApaasTokenBuilder: builders.ApaasTokenBuilder,
    ChatTokenBuilder: builders.ChatTokenBuilder,
    ConvoAITokenBuilder: builders.ConvoAITokenBuilder,
    EducationTokenBuilder: builders.EducationTokenBuilder,
    FpaTokenBuilder: builders.FpaTokenBuilder,
    RtcRole: builders.RtcRole,
    RtcTokenBuilder: builders.RtcTokenBuilder,
    RtmTokenBuilder: builders.RtmTokenBuilder,
    Rtm2Permissions: builders.Rtm2Permissions,
    SttTokenBuilder: builders.SttTokenBuilder,
    ...raw,
    parse,
    verify,
    inspect,
    TokenError
}
