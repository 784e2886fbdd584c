'use strict'
// Every error code, argument checks (no silent wrap) and secrets kept out
// of messages.
const test = require('node:test')
const assert = require('node:assert/strict')

const rt = require('rtctoken')
const legacy = require('rtctoken/legacy')
const native = require('../lib/native')
const { call } = require('../lib/errors')

const { RtcTokenBuilder, RtcRole, AccessToken2, ServiceRtc, TokenError } = rt
const APP_ID = '970CA35de60c44645bbae8a215061b33'
const CERT = '5CFd2fd1755d40ecb72977518be15d3b'

function expectCode(fn, code) {
    let thrown
    try {
        const out = fn()
        assert.fail(`expected ${code}, got a result ${JSON.stringify(out)}`)
    } catch (e) {
        thrown = e
    }
    assert.ok(thrown instanceof TokenError, `a TokenError, got ${thrown}`)
    assert.ok(thrown instanceof Error)
    assert.equal(thrown.name, 'TokenError')
    assert.equal(thrown.code, code)
    assert.equal(TokenError.codes[thrown.kind], code)
    assert.ok(thrown.message.length > 0)
    assert.ok(!thrown.message.includes(CERT), 'the certificate never appears in a message')
    return thrown
}

const token006 = legacy.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'chan', 42, legacy.RtcRole.PUBLISHER, 1446455471)

const triggers = {
    ERR_INVALID_APP_ID: () => RtcTokenBuilder.buildTokenWithUid('abc', CERT, 'c', 1, RtcRole.PUBLISHER, 600),
    ERR_INVALID_APP_CERTIFICATE: () => RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT.slice(1) + 'Z', 'c', 1, RtcRole.PUBLISHER, 600),
    ERR_NO_SERVICE: () => new AccessToken2(APP_ID, CERT, 1111111, 600).build(),
    ERR_FIELD_TOO_LONG: () => RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'x'.repeat(70000), 1, RtcRole.PUBLISHER, 600),
    ERR_MALFORMED: () => rt.parse('007@@@@'),
    ERR_UNSUPPORTED_VERSION: () => rt.parse('008' + 'A'.repeat(40)),
    ERR_INVALID_ARGUMENT: () => legacy.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'c', 1, 7, 1446455471),
    ERR_MISSING_INPUT: () => rt.verify(token006, CERT),
    // The test build's deliberate panic (cargo feature panic-test) carries the certificate in its payload.
    ERR_INTERNAL: () => call(native.panicForTest, [CERT])
}

test('every core error kind has a code and a trigger', () => {
    assert.deepEqual(Object.keys(triggers).sort(), Object.values(TokenError.codes).sort())
    assert.equal(Object.keys(TokenError.codes).length, 9)
})

for (const [code, trigger] of Object.entries(triggers)) {
    test(`error code ${code}`, () => {
        expectCode(trigger, code)
    })
}

test('the message names the field and rule', () => {
    const e = expectCode(triggers.ERR_INVALID_APP_CERTIFICATE, 'ERR_INVALID_APP_CERTIFICATE')
    assert.match(e.message, /app_certificate/)
    assert.match(expectCode(triggers.ERR_INVALID_APP_ID, 'ERR_INVALID_APP_ID').message, /app_id/)
})

test('uids and expiries: integers in 0..2^32-1 only, no wrap', () => {
    for (const bad of [-1, 1.5, NaN, Infinity, 2 ** 32, -0.5, null, {}, true]) {
        const e = expectCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'c', bad, RtcRole.PUBLISHER, 600), 'ERR_INVALID_ARGUMENT')
        assert.match(e.message, /uid/)
        expectCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'c', 1, RtcRole.PUBLISHER, bad === null ? -1 : bad), 'ERR_INVALID_ARGUMENT')
        expectCode(() => legacy.DynamicKey4.generateMediaChannelKey(APP_ID, CERT, 'c', 1, 2, bad, 3), 'ERR_INVALID_ARGUMENT')
        expectCode(() => new ServiceRtc('c', bad), 'ERR_INVALID_ARGUMENT')
    }
    expectCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'c', 1, RtcRole.PUBLISHER, 600, 600, { salt: -1 }), 'ERR_INVALID_ARGUMENT')
    expectCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'c', 1, RtcRole.PUBLISHER, 600, 600, { issueTs: 1.5 }), 'ERR_INVALID_ARGUMENT')
    expectCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'c', 1, RtcRole.PUBLISHER, 600, 600, 'x'), 'ERR_INVALID_ARGUMENT')
    // the edges are accepted
    for (const ok of [0, 2 ** 32 - 1, '0', 'an account']) {
        assert.ok(RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'c', ok, RtcRole.PUBLISHER, 2 ** 32 - 1).startsWith('007'))
    }
})

test('wrong types are TokenErrors, certificate types included', () => {
    expectCode(() => RtcTokenBuilder.buildTokenWithUid(undefined, CERT, 'c', 1, 1, 600), 'ERR_INVALID_APP_ID')
    expectCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, 12345, 'c', 1, 1, 600), 'ERR_INVALID_APP_CERTIFICATE')
    expectCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 42, 1, 1, 600), 'ERR_INVALID_ARGUMENT')
    expectCode(() => rt.parse(42), 'ERR_MALFORMED')
    expectCode(() => rt.verify('007x', [CERT, 7]), 'ERR_INVALID_APP_CERTIFICATE')
    expectCode(() => rt.verify('007x', []), 'ERR_INVALID_APP_CERTIFICATE')
})

test('bad input never yields an empty string (unlike the upstream AccessToken2.build)', () => {
    const t = new AccessToken2('invalid', CERT, 1111111, 600)
    const s = new ServiceRtc('c', 1)
    s.add_privilege(ServiceRtc.kPrivilegeJoinChannel, 600)
    t.add_service(s)
    expectCode(() => t.build(), 'ERR_INVALID_APP_ID')
    for (const type of [-1, 65536, 1.5, NaN]) {
        const u = new AccessToken2(APP_ID, CERT, 1111111, 600)
        u.add_service(new rt.Service(type))
        assert.match(expectCode(() => u.build(), 'ERR_INVALID_ARGUMENT').message, /^service_type must be an integer in 0\.\.65535/)
    }
    expectCode(() => legacy.DynamicKey5.generateInChannelPermissionKey(APP_ID, CERT, 'c', 1, 2, 3, 4, '9'), 'ERR_INVALID_ARGUMENT')
    expectCode(() => legacy.RtmTokenBuilder.buildToken(APP_ID, CERT, 'a', 2, 1446455471), 'ERR_INVALID_ARGUMENT')
    expectCode(() => rt.EducationTokenBuilder.buildRoomUserToken(APP_ID, CERT, 'r', 'u', 40000, 600), 'ERR_INVALID_ARGUMENT')
})

test('a certificate of the wrong type is not echoed in the message', () => {
    const e = expectCode(() => RtcTokenBuilder.buildTokenWithUid(APP_ID, 51234567890, 'c', 1, 1, 600), 'ERR_INVALID_APP_CERTIFICATE')
    assert.ok(!e.message.includes('51234567890'))
})

test('RTM2 permissions of the wrong shape are refused, not dropped', () => {
    expectCode(() => rt.RtmTokenBuilder.buildTokenWithPermissions(APP_ID, CERT, 'u', { 0: 5 }, 600), 'ERR_INVALID_ARGUMENT')
    expectCode(() => rt.RtmTokenBuilder.buildTokenWithPermissions(APP_ID, CERT, 'u', { 0: { 0: 'a' } }, 600), 'ERR_INVALID_ARGUMENT')
})
