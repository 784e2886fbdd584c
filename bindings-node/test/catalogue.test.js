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
        e => e.code === 'ERR_INVALID_ARGUMENT' && /role must be an integer in -32768\.\.=32767, got 40000/.test(e.message))
})

test('numbers are never wrapped or truncated: -1, fractions and NaN are refused and named', () => {
    const [id, cert] = ['970CA35de60c44645bbae8a215061b33', '5CFd2fd1755d40ecb72977518be15d3b']
    const build = (expire, issueTs, salt) => native.rtmTokenBuilder2BuildToken(id, cert, 'u', expire, issueTs, salt)
    for (const [args, name] of [[[-1, 1, 1], 'expire'], [[1.5, 1, 1], 'expire'], [[NaN, 1, 1], 'expire'],
        [[2 ** 32, 1, 1], 'expire'], [[1, -1, 1], 'issue_ts'], [[1, 1, 0.5], 'salt']]) {
        assert.throws(() => build(...args), e => e.code === 'ERR_INVALID_ARGUMENT' &&
            e.message.startsWith(`${name} must be an integer in 0..=4294967295`))
    }
    assert.throws(() => build('600', 1, 1), e => e.code === 'ERR_INVALID_ARGUMENT' &&
        e.message === 'expire must be an integer in 0..=4294967295')
    assert.throws(() => native.rtmTokenBuilder2BuildToken(id, 51234567890, 'u', 600), e => e.code === 'ERR_INVALID_ARGUMENT' &&
        e.message === 'app_certificate must be a string', 'named, and the value is not echoed')
    assert.equal(build(2 ** 32 - 1, 1, 1), build(2 ** 32 - 1, 1, 1))
    // the core's uid text, for the facades' numeric accounts
    assert.deepEqual([native.uidText(0), native.uidText(42)], ['', '42'])
    assert.throws(() => native.uidText(-1), e => e.code === 'ERR_INVALID_ARGUMENT' && /^uid must be an integer/.test(e.message))
    assert.equal(build(0, 1, 1), callByName('rtm_token_builder2.build_token',
        { app_id: id, app_certificate: cert, user_id: 'u', expire: 0, issue_ts: 1, salt: 1 }))
})

test('the exports refuse text that UTF-8 cannot hold, at any length, and read the rest exactly', () => {
    const [id, cert] = ['970CA35de60c44645bbae8a215061b33', '5CFd2fd1755d40ecb72977518be15d3b']
    const build = user => native.rtmTokenBuilder2BuildToken(id, cert, user, 600, 1, 1)
    for (const lone of ['\uD800', 'a\uDC00b', 'x'.repeat(300) + '\uD83D']) {
        assert.throws(() => build(lone), e => e.code === 'ERR_INVALID_ARGUMENT' &&
            e.message.startsWith('user_id must be well-formed Unicode'))
    }
    // a real U+FFFD, a pair, and text past the stack buffer sign as themselves
    for (const user of ['\uFFFD', '\uD83D\uDE00', '用户'.repeat(200), 'u'.repeat(1000)]) {
        const user2 = native.parse(build(user)).services[0].user_id
        assert.equal(user2, user)
    }
})

test('parse builds the core\'s serde shape and verify takes one certificate or a list', () => {
    const [id, cert] = ['970CA35de60c44645bbae8a215061b33', '5CFd2fd1755d40ecb72977518be15d3b']
    const token = native.rtcTokenBuilder2BuildTokenWithUid(id, cert, 'c', 0, 1, 600, 600, 1700000000, 7)
    assert.deepEqual(native.parse(token), {
        version: '007', app_id: id, issue_ts: 1700000000, expire: 600, salt: 7,
        services: [{ type: 'rtc', privileges: { 1: 600, 2: 600, 3: 600, 4: 600 }, channel_name: 'c', uid: '' }]
    })
    assert.equal(native.verify(token, cert, null, null), 0)
    assert.equal(native.verify(token, ['5CFd2fd1755d40ecb72977518be15d3c', cert], null, null), 1)
    assert.equal(native.verify(token, ['5CFd2fd1755d40ecb72977518be15d3c'], null, null), -1)
})

