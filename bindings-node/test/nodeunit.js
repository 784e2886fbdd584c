'use strict'
// Runs reference-style (nodeunit) test files under node:test: the part of
// nodeunit's `test` object such files use, and loading a file's source as
// a module living at a given path (so its `require`s resolve from there).
const assert = require('node:assert/strict')
// nodeunit's equal/notEqual/deepEqual are the loose (==) comparisons.
const loose = require('node:assert')
const path = require('node:path')
const Module = require('node:module')

/**
 * A nodeunit `test` object; `equal(a, b)` may be replaced (`overrides`)
 * where a comparison needs a documented rule of its own.
 */
function nodeunitShim(overrides = {}) {
    let done = false
    return {
        equal: (a, b, m) => loose.equal(a, b, m),
        notEqual: (a, b, m) => loose.notEqual(a, b, m),
        strictEqual: (a, b, m) => assert.strictEqual(a, b, m),
        deepEqual: (a, b, m) => loose.deepEqual(a, b, m),
        ok: (v, m) => assert.ok(v, m),
        ...overrides,
        done: () => {
            done = true
        },
        get finished() {
            return done
        }
    }
}

/** Loads `source` as a module living at `filename`. */
function load(source, filename) {
    const m = new Module(filename, module)
    m.filename = filename
    m.paths = Module._nodeModulePaths(path.dirname(filename))
    m._compile(source, filename)
    return m.exports
}

/** Runs one exported nodeunit test; throws what it threw, or if it never called done(). */
function runOne(fn, name, overrides) {
    const t = nodeunitShim(overrides)
    fn(t)
    assert.ok(t.finished, `${name} called test.done()`)
}

module.exports = { load, runOne }
