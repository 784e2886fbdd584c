'use strict'
// parse, verify and inspect: reading any token back through the core.
const native = require('./native')
const { fromNative, tokenError } = require('./errors')
const { str, u32, uid, isOptions } = require('./args')

/** Decodes any token (v1–v5, signaling, 006, 007) into the core's JSON shape. */
function parse(token) {
    const t = str(token, 'token', 'malformed')
    try {
        return JSON.parse(native.parseJson(t))
    } catch (e) {
        throw fromNative(e)
    }
}

/**
 * Checks a token's signature against one certificate or a list (rotation).
 * `input` gives what some formats sign without carrying: `{ channelName, uid }`.
 * Returns `{ valid, matched }` (`matched` = index of the certificate that held).
 */
function verify(token, certificates, input) {
    const t = str(token, 'token', 'malformed')
    const list = Array.isArray(certificates) ? certificates : [certificates]
    const certs = list.map(c => str(c, 'appCertificate', 'invalid_app_certificate'))
    if (input !== undefined && input !== null && !isOptions(input)) {
        throw tokenError('invalid_argument', 'verify input must be an object { channelName, uid }')
    }
    const i = input || {}
    const channelName = i.channelName === undefined || i.channelName === null ? null : str(i.channelName, 'channelName')
    const u = i.uid === undefined || i.uid === null ? null : uid(i.uid, 'uid')
    let out
    try {
        out = native.verify(t, certs, channelName, u)
    } catch (e) {
        throw fromNative(e)
    }
    return { valid: out.valid, matched: out.matched === undefined ? null : out.matched }
}

/** The core's inspection report of `token` as of `now` (Unix seconds; default: the clock). */
function inspect(token, now) {
    const t = str(token, 'token', 'malformed')
    const n = now === undefined || now === null ? null : u32(now, 'now')
    let json
    try {
        json = native.inspectJson(t, n)
    } catch (e) {
        throw fromNative(e)
    }
    return JSON.parse(json)
}

module.exports = { parse, verify, inspect }
