'use strict'
// Issue 14 for Node.js, with the vendor's names only: `Role` from the
// builders' modules, the deep-import subpaths, Node's zlib bytes against
// C zlib's, the generic Service of any type number and a reused parser.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const zlib = require('node:zlib')

const appId = '970CA35de60c44645bbae8a215061b33'
const appCertificate = '5CFd2fd1755d40ecb72977518be15d3b'
const channelName = '7d72365eb983485397e3e3f9d460bdda'
const uid = 2882341273

function vendor(pkg) {
    try {
        return path.dirname(require.resolve(`${pkg}/package.json`))
    } catch (e) {
        return null
    }
}
const VENDOR = vendor('agora-token')

test('Role comes with RtcTokenBuilder2, RtcTokenBuilder and RtmTokenBuilder, as in the vendor package', t => {
    const { RtcTokenBuilder, Role } = require('rtctoken/src/RtcTokenBuilder2')
    const { AccessToken2, ServiceRtc, kRtcServiceType } = require('rtctoken/src/AccessToken2')
    const token = RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, channelName, uid, Role.SUBSCRIBER, 600, 600)
    const parsed = new AccessToken2('', '', 0, 0)
    assert.equal(parsed.from_string(token), true)
    assert.deepEqual(parsed.getServices(kRtcServiceType)[0].__privileges, { [ServiceRtc.kPrivilegeJoinChannel]: 600 })

    const rtc006 = require('rtctoken/src/RtcTokenBuilder')
    const rtm006 = require('rtctoken/src/RtmTokenBuilder')
    const { AccessToken } = require('rtctoken/src/AccessToken')
    const key = new AccessToken('', '', '', '')
    for (const [role, count] of [[rtc006.Role.PUBLISHER, 4], [rtc006.Role.ADMIN, 4], [rtc006.Role.SUBSCRIBER, 1]]) {
        assert.equal(key.fromString(rtc006.RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, channelName, uid,
            role, 1446455471)), true)
        assert.equal(Object.keys(key.messages).length, count, `role ${role}: join, and publishing for publishers`)
    }
    assert.equal(key.fromString(rtm006.RtmTokenBuilder.buildToken(appId, appCertificate, 'bob', rtm006.Role.Rtm_User, 1446455471)), true)
    assert.deepEqual(key.messages, { 1000: 1446455471 })

    if (!VENDOR) return t.skip('agora-token is not installed')
    for (const m of ['RtcTokenBuilder2', 'RtcTokenBuilder', 'RtmTokenBuilder']) {
        assert.deepEqual({ ...require(`rtctoken/src/${m}`).Role }, { ...require(`agora-token/src/${m}`).Role }, m)
    }
})

/** The vendor modules' names rtctoken does not offer, each a README difference. */
const NOT_PORTED = { DynamicKey5: ['generateDynamicKey'] }

test('every vendor deep-import path resolves, with every name the vendor module exports', async t => {
    const roots = ['agora-token', 'agora-access-token'].map(vendor).filter(Boolean)
    if (roots.length === 0) return t.skip('the vendor packages are not installed')
    let modules = 0
    for (const root of roots) {
        for (const file of fs.readdirSync(path.join(root, 'src')).filter(f => f.endsWith('.js'))) {
            const name = file.slice(0, -3)
            const theirs = require(path.join(root, 'src', file))
            const ours = require(`rtctoken/src/${name}`)
            assert.equal(require(`rtctoken/src/${name}.js`), ours, `${name}.js is the same module`)
            const missing = Object.keys(theirs).filter(k => !(k in ours))
            assert.deepEqual(missing, NOT_PORTED[name] || [], `rtctoken/src/${name} lacks ${missing}`)
            const esm = await import(`rtctoken/src/${name}`)
            assert.equal(esm.default, ours)
            // ESM code imports the vendor's names as named exports too (SignalingToken,
            // like the vendor's, is one object assigned to module.exports: a default export).
            if (name !== 'SignalingToken') {
                assert.deepEqual(Object.keys(esm).filter(k => k !== 'default').sort(), Object.keys(ours).sort(), name)
            }
            modules++
        }
    }
    assert.ok(modules >= 14)
})

