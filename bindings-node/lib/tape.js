'use strict'
// Rebuilds the values the addon sends as tapes (src/tape.rs: one string
// per result instead of one napi call per property). Each object shape
// gets its own function returning an object literal, made once from the
// shape's keys, so V8 builds every object of that shape in one step.

/**
 * The addon's exports, with each `<name>Tape` export offered as `<name>`
 * returning the rebuilt value.
 * @param {Record<string, any>} addon
 */
function withTapes(addon) {
    const { Null, False, True, U32, F64, Str, Seq, Obj } = addon.TapeOp
    const { INLINE } = addon
    /** @type {Array<() => object>} one per shape id */
    const builders = []
    const f64 = new Float64Array(1)
    const units = new Uint16Array(f64.buffer)
    let tape = ''
    let at = 0

    const u32 = () => tape.charCodeAt(at++) * 0x10000 + tape.charCodeAt(at++)

    function value() {
        // The usual values first: the cases compare in order.
        switch (tape.charCodeAt(at++)) {
            case Str: {
                const n = u32()
                return tape.slice(at, (at += n))
            }
            case U32: return u32()
            case Obj: {
                const id = u32()
                if (id === INLINE) return plain(value())()
                return (builders[id] ?? learn(id))()
            }
            case Seq: {
                const n = u32()
                const list = []
                for (let k = 0; k < n; k++) list.push(value())
                return list
            }
            case Null: return null
            case False: return false
            case True: return true
            case F64:
                for (let k = 0; k < 4; k++) units[k] = tape.charCodeAt(at++)
                return f64[0]
        }
        return unreadable()
    }

    /** @returns {never} */
    function unreadable() {
        throw new Error(`rtctoken: unreadable native result at ${at - 1}`)
    }

    /** The builder of shape `id`, after reading the shapes this side has not seen. */
    function learn(id) {
        for (const keys of addon.tapeShapes(builders.length)) builders.push(literal(keys))
        return builders[id] ?? unreadable()
    }

    /**
     * A function returning `{ k0: value(), k1: value(), … }` (values read
     * in the keys' order); quoted keys, `__proto__` computed so that it
     * stays an own property.
     * @param {string[]} keys
     */
    function literal(keys) {
        const fields = keys.map(k => `${k === '__proto__' ? '["__proto__"]' : JSON.stringify(k)}: v()`)
        try {
            return new Function('v', `return () => ({ ${fields.join(', ')} })`)(value)
        } catch {
            return plain(keys) // code generation disallowed (--disallow-code-generation-from-strings)
        }
    }

    /** @param {string[]} keys */
    const plain = keys => () => Object.fromEntries(keys.map(k => [k, value()]))

    /** @param {string} t */
    function rebuild(t) {
        tape = t
        at = 0
        return value()
    }

    const rebuilt = Object.entries(addon)
        .filter(([name]) => name.endsWith('Tape'))
        .map(([name, fn]) => [name.slice(0, -'Tape'.length), (...args) => rebuild(fn(...args))])
    return { ...addon, ...Object.fromEntries(rebuilt) }
}

module.exports = { withTapes }
