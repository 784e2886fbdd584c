'use strict'
// TokenError: the one error class every call throws, with a stable `code`
// per core error kind. The table comes from the core (native.errorKinds()).
const native = require('./native')

const kinds = native.errorKinds()
/** kind name (snake_case) -> code (ERR_...) */
const codes = Object.freeze(Object.fromEntries(kinds.map(k => [k.kind, k.code])))
const kindOfCode = new Map(kinds.map(k => [k.code, k.kind]))

/** An error from rtctoken: `code` is stable (ERR_INVALID_APP_ID, ...), `kind` is the core's name. */
class TokenError extends Error {
    constructor(code, message) {
        super(message)
        this.name = 'TokenError'
        this.code = code
        this.kind = kindOfCode.get(code)
    }
}
TokenError.codes = codes

/** A TokenError of `kind` (a core kind name). */
function tokenError(kind, message) {
    return new TokenError(codes[kind], message)
}

/** Turns whatever the native layer threw into a TokenError. */
function fromNative(e) {
    if (e instanceof TokenError) return e
    if (e && kindOfCode.has(e.code)) return new TokenError(e.code, e.message)
    if (e && typeof e.message === 'string') {
        // napi-rs refused an argument's type: the JS checks should have caught it.
        return tokenError('invalid_argument', e.message)
    }
    return tokenError('internal', `unexpected native failure: ${String(e)}`)
}

/**
 * Calls native `fn` on the caller's values as they are; `check` runs only
 * if it throws (see `failure`). Typed so that tsc checks `args` against
 * the native signature (lib/native.d.ts, generated from the Rust definitions).
 * @template {(...args: any[]) => any} F
 * @param {F} fn
 * @param {Parameters<F>} args
 * @param {() => unknown} [check]
 * @returns {ReturnType<F>}
 */
function call(fn, args, check) {
    try {
        return fn(...args)
    } catch (e) {
        throw failure(e, check)
    }
}

/**
 * What a failed native call throws. The native conversions refuse whatever
 * the facade's checks would, so a hot facade calls its export on the
 * caller's values as they are and runs `check` only here: an argument
 * error then names the field as the caller wrote it, and anything else is
 * the core's error as a TokenError.
 * @param {unknown} e what the native call threw
 * @param {() => unknown} [check] the facade's argument checks (they throw)
 */
function failure(e, check) {
    if (check) check()
    return fromNative(e)
}

module.exports = { TokenError, tokenError, fromNative, call, failure, codes }