test('deep-import builders give the vendor\'s bytes where no compression is involved (006, DynamicKey5)', t => {
    if (!VENDOR) return t.skip('agora-token is not installed')
    for (const pkg of ['rtctoken', 'agora-token']) {
        assert.ok(require.resolve(`${pkg}/src/AccessToken`))
    }
    const build = AccessToken => {
        const key = new AccessToken(appId, appCertificate, channelName, uid)
        key.salt = 1
        key.ts = 1111111
        key.addPriviledge(1, 1446455471)
        return key.build()
    }
    assert.equal(build(require('rtctoken/src/AccessToken').AccessToken), build(require('agora-token/src/AccessToken').AccessToken))
    const args = [appId, appCertificate, channelName, 1446455472, 58964981, uid, 1446455471]
    assert.equal(require('rtctoken/src/DynamicKey5').generateRecordingKey(...args),
        require('agora-token/src/DynamicKey5').generateRecordingKey(...args))
})

/** The zlib payload of a 007 token, inflated by Node (independent of the core). */
const payload = token => zlib.inflateSync(Buffer.from(token.slice(3), 'base64'))

/** One pinned 007 token built with a module shaped as agora-token/src/AccessToken2. */
function build007(m, services) {
    const token = new m.AccessToken2(appId, appCertificate, 1111111, 600)
    token.salt = 1
    for (const [cls, args, privileges] of services) {
        const s = new m[cls](...args)
        for (const [p, e] of privileges) s.add_privilege(p, e)
        token.add_service(s)
    }
    return token.build()
}

const CASES = [
    [['ServiceRtc', [channelName, uid], [[1, 600], [2, 600]]]],
    [['ServiceRtm', ['alice'], [[1, 600]]]],
    [['ServiceChat', ['alice'], [[1, 600]]], ['ServiceFpa', [], [[1, 0]]]],
    [['ServiceStreaming', ['live', 'acc'], [[1, 60], [2, 60]]], ['ServiceFCdn', ['cdn', 'acc'], [[2, 30]]]],
    [['ServiceApaas', ['room', 'user', 1], [[1, 600]]], ['ServiceRtm', ['user'], [[1, 600]]]],
    [['ServiceRtc', ['x'.repeat(300), 'y'.repeat(200)], [[1, 1], [3, 3]]]],
    [['Service', [999], [[1, 60]]]],
    [['Service', [0], [[7, 7]]], ['ServiceRtc', ['c', 0], [[1, 600]]]]
]

test('compressed bytes: Node\'s zlib (the vendor) and C zlib\'s (rtctoken) decode to one payload, and each verifies in the other', t => {
    if (!VENDOR) return t.skip('agora-token is not installed')
    const ours = require('rtctoken/src/AccessToken2')
    const theirs = require('agora-token/src/AccessToken2')
    let differ = 0
    for (const services of CASES) {
        const a = build007(ours, services)
        const b = build007(theirs, services)
        assert.deepEqual(payload(a), payload(b), 'the same signed payload')
        if (a !== b) differ++
        for (const [m, token] of [[ours, b], [theirs, a], [ours, a], [theirs, b]]) {
            const parsed = new m.AccessToken2('', '', 0, 0)
            assert.equal(parsed.from_string(token), true)
            assert.equal(parsed.verifySignature(appCertificate), true)
            assert.equal(parsed.verifySignature(appCertificate.replace('5', '6')), false)
        }
    }
    t.diagnostic(`${differ} of ${CASES.length} token texts differ between this Node release's zlib and C zlib`)
})

