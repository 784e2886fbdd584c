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

/** A lone UTF-16 surrogate (half of a pair): UTF-8 cannot hold one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
/** Whether `s` converts to UTF-8 unchanged (Node 20+ has it built in, and free for one-byte strings). */
const wellFormed = typeof String.prototype.isWellFormed === 'function'
    ? s => s.isWellFormed()
    : s => !LONE_SURROGATE.test(s)

/**
 * A string argument; `kind` is the error kind for a wrong type. Text with a
 * lone surrogate is refused: the conversion to UTF-8 would replace it with
 * U+FFFD and sign other text than the caller's.
 */
function str(v, name, kind = 'invalid_argument') {
    if (typeof v === 'string') {
        if (wellFormed(v)) return v
        throw tokenError(kind, `${name} must be well-formed Unicode: it holds a lone UTF-16 surrogate, which UTF-8 cannot encode`)
    }
    // Only the type: a certificate passed with the wrong type must not be echoed.
    throw tokenError(kind, `${name} must be a string, got ${v === null ? 'null' : typeof v}`)
}

/** An integer in min..max (no wrap of negatives, no fractions, NaN or infinities). */
function integer(v, name, min, max) {
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v
    throw tokenError('invalid_argument', `${name} must be an integer in ${min}..${max}, got ${describe(v)}`)
}

/** An integer in 0..2^32-1 (expiries, timestamps, salts, uids). */
const u32 = (v, name) => integer(v, name, 0, MAX_U32)

/** An integer in 0..65535 (service type ids). */
const u16 = (v, name) => integer(v, name, 0, 0xffff)

/** A signed 16-bit integer (APaaS roles). */
const i16 = (v, name) => integer(v, name, -32768, 32767)

/** A uid or account: a string as is, or a number in 0..2^32-1. */
function uid(v, name) {
    if (typeof v === 'string') return str(v, name)
    return u32(v, name)
}

/** The same as `uid`, as the text a token carries (the core's rule for numbers). */
function uidText(v, name) {
    if (typeof v === 'string') return str(v, name)
    return native.uidText(u32(v, name))
}

/**
 * `uidText` for the hot path, which never throws: a number in range as the
 * core's text (`toText`: uid text unless told), anything else as is, for
 * the export to refuse (and the facade's check to name).
 * @param {any} v
 * @param {(n: number) => string} [toText]
 */
function textOf(v, toText = native.uidText) {
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_U32 ? toText(v) : v
}

/**
 * The `{ issueTs, salt }` option as an export's last two arguments (none when absent).
 * @returns {[issueTs?: number | null, salt?: number | null]}
 */
function stampOf(opts) {
    return opts === undefined ? [] : [issueTsOf(opts), saltOf(opts)]
}

/**
 * A name the upstream takes through `toString()` (the dynamic keys'
 * channel): a string, or a whole number written in decimal — never the
 * text of NaN, Infinity or a fraction.
 */
function nameText(v, name) {
    if (typeof v !== 'number') return str(v, name)
    if (Number.isSafeInteger(v) && v >= 0) return String(v)
    throw tokenError('invalid_argument', `${name} as a number must be an integer in 0..2^53-1, got ${describe(v)}`)
}

/** A core snake_case name in the upstream's PascalCase (`join_channel` -> `JoinChannel`). */
const pascal = name => name.replace(/(?:^|_)(\w)/g, (_, c) => c.toUpperCase())

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

/** Each token object's certificate, out of every dump of the object. */
const certificates = new WeakMap()

/**
 * Gives the objects of `constructor` an `appCertificate` that code reads and
 * sets as upstream, held in a module-private WeakMap instead of on the
 * object: no own property (hidden or not) exists for console.log('%o'),
 * util.inspect with showHidden, JSON.stringify or object spread to show.
 * Their inspection shows their own properties only, since `showHidden` with
 * `getters` would otherwise call the prototype's accessor.
 */
function certificateSlot(constructor) {
    const name = constructor.name
    // An empty class of the same name, so the dump keeps the type's name.
    const Shown = { [name]: class {} }[name]
    Object.defineProperties(constructor.prototype, {
        appCertificate: {
            get() {
                return certificates.get(this)
            },
            set(value) {
                certificates.set(this, value)
            },
            configurable: true
        },
        [Symbol.for('nodejs.util.inspect.custom')]: {
            value(depth, options, inspect) {
                return inspect(Object.assign(new Shown(), this), { ...options, depth })
            },
            configurable: true
        }
    })
}

module.exports = { checkAppId, checkCert, certificateSlot, pascal, str, u16, u32, i16, uid, uidText, textOf, nameText, isOptions, issueTsOf, saltOf, stampOf }
