'use strict'
// TypeScript checks: a typed example against index.d.ts / legacy.d.ts, and
// the JS layer (lib/*.js, checkJs) against lib/native.d.ts, which the build
// generates from the Rust #[napi] definitions — so a JS call that disagrees
// with a native signature fails here.
const test = require('node:test')
const assert = require('node:assert/strict')
const { spawnSync } = require('node:child_process')
const path = require('node:path')

const tsc = require.resolve('typescript/bin/tsc')

function check(config) {
    const project = path.join(__dirname, 'types', config)
    const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', project], { encoding: 'utf8' })
    assert.equal(run.status, 0, `tsc -p ${config} failed:\n${run.stdout}${run.stderr}`)
}

test('tsc --noEmit on the typed example (test/types/example.ts)', () => {
    check('tsconfig.json')
})

test('tsc --noEmit --checkJs on lib/ against the generated native.d.ts', () => {
    check('tsconfig.lib.json')
})
