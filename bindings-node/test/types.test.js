'use strict'
// Type-checks a TypeScript example against index.d.ts and legacy.d.ts.
const test = require('node:test')
const assert = require('node:assert/strict')
const { spawnSync } = require('node:child_process')
const path = require('node:path')

test('tsc --noEmit on test/types/example.ts', () => {
    const tsc = require.resolve('typescript/bin/tsc')
    const project = path.join(__dirname, 'types', 'tsconfig.json')
    const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', project], { encoding: 'utf8' })
    assert.equal(run.status, 0, `tsc failed:\n${run.stdout}${run.stderr}`)
})
