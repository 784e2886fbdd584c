'use strict'
// Runs the reference-style (nodeunit) tests in test/migrated/ under node:test
// twice: as written (require('rtctoken...')) and, when the upstream packages
// are installed (they are devDependencies), with only the require line
// swapped back to the upstream module. Both must pass: that is the drop-in.
const test = require('node:test')
const assert = require('node:assert/strict')
// nodeunit's equal/notEqual/deepEqual are the loose (==) comparisons.
const loose = require('node:assert')
const fs = require('node:fs')
const path = require('node:path')
const Module = require('node:module')

const MIGRATED = [
    {
        file: 'access-token2.nodeunit.js',
        ours: "require('rtctoken')",
        upstream: "require('agora-token/src/AccessToken2')"
    },
    {
        file: 'dynamic-key5.nodeunit.js',
        ours: "require('rtctoken/legacy').DynamicKey5",
        upstream: "require('agora-access-token/src/DynamicKey5')"
    }
]

/** The part of nodeunit's `test` object these files use. */
function nodeunitShim() {
    let done = false
    return {
        equal: (a, b, m) => loose.equal(a, b, m),
        notEqual: (a, b, m) => loose.notEqual(a, b, m),
        strictEqual: (a, b, m) => assert.strictEqual(a, b, m),
        deepEqual: (a, b, m) => loose.deepEqual(a, b, m),
        ok: (v, m) => assert.ok(v, m),
        done: () => {
            done = true
        },
        get finished() {
            return done
        }
    }
}

/** Loads `source` as a module living at `filename` (so `require` resolves from there). */
function load(source, filename) {
    const m = new Module(filename, module)
    m.filename = filename
    m.paths = Module._nodeModulePaths(path.dirname(filename))
    m._compile(source, filename)
    return m.exports
}

function runAll(exportsObj, label) {
    const names = Object.keys(exportsObj)
    assert.ok(names.length > 0)
    for (const name of names) {
        const t = nodeunitShim()
        exportsObj[name](t)
        assert.ok(t.finished, `${label}: ${name} called test.done()`)
    }
}

function upstreamInstalled(spec) {
    const id = spec.match(/require\('([^']+)'\)/)[1]
    try {
        require.resolve(id, { paths: [path.join(__dirname, 'migrated')] })
        return true
    } catch (e) {
        return false
    }
}

for (const m of MIGRATED) {
    const filename = path.join(__dirname, 'migrated', m.file)
    const source = fs.readFileSync(filename, 'utf8')

    test(`migrated ${m.file} passes against rtctoken`, () => {
        assert.ok(source.includes(m.ours), 'the file requires rtctoken')
        runAll(load(source, filename), 'rtctoken')
    })

    test(`migrated ${m.file}: the same file with only the require swapped passes against the upstream`, t => {
        if (!upstreamInstalled(m.upstream)) {
            t.skip('upstream package not installed')
            return
        }
        const swapped = source.replace(m.ours, m.upstream)
        const diff = source.split('\n').filter((line, i) => line !== swapped.split('\n')[i])
        assert.equal(diff.length, 1, 'exactly one line differs')
        runAll(load(swapped, filename), 'upstream')
    })
}
