// The ESM entry points give the same objects as the CommonJS ones.
import test from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { RtcTokenBuilder, RtcRole, parse, TokenError } from 'rtctoken'
import legacyDefault, { DynamicKey, AccessToken } from 'rtctoken/legacy'

const require = createRequire(import.meta.url)

test('ESM and CommonJS share one module (one TokenError, one addon)', () => {
    const cjs = require('rtctoken')
    assert.equal(RtcTokenBuilder, cjs.RtcTokenBuilder)
    assert.equal(TokenError, cjs.TokenError)
    assert.equal(AccessToken, require('rtctoken/legacy').AccessToken)
    assert.equal(legacyDefault.DynamicKey, DynamicKey)
})

test('ESM import builds and parses', () => {
    const token = RtcTokenBuilder.buildTokenWithUid('970CA35de60c44645bbae8a215061b33', '5CFd2fd1755d40ecb72977518be15d3b',
        'demo', 42, RtcRole.PUBLISHER, 600, 600, { issueTs: 1111111, salt: 1 })
    const t = parse(token)
    assert.equal(t.version, '007')
    assert.equal(t.issue_ts, 1111111)
    assert.equal(t.salt, 1)
    assert.equal(t.services[0].uid, '42')
})

test('the ESM entry points name every CommonJS export', async () => {
    for (const [spec, file] of [['rtctoken', 'rtctoken'], ['rtctoken/legacy', 'rtctoken/legacy']]) {
        const ns = await import(spec)
        const named = Object.keys(ns).filter(k => k !== 'default').sort()
        assert.deepEqual(named, Object.keys(require(file)).sort(), spec)
    }
})
