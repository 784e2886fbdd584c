'use strict'
// Runs the reference-style (nodeunit) tests in test/migrated/ under node:test
// twice: as written (require('rtctoken...')) and, when the upstream packages
// are installed (they are devDependencies), with only the require line
// swapped back to the upstream module. Both must pass: that is the drop-in.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { load, runOne } = require('./nodeunit')

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

function runAll(exportsObj, label) {
    const names = Object.keys(exportsObj)
    assert.ok(names.length > 0)
    for (const name of names) runOne(exportsObj[name], `${label}: ${name}`)
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