test('Service(type): the vendor\'s generic service of any type number', t => {
    const { AccessToken2, Service, ServiceRtc, kRtcServiceType } = require('rtctoken/src/AccessToken2')
    const token = build007(require('rtctoken/src/AccessToken2'), CASES[7])
    const parsed = new AccessToken2('', '', 0, 0)
    // Type 0 sorts first; reading stops at it as the vendor's from_string does.
    assert.equal(parsed.from_string(token), true)
    assert.deepEqual(parsed.services, [])
    assert.equal(parsed.verifySignature(appCertificate), true)

    const withUnknownLast = new AccessToken2(appId, appCertificate, 1111111, 600)
    const rtc = new ServiceRtc('c', 1)
    rtc.add_privilege(ServiceRtc.kPrivilegeJoinChannel, 600)
    const future = new Service(999)
    future.add_privilege(1, 60)
    withUnknownLast.add_service(future)
    withUnknownLast.add_service(rtc)
    assert.equal(parsed.from_string(withUnknownLast.build()), true)
    assert.equal(parsed.getServices(kRtcServiceType).length, 1)
    assert.equal(parsed.getServices(999).length, 0)
    assert.equal(future.service_type(), 999)
    // Built as is, a known type number is generic too: its type and privileges, no fields.
    const bare = new AccessToken2(appId, appCertificate, 1111111, 600)
    bare.salt = 1
    const fpa = new Service(4)
    fpa.add_privilege(1, 0)
    bare.add_service(fpa)
    assert.equal(bare.build(), build007(require('rtctoken/src/AccessToken2'), [['ServiceFpa', [], [[1, 0]]]]))
    if (!VENDOR) return t.skip('agora-token is not installed')
    const vendorParsed = new (require('agora-token/src/AccessToken2').AccessToken2)('', '', 0, 0)
    assert.equal(vendorParsed.from_string(withUnknownLast.build()), true)
    assert.equal(vendorParsed.getServices(kRtcServiceType).length, 1)
    assert.equal(vendorParsed.verifySignature(appCertificate), true)
})

test('a reused parser keeps nothing after a failed from_string / fromString', () => {
    const { AccessToken2, ServiceRtc, kRtcServiceType } = require('rtctoken/src/AccessToken2')
    const { AccessToken } = require('rtctoken/src/AccessToken')
    const valid = build007(require('rtctoken/src/AccessToken2'), CASES[0])
    const key006 = new AccessToken(appId, appCertificate, channelName, uid)
    key006.addPriviledge(1, 1446455471)
    const token006 = key006.build()
    for (const bad of ['006invalid', '007invalid', '', null, 42, token006, valid.slice(0, -4), 'a\uD800']) {
        const p = new AccessToken2('', '', 0, 0)
        assert.equal(p.from_string(valid), true)
        assert.equal(p.getServices(kRtcServiceType).length, 1)
        assert.equal(p.from_string(bad), false, String(bad))
        assert.deepEqual(p.services, [])
        assert.equal(p.appId, '')
        assert.equal(p.verifySignature(appCertificate), false)
    }
    const p = new AccessToken2('', '', 0, 0)
    p.from_string(valid)
    assert.equal(p.verifySignature('invalid'), false, 'a malformed certificate is false, not an exception')
    assert.equal(p.verifySignature(undefined), false)
    assert.equal(p.verifySignature(appCertificate), true)
    assert.ok(new ServiceRtc() instanceof ServiceRtc)
    const k = new AccessToken('', '', '', '')
    assert.equal(k.fromString(token006), true)
    assert.equal(k.fromString(valid), false, 'a 007 token is not a 006 one')
})

test('the internal __signature buffer is not ported: using it fails loudly', () => {
    const { AccessToken2 } = require('rtctoken/src/AccessToken2')
    const p = new AccessToken2('', '', 0, 0)
    p.from_string(build007(require('rtctoken/src/AccessToken2'), CASES[0]))
    assert.throws(() => {
        p.__signature = Buffer.alloc(1)
    }, { name: 'TokenError', code: 'ERR_INVALID_ARGUMENT', message: /__signature .* not ported/ })
    assert.throws(() => p.__signing_info, { name: 'TokenError' })
    assert.equal(p.verifySignature(appCertificate), true)
})