test('the service classes are the core\'s service table, with its ids', () => {
    const { AccessToken2 } = require('..')
    const table = native.serviceTypes()
    assert.equal(Object.keys(AccessToken2.kServices).length, table.length)
    for (const [id, cls] of Object.entries(AccessToken2.kServices)) assert.equal(new cls().service_type(), Number(id))
    assert.deepEqual(table[0], {
        name: 'rtc', id: 1,
        privileges: { join_channel: 1, publish_audio_stream: 2, publish_video_stream: 3, publish_data_stream: 4 }
    })
})

test('the role constants and version prefixes are the core\'s', () => {
    const rt = require('..')
    const legacy = require('../legacy')
    const upper = roles => Object.fromEntries(Object.entries(roles).map(([name, id]) => [name.toUpperCase(), id]))
    const roles = native.roles()
    assert.deepEqual(Object.keys(roles).sort(), ['rtc_token_builder', 'rtc_token_builder2', 'rtm_token_builder'])
    assert.deepEqual({ ...rt.RtcRole }, upper(roles.rtc_token_builder2))
    assert.deepEqual({ ...legacy.RtcRole }, upper(roles.rtc_token_builder))
    assert.deepEqual({ ...legacy.RtmRole }, { Rtm_User: roles.rtm_token_builder.rtm_user })
    assert.equal(Object.keys(roles.rtm_token_builder).length, 1)
    const { accessToken, accessToken2 } = native.versions()
    assert.equal(require('../lib/subpaths/AccessToken').version, accessToken)
    const id = '970CA35de60c44645bbae8a215061b33'
    const cert = '5CFd2fd1755d40ecb72977518be15d3b'
    const t006 = legacy.RtcTokenBuilder.buildTokenWithUid(id, cert, 'c', 1, legacy.RtcRole.PUBLISHER, 0)
    const t007 = rt.RtcTokenBuilder.buildTokenWithUid(id, cert, 'c', 1, rt.RtcRole.PUBLISHER, 600)
    assert.ok(t006.startsWith(accessToken) && new legacy.AccessToken('', '', '', '').fromString(t006))
    assert.ok(t007.startsWith(accessToken2) && new rt.AccessToken2('', '', 0, 0).from_string(t007))
})

test('the DynamicKey5 and RTM2 permission constants are the core\'s', () => {
    const rt = require('..')
    const legacy = require('../legacy')
    const { DynamicKey5 } = legacy
    const permissions = native.dynamicKey5Permissions()
    assert.deepEqual(permissions, { no_upload: DynamicKey5.noUpload, audio_video_upload: DynamicKey5.audioVideoUpload })
    assert.equal(DynamicKey5.version, native.versions().dynamicKey5)
    assert.equal(require('../lib/subpaths/DynamicKey5').version, DynamicKey5.version)
    const id = '970CA35de60c44645bbae8a215061b33'
    const cert = '5CFd2fd1755d40ecb72977518be15d3b'
    for (const permission of Object.values(permissions)) {
        const parsed = rt.parse(DynamicKey5.generateInChannelPermissionKey(id, cert, 'c', 1, 2, 3, 4, permission))
        assert.equal(parsed.version, DynamicKey5.version)
        assert.deepEqual(parsed.extra, { 1: permission })
    }
    const { resourceTypes, permissions: rtm2 } = native.rtm2Permissions()
    const P = rt.Rtm2Permissions
    assert.deepEqual(resourceTypes, {
        message_channel: P.kMessageChannels,
        stream_channel: P.kStreamChannels,
        group_channel: P.kGroupChannels,
        server_group: P.kServerGroups,
        user: P.kUsers
    })
    assert.deepEqual(rtm2, { read: P.kRead, write: P.kWrite })
})
