'use strict'
// Behaviour beyond the vectors: defaults, the options argument, verify with
// certificate rotation, inspect, and the legacy helpers.
const test = require('node:test')
const assert = require('node:assert/strict')

const rt = require('rtctoken')
const legacy = require('rtctoken/legacy')

const APP_ID = '970CA35de60c44645bbae8a215061b33'
const CERT = '5CFd2fd1755d40ecb72977518be15d3b'
const CERT2 = '0123456789abcdef0123456789ABCDEF'

test('default stamp: issued now with a random salt in 1..99999999', () => {
    const before = Math.floor(Date.now() / 1000)
    const t = rt.parse(rt.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'c', 1, rt.RtcRole.PUBLISHER, 600))
    const after = Math.floor(Date.now() / 1000)
    assert.ok(t.issue_ts >= before && t.issue_ts <= after)
    assert.ok(t.salt >= 1 && t.salt <= 99999999)
    // privilegeExpire defaults to 0 as upstream
    assert.deepEqual(t.services[0].privileges, { 1: 0, 2: 0, 3: 0, 4: 0 })
})

test('the options object may stand in the place of a defaulted privilegeExpire', () => {
    const stamp = { issueTs: 1111111, salt: 1 }
    const a = rt.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'c', 1, rt.RtcRole.SUBSCRIBER, 600, stamp)
    const b = rt.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'c', 1, rt.RtcRole.SUBSCRIBER, 600, 0, stamp)
    assert.equal(a, b)
    const c = rt.RtcTokenBuilder.buildTokenWithRtm(APP_ID, CERT, 'c', 'acc', rt.RtcRole.SUBSCRIBER, 600, stamp)
    assert.equal(c, rt.RtcTokenBuilder.buildTokenWithRtm(APP_ID, CERT, 'c', 'acc', rt.RtcRole.SUBSCRIBER, 600, 0, stamp))
})

test('uid as number or string gives the same token; 0 means any user', () => {
    const s = { issueTs: 1, salt: 2 }
    assert.equal(rt.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'c', 42, 1, 600, 600, s),
        rt.RtcTokenBuilder.buildTokenWithUserAccount(APP_ID, CERT, 'c', '42', 1, 600, 600, s))
    assert.equal(rt.parse(rt.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'c', 0, 1, 600, 600, s)).services[0].uid, '')
})

test('verify: certificate rotation reports the index that matched', () => {
    const token = rt.ChatTokenBuilder.buildUserToken(APP_ID, CERT, 'alice', 600)
    assert.deepEqual(rt.verify(token, CERT), { valid: true, matched: 0 })
    assert.deepEqual(rt.verify(token, [CERT2, CERT]), { valid: true, matched: 1 })
    assert.deepEqual(rt.verify(token, [CERT2]), { valid: false, matched: null })
})

test('verify 006 with a numeric uid (0 = any user) and v4 keys with a numeric uid', () => {
    const t0 = legacy.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'chan', 0, legacy.RtcRole.PUBLISHER, 1446455471)
    assert.equal(rt.verify(t0, CERT, { channelName: 'chan', uid: 0 }).valid, true)
    assert.equal(rt.verify(t0, CERT, { channelName: 'chan', uid: '' }).valid, true)
    const t1 = legacy.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'chan', 7, legacy.RtcRole.PUBLISHER, 1446455471)
    assert.equal(rt.verify(t1, CERT, { channelName: 'chan', uid: 7 }).valid, true)
    assert.equal(rt.verify(t1, CERT, { channelName: 'chan', uid: 8 }).valid, false)
    const k4 = legacy.DynamicKey4.generateRecordingKey(APP_ID, CERT, 'chan', 1446455472, 58964981, 99, 1446455471)
    assert.equal(rt.verify(k4, CERT, { channelName: 'chan', uid: 99 }).valid, true)
    const sig = legacy.SignalingToken.generate(APP_ID, CERT, 'bob', 1446455471)
    assert.equal(rt.verify(sig, CERT, { uid: 'bob' }).valid, true)
})

test('inspect returns the core report as an object', () => {
    const token = rt.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'demo', 42, 1, 600, 600, { issueTs: 1111111, salt: 1 })
    const report = rt.inspect(token, 1800000000)
    assert.equal(report.version, '007')
    assert.equal(report.app_id, APP_ID)
    assert.equal(typeof rt.inspect(token).version, 'string')
    assert.deepEqual(legacy.inspect(token, 1800000000), report)
})

test('legacy AccessToken: unset salt and ts are drawn at build time; fromString reads them back', () => {
    const t = new legacy.AccessToken(APP_ID, CERT, 'chan', 2882341273)
    t.addPriviledge(legacy.Privileges.kJoinChannel, 1446455471)
    const before = Math.floor(Date.now() / 1000)
    const token = t.build()
    const back = new legacy.AccessToken('', '', '', '')
    assert.equal(back.fromString(token), true)
    assert.ok(back.ts >= before + 86400 && back.ts <= before + 86400 + 5)
    assert.deepEqual(back.messages, { 1: 1446455471 })
    assert.equal(back.fromString('007abc'), false)
    assert.equal(legacy.priviledges, legacy.Privileges)
})

