'use strict'
// Argument checks done in JavaScript before the native call, so that bad
// input becomes a TokenError naming the field instead of a silent wrap
// (napi's uint32 conversion would turn -1 into 4294967295).
const native = require('./native')
const { tokenError } = require('./errors')

const MAX_U32 = 0xffffffff

function describe(v) {
    if (typeof v === 'number') return String(v)
    if (v === null) return 'null'
    return typeof v
}

/** A string argument; `kind` is the error kind for a wrong type. */
function str(v, name, kind = 'invalid_argument') {
    if (typeof v === 'string') return v
    // Only the type: a certificate passed with the wrong type must not be echoed.
    throw tokenError(kind, `${name} must be a string, got ${v === null ? 'null' : typeof v}`)
}

/** An integer in 0..2^32-1 (no wrap of negatives, fractions, NaN). */
function u32(v, name) {
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_U32) return v
    throw tokenError('invalid_argument', `${name} must be an integer in 0..4294967295, got ${describe(v)}`)
}

/** A signed 16-bit integer (APaaS roles). */
function i16(v, name) {
    if (typeof v === 'number' && Number.isInteger(v) && v >= -32768 && v <= 32767) return v
    throw tokenError('invalid_argument', `${name} must be an integer in -32768..32767, got ${describe(v)}`)
}

/** A uid or account: a string as is, or a number in 0..2^32-1. */
function uid(v, name) {
    if (typeof v === 'string') return v
    return u32(v, name)
}

/** The same as `uid`, as the text a token carries (the core's rule for numbers). */
function uidText(v, name) {
    if (typeof v === 'string') return v
    return native.uidText(u32(v, name))
}

/** Whether `v` looks like the `{ issueTs, salt }` option object. */
function isOptions(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function checkOptions(opts) {
    if (opts === undefined || opts === null) return undefined
    if (!isOptions(opts)) {
        throw tokenError('invalid_argument', `options must be an object { issueTs, salt }, got ${describe(opts)}`)
    }
    return opts
}

/** `issueTs` from the options (null = now). */
function issueTsOf(opts) {
    const o = checkOptions(opts)
    return o === undefined || o.issueTs === undefined || o.issueTs === null ? null : u32(o.issueTs, 'issueTs')
}

/** `salt` from the options (null = random). */
function saltOf(opts) {
    const o = checkOptions(opts)
    return o === undefined || o.salt === undefined || o.salt === null ? null : u32(o.salt, 'salt')
}

/** The app ID argument (a wrong type is an invalid app ID). */
function checkAppId(v) {
    return str(v, 'appId', 'invalid_app_id')
}

/** The app certificate argument; its value never appears in messages. */
function checkCert(v) {
    return str(v, 'appCertificate', 'invalid_app_certificate')
}

/**
 * Makes a token object's `appCertificate` non-enumerable: code still reads
 * and sets it as upstream, while console.log / util.inspect, JSON.stringify
 * and object spread never show the secret.
 */
function hideCertificate(obj) {
    Object.defineProperty(obj, 'appCertificate', { enumerable: false })
}

module.exports = { checkAppId, checkCert, hideCertificate, str, u32, i16, uid, uidText, isOptions, issueTsOf, saltOf }
