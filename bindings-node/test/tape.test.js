'use strict'
// lib/tape.js: the values the addon sends as tapes (src/tape.rs), rebuilt.
// The vectors' parse cases cover every token format's shape; these cover
// what no token carries.
const test = require('node:test')
const assert = require('node:assert/strict')
const { spawnSync } = require('node:child_process')
const path = require('node:path')
const native = require('../lib/native')
const { withTapes } = require('../lib/tape')

const { Null, False, True, U32, F64, Str, Seq, Obj } = native.TapeOp
const u32 = n => String.fromCharCode(Math.floor(n / 0x10000), n % 0x10000)
const str = s => String.fromCharCode(Str) + u32(s.length) + s
const f64 = n => String.fromCharCode(F64, ...new Uint16Array(new Float64Array([n]).buffer))

/** An addon whose `echoTape` returns its tape as is, with the shapes given. */
function fake(shapes) {
    const asked = []
    const addon = withTapes({
        TapeOp: native.TapeOp,
        INLINE: native.INLINE,
        tapeShapes: from => (asked.push(from), shapes.slice(from)),
        echoTape: t => t,
        other: () => 'as is'
    })
    return { addon, asked }
}

test('each <name>Tape export is offered as <name>, the others as they are', () => {
    const { addon } = fake([])
    assert.equal(typeof addon.echo, 'function')
    assert.equal(addon.other(), 'as is')
    assert.equal(addon.echoTape('raw'), 'raw')
    assert.equal(addon.echo(str('x')), 'x')
})

test('every tape value rebuilds, shapes are learnt once and keys stay own data', () => {
    const { addon, asked } = fake([['__proto__', 'n', '1'], ['constructor']])
    const tape = String.fromCharCode(Seq) + u32(6) +
        String.fromCharCode(Obj) + u32(0) + String.fromCharCode(Null) + f64(-0.5) + String.fromCharCode(True) +
        String.fromCharCode(Obj) + u32(1) + str('héllo \uD83D\uDE00') +
        String.fromCharCode(Obj) + u32(native.INLINE) + String.fromCharCode(Seq) + u32(2) + str('__proto__') + str('k') +
        String.fromCharCode(False) + String.fromCharCode(U32) + u32(0xffffffff) +
        f64(-0) + String.fromCharCode(Seq) + u32(0) + String.fromCharCode(U32) + u32(70000)
    const expected = [
        JSON.parse('{"__proto__": null, "n": -0.5, "1": true}'),
        { constructor: 'héllo \uD83D\uDE00' },
        JSON.parse('{"__proto__": false, "k": 4294967295}'),
        -0, [], 70000
    ]
    for (let i = 0; i < 2; i++) {
        const got = addon.echo(tape)
        assert.deepStrictEqual(got, expected)
        assert.equal(Object.getPrototypeOf(got[0]), Object.prototype, '__proto__ is an own key, not the prototype')
        assert.deepEqual(Object.keys(got[0]), ['1', '__proto__', 'n'])
    }
    assert.deepEqual(asked, [0], 'the shapes are read once, when first met')
})

test('an unreadable tape fails loudly', () => {
    const { addon } = fake([])
    assert.throws(() => addon.echo('\uFFFF'), /unreadable native result at 0/)
})

test('without code generation from strings, parse builds the same objects', () => {
    const script = `
        const rt = require('.')
        const token = rt.RtcTokenBuilder.buildTokenWithUid('970CA35de60c44645bbae8a215061b33',
            '5CFd2fd1755d40ecb72977518be15d3b', 'c', 7, 1, 600, 600, { issueTs: 1700000000, salt: 9 })
        process.stdout.write(JSON.stringify([rt.parse(token), rt.parse(token)]))`
    const run = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '-e', script],
        { cwd: path.join(__dirname, '..'), encoding: 'utf8' })
    assert.equal(run.status, 0, run.stderr)
    const parsed = {
        version: '007', app_id: '970CA35de60c44645bbae8a215061b33', issue_ts: 1700000000, expire: 600, salt: 9,
        services: [{ privileges: { 1: 600, 2: 600, 3: 600, 4: 600 }, type: 'rtc', channel_name: 'c', uid: '7' }]
    }
    assert.deepEqual(JSON.parse(run.stdout), [parsed, parsed])
})