test('legacy SignalingToken.get: relative validity', () => {
    const token = legacy.SignalingToken.get(APP_ID, CERT, 'bob', 3600)
    const parsed = rt.parse(token)
    const now = Math.floor(Date.now() / 1000)
    assert.ok(Math.abs(parsed.expired_ts - (now + 3600)) <= 5)
    assert.equal(rt.parse(legacy.SignalingToken.get1DayToken(APP_ID, CERT, 'bob')).version, 'signaling')
})

test('AccessToken2 objects hold their salt and issue time from construction', () => {
    const t = new rt.AccessToken2(APP_ID, CERT, 0, 600)
    assert.ok(t.salt >= 1 && t.salt <= 99999999)
    assert.ok(Math.abs(t.issueTs - Date.now() / 1000) < 5)
    t.add_service(new rt.ServiceFpa())
    assert.equal(t.build(), t.build(), 'the same object builds the same token')
    assert.equal(rt.AccessToken2.kServices[rt.kSttServiceType], rt.ServiceStt)
})

test('dynamic keys accept a numeric channel name as the upstream does (toString)', () => {
    assert.equal(legacy.DynamicKey.generate(APP_ID, CERT, 12345, 1446455472, 58964981),
        legacy.DynamicKey.generate(APP_ID, CERT, '12345', 1446455472, 58964981))
})

test('AccessToken2.build refuses services that are not Service objects', () => {
    const t = new rt.AccessToken2(APP_ID, CERT, 1111111, 600)
    t.add_service({ type: 1 })
    assert.throws(() => t.build(), { name: 'TokenError', code: 'ERR_INVALID_ARGUMENT' })
})

test('role and privilege constants equal the upstream packages', () => {
    assert.deepEqual({ ...rt.RtcRole }, { ...require('agora-token').RtcRole })
    assert.deepEqual({ ...legacy.RtcRole }, { ...require('agora-access-token').RtcRole })
    assert.deepEqual({ ...legacy.RtmRole }, { ...require('agora-access-token').RtmRole })
    assert.deepEqual({ ...legacy.RtcRole }, { ATTENDEE: 0, PUBLISHER: 1, SUBSCRIBER: 2, ADMIN: 101 })
    assert.deepEqual({ ...legacy.Privileges }, { ...require('agora-access-token/src/AccessToken').priviledges })
    assert.equal(legacy.Privileges.kPublishAudiocdn, 5)
})

test('every service class\'s privilege constants (from the core\'s table) equal agora-token\'s', () => {
    const theirs = require('agora-token/src/AccessToken2')
    const constants = cls => Object.fromEntries(Object.entries(cls).filter(([k]) => /^(kPrivilege|PRIVILEGE_)/.test(k)))
    for (const name of Object.keys(theirs).filter(n => /^Service./.test(n))) {
        assert.deepEqual(constants(rt[name]), constants(theirs[name]), name)
    }
    assert.deepEqual(constants(rt.ServiceApaas), { PRIVILEGE_ROOM_USER: 1, PRIVILEGE_USER: 2, PRIVILEGE_APP: 3 })
})

test('SignalingToken.get expires validTimeInSeconds after the core\'s clock; past 2106 is refused', () => {
    const before = Math.floor(Date.now() / 1000)
    const expiry = Number(legacy.SignalingToken.get(APP_ID, CERT, 'alice', 600).split(':')[2])
    assert.ok(expiry >= before + 600 && expiry <= Math.floor(Date.now() / 1000) + 600, String(expiry))
    assert.throws(() => legacy.SignalingToken.get(APP_ID, CERT, 'alice', 0xffffffff), { code: 'ERR_INVALID_ARGUMENT', message: /32-bit clock/ })
    assert.throws(() => legacy.SignalingToken.get(APP_ID, CERT, 'alice', -1), { code: 'ERR_INVALID_ARGUMENT', message: /validTimeInSeconds/ })
})

test('a numeric 006 RTM account is signed as its decimal text, 0 included', () => {
    const build = account => legacy.RtmTokenBuilder.buildToken(APP_ID, CERT, account, 1, 1446455471, { issueTs: 1111111, salt: 1 })
    assert.equal(build(0), build('0'))
    assert.equal(build(4294967295), build('4294967295'))
    assert.throws(() => build(-1), { code: 'ERR_INVALID_ARGUMENT', message: /account/ })
    assert.throws(() => build(1.5), { code: 'ERR_INVALID_ARGUMENT', message: /account/ })
})

test('an APaaS service without a role carries the core\'s "no role" (-1); role 0 stays 0', () => {
    const build = role => {
        const t = new rt.AccessToken2(APP_ID, CERT, 1700000000, 600)
        t.salt = 7
        t.add_service(new rt.ServiceApaas('room', 'user', role))
        return t.build()
    }
    assert.equal(build(), build(-1))
    assert.equal(rt.parse(build()).services[0].role, -1)
    assert.equal(rt.parse(build(0)).services[0].role, 0)
})
