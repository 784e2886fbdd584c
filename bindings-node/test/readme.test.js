'use strict'
// The README's example runs as written (its first ```js block).
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { spawnSync } = require('node:child_process')

test('README example runs', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8')
    const block = readme.match(/```js\n([\s\S]*?)```/)
    assert.ok(block, 'README has a js example')
    const run = spawnSync(process.execPath, ['-e', block[1]], { cwd: path.join(__dirname, '..'), encoding: 'utf8' })
    assert.equal(run.status, 0, run.stderr)
    const lines = run.stdout.trim().split('\n')
    assert.match(lines[0], /^007/)
    assert.equal(lines[1], '007 demo 42')
    assert.equal(lines[2], 'true')
    assert.equal(lines[3], '007')
    assert.equal(lines[4], 'true')
    assert.match(lines[5], /^006970CA35de60c44645bbae8a215061b33/)
    assert.match(lines[6], /^true ERR_INVALID_ARGUMENT uid must be/)
})
