'use strict'
// Replays every builder vector through the generated native exports by
// catalogue name, with the dispatch table scripts/catalogue.js generates
// (test/calls.json): arguments in the vectors' serde form, in catalogue
// order, defaults from the catalogue. vectors.test.js covers the facades.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')

const native = require('../lib/native')
const { fromNative } = require('../lib/errors')
const calls = require('./calls.json')

const VECTORS = path.resolve(__dirname, '..', '..', 'tests', 'vectors')

/** Calls the export of catalogue call `name` with the vector's `args`. */
function callByName(name, a) {
    const call = calls[name]
    assert.ok(call, `${name} is a catalogue call`)
    const args = call.params.map(p => (a[p.name] === undefined ? p.default : a[p.name]))
    if (call.stamped) args.push(a.issue_ts, a.salt)
    try {
        return native[call.native](...args)
    } catch (e) {
        return { error: fromNative(e).kind }
    }
}

test('every catalogue call has its native export', () => {
    for (const call of Object.values(calls)) assert.equal(typeof native[call.native], 'function', call.native)
})

for (const file of ['legacy.json', 'access_token_006.json', 'access_token2_007.json', 'errors.json']) {
    test(`catalogue replay: ${file}`, () => {
        const cases = JSON.parse(fs.readFileSync(path.join(VECTORS, file), 'utf8')).cases.filter(c => c.call in calls)
        assert.ok(cases.length > 0)
        const failures = cases.filter(c => {
            try {
                assert.deepStrictEqual(callByName(c.call, c.args), c.expected)
                return false
            } catch {
                return true
            }
        })
        assert.deepEqual(failures.map(c => c.name), [])
    })
}

test('structured arguments are checked by the core serde model and named', () => {
    const a = { app_id: '970CA35de60c44645bbae8a215061b33', app_certificate: '5CFd2fd1755d40ecb72977518be15d3b', expire: 600, issue_ts: 1, salt: 1 }
    const bad = [
        [{ ...a, services: [{ type: 'nope', privileges: {} }] }, /services/],
        [{ ...a, services: [{ type: 'rtc', privileges: { 1: -1 }, channel_name: 'c', uid: '' }] }, /services/],
        [{ ...a, services: [{ type: 'rtc', privileges: { x: 1 }, channel_name: 'c', uid: '' }] }, /services/]
    ]
    for (const [args, name] of bad) {
        assert.throws(() => native.accessToken2Build(args.app_id, args.app_certificate, args.expire, args.services, 1, 1),
            e => e.code === 'ERR_INVALID_ARGUMENT' && name.test(e.message))
    }
    assert.throws(() => native.rtmTokenBuilder2BuildTokenWithPermissions(a.app_id, a.app_certificate, 'u', { 0: { 0: 'a' } }, 600),
        e => e.code === 'ERR_INVALID_ARGUMENT' && /permissions/.test(e.message))
    assert.throws(() => native.accessTokenBuild(a.app_id, a.app_certificate, 'c', '', 1, 1, { 70000: 1 }),
        e => e.code === 'ERR_INVALID_ARGUMENT' && /privileges ids must be integers in 0\.\.=65535, got "70000"/.test(e.message))
    assert.throws(() => native.apaasTokenBuilderBuildRoomUserToken(a.app_id, a.app_certificate, 'r', 'u', 40000, 600),
        e => e.code === 'ERR_INVALID_ARGUMENT' && /role must be in -32768\.\.=32767, got 40000/.test(e.message))
})
