'use strict'
// parse, verify and inspect: reading any token back through the core.
const native = require('./native')
const { fromNative, tokenError } = require('./errors')
const { str, u32, uid, isOptions } = require('./args')

/**
 * Decodes any token (v1–v5, signaling, 006, 007) into the core's JSON shape,
 * built by the addon from the core's structs. The native conversion refuses
 * what `str` would, so the token is checked here only when that fails.
 */
function parse(token) {
    try {
        return native.parse(token)
    } catch (e) {
        str(token, 'token', 'malformed')
        throw fromNative(e)
    }
}

/**
 * Checks a token's signature against one certificate or a list (rotation).
 * `input` gives what some formats sign without carrying: `{ channelName, uid }`.
 * Returns `{ valid, matched }` (`matched` = index of the certificate that held).
 */
function verify(token, certificates, input) {
    if (input !== undefined && input !== null && !isOptions(input)) {
        throw tokenError('invalid_argument', 'verify input must be an object { channelName, uid }')
    }
    const channelName = input?.channelName ?? null
    const u = input?.uid ?? null
    let matched
    try {
        matched = native.verify(token, certificates, channelName, u)
    } catch (e) {
        // The native conversion refuses what these checks would; they name
        // the field as the caller wrote it.
        str(token, 'token', 'malformed')
        for (const c of Array.isArray(certificates) ? certificates : [certificates]) str(c, 'appCertificate', 'invalid_app_certificate')
        if (channelName !== null) str(channelName, 'channelName')
        if (u !== null) uid(u, 'uid')
        throw fromNative(e)
    }
    return { valid: matched >= 0, matched: matched >= 0 ? matched : null }
}

/** The core's inspection report of `token` as of `now` (Unix seconds; default: the clock). */
function inspect(token, now) {
    const t = str(token, 'token', 'malformed')
    const n = now === undefined || now === null ? null : u32(now, 'now')
    try {
        return native.inspect(t, n)
    } catch (e) {
        throw fromNative(e)
    }
}

module.exports = { parse, verify, inspect }
