'use strict'
// Issue 15 for Node.js: input is never altered (lone surrogates, NaN and
// friends are refused, naming the field), messages never echo a secret or a
// huge argument, the certificate and a parsed token stay out of every dump,
// and a panic reaches JavaScript as ERR_INTERNAL without its payload.
const test = require('node:test')
const assert = require('node:assert/strict')
const util = require('node:util')
const v8 = require('node:v8')
const { Console } = require('node:console')
const { PassThrough } = require('node:stream')
const { spawnSync } = require('node:child_process')
const path = require('node:path')

const rt = require('rtctoken')
const legacy = require('rtctoken/legacy')

const APP_ID = '970CA35de60c44645bbae8a215061b33'
const CERT = '5CFd2fd1755d40ecb72977518be15d3b'
const LONE = ['bob\uD800', 'bob\uDFFF', '\uDC00bob', 'a\uDBFF\uDBFF']

/** The TokenError `fn` throws: `code`, and a message naming `field`. */
function refused(fn, code, field) {
    let error
    try {
        fn()
    } catch (e) {
        error = e
    }
    assert.ok(error instanceof rt.TokenError, `expected a TokenError naming ${field}, got ${error}`)
    assert.equal(error.code, code)
    assert.ok(error.message.startsWith(field), `"${error.message}" names ${field}`)
    assert.ok(!error.message.includes(CERT))
    return error
}

test('lone UTF-16 surrogates are refused, naming the field, never replaced with U+FFFD', () => {
    const s = { issueTs: 1111111, salt: 1 }
    for (const bad of LONE) {
        const calls = [
            [() => rt.RtcTokenBuilder.buildTokenWithUserAccount(APP_ID, CERT, 'c', bad, 1, 600), 'ERR_INVALID_ARGUMENT', 'account'],
            [() => rt.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, bad, 1, 1, 600), 'ERR_INVALID_ARGUMENT', 'channelName'],
            [() => rt.RtcTokenBuilder.buildTokenWithUid(bad, CERT, 'c', 1, 1, 600), 'ERR_INVALID_APP_ID', 'appId'],
            [() => rt.RtcTokenBuilder.buildTokenWithUid(APP_ID, bad, 'c', 1, 1, 600), 'ERR_INVALID_APP_CERTIFICATE', 'appCertificate'],
            [() => rt.RtmTokenBuilder.buildToken(APP_ID, CERT, bad, 600), 'ERR_INVALID_ARGUMENT', 'userId'],
            [() => rt.RtmTokenBuilder.buildTokenWithPermissions(APP_ID, CERT, 'u', { 0: { 0: ['ok', bad] } }, 600), 'ERR_INVALID_ARGUMENT', 'permissions resource'],
            [() => rt.EducationTokenBuilder.buildRoomUserToken(APP_ID, CERT, bad, 'u', 1, 600), 'ERR_INVALID_ARGUMENT', 'roomUuid'],
            [() => rt.SttTokenBuilder.buildToken(APP_ID, CERT, 'c', 'a', 1, 6, 6, 6, 6, 6, bad, 6), 'ERR_INVALID_ARGUMENT', 'rtmUserId'],
            [() => new rt.ServiceRtc('c', bad), 'ERR_INVALID_ARGUMENT', 'uid'],
            [() => legacy.RtcTokenBuilder.buildTokenWithAccount(APP_ID, CERT, bad, 'acc', 1, 1446455471, s), 'ERR_INVALID_ARGUMENT', 'channelName'],
            [() => legacy.RtmTokenBuilder.buildToken(APP_ID, CERT, bad, 1, 1446455471), 'ERR_INVALID_ARGUMENT', 'account'],
            [() => legacy.DynamicKey5.generateMediaChannelKey(APP_ID, CERT, bad, 1, 2, 3, 4), 'ERR_INVALID_ARGUMENT', 'channel'],
            [() => legacy.SignalingToken.generate(APP_ID, CERT, bad, 1446455471), 'ERR_INVALID_ARGUMENT', 'account'],
            [() => rt.verify(rt.ChatTokenBuilder.buildAppToken(APP_ID, CERT, 600), CERT, { uid: bad }), 'ERR_INVALID_ARGUMENT', 'uid'],
            [() => rt.parse('007' + bad), 'ERR_MALFORMED', 'token']
        ]
        for (const [fn, code, field] of calls) refused(fn, code, field)
        const raw = new rt.AccessToken2(APP_ID, CERT, 1111111, 600)
        raw.add_service(new rt.ServiceRtc(bad))
        refused(() => raw.build(), 'ERR_INVALID_ARGUMENT', 'channelName')
        const key = new legacy.AccessToken(APP_ID, CERT, bad, 1)
        key.addPriviledge(1, 1446455471)
        refused(() => key.build(), 'ERR_INVALID_ARGUMENT', 'channelName')
    }
    // U+FFFD itself and whole surrogate pairs are text like any other, and stay distinct.
    const replacement = rt.RtcTokenBuilder.buildTokenWithUserAccount(APP_ID, CERT, 'c', 'bob\uFFFD', 1, 600, 600, s)
    const emoji = rt.RtcTokenBuilder.buildTokenWithUserAccount(APP_ID, CERT, 'c', 'bob\uD83D\uDE00', 1, 600, 600, s)
    assert.notEqual(replacement, emoji)
    assert.equal(rt.parse(emoji).services[0].uid, 'bob\u{1F600}')
})

test('a 006 token for one channel never verifies for a lone-surrogate look-alike', () => {
    const token = legacy.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'a\uFFFD', 7, legacy.RtcRole.PUBLISHER, 1446455471)
    assert.equal(rt.verify(token, CERT, { channelName: 'a\uFFFD', uid: 7 }).valid, true)
    for (const bad of ['a\uD800', 'a\uDFFF']) {
        refused(() => rt.verify(token, CERT, { channelName: bad, uid: 7 }), 'ERR_INVALID_ARGUMENT', 'channelName')
    }
})

const NOT_INTEGERS = [NaN, Infinity, -Infinity, 1.5, -1, 2 ** 32, '7', null]

test('every numeric argument of the dynamic keys is an integer in range, never NaN or infinite', () => {
    const keys = [
        ['DynamicKey.generate', legacy.DynamicKey.generate, ['ts', 'r']],
        ['DynamicKey2.generate', legacy.DynamicKey2.generate, ['ts', 'r', 'uid', 'expiredTs']],
        ['DynamicKey3.generate', legacy.DynamicKey3.generate, ['ts', 'r', 'uid', 'expiredTs']],
        ['DynamicKey4.generateRecordingKey', legacy.DynamicKey4.generateRecordingKey, ['ts', 'r', 'uid', 'expiredTs']],
        ['DynamicKey5.generateMediaChannelKey', legacy.DynamicKey5.generateMediaChannelKey, ['ts', 'r', 'uid', 'expiredTs']]
    ]
    for (const [label, generate, fields] of keys) {
        const good = [APP_ID, CERT, 'chan', 1446455472, 58964981, 7, 1446455471].slice(0, 3 + fields.length)
        assert.match(generate(...good), /^(00[345])?[0-9A-Za-z+/=]+$/, label)
        fields.forEach((field, i) => {
            for (const bad of NOT_INTEGERS) {
                const args = good.slice()
                args[3 + i] = bad
                refused(() => generate(...args), 'ERR_INVALID_ARGUMENT', field)
            }
        })
        // The channel may be a number (the upstream calls toString()), but only a whole one.
        for (const bad of [NaN, Infinity, -Infinity, 1.5, -1]) {
            const args = good.slice()
            args[2] = bad
            refused(() => generate(...args), 'ERR_INVALID_ARGUMENT', 'channel')
        }
        const numeric = good.slice()
        numeric[2] = 12345
        const text = good.slice()
        text[2] = '12345'
        assert.equal(generate(...numeric), generate(...text), label)
    }
    for (const bad of NOT_INTEGERS) {
        refused(() => legacy.SignalingToken.get(APP_ID, CERT, 'bob', bad), 'ERR_INVALID_ARGUMENT', 'validTimeInSeconds')
        refused(() => legacy.SignalingToken.generate(APP_ID, CERT, 'bob', bad), 'ERR_INVALID_ARGUMENT', 'expiredTs')
    }
})

test('raw tokens: privileges, stamps and type numbers are checked, never wrapped or defaulted', () => {
    for (const bad of [NaN, Infinity, 1.5, -1, 2 ** 32, 'x' + CERT]) {
        const t = new rt.AccessToken2(APP_ID, CERT, 1111111, 600)
        const s = new rt.ServiceRtc('c', 1)
        s.add_privilege(rt.ServiceRtc.kPrivilegeJoinChannel, bad)
        t.add_service(s)
        refused(() => t.build(), 'ERR_INVALID_ARGUMENT', 'services')
        const key = new legacy.AccessToken(APP_ID, CERT, 'c', 1)
        key.addPriviledge(legacy.Privileges.kJoinChannel, bad)
        refused(() => key.build(), 'ERR_INVALID_ARGUMENT', 'privileges')
    }
    for (const bad of [NaN, Infinity, 1.5, -1]) {
        const fields = { issueTs: [bad, 600], expire: [1111111, bad] }
        for (const [field, [issueTs, expire]] of Object.entries(fields)) {
            const t = new rt.AccessToken2(APP_ID, CERT, issueTs, expire)
            t.add_service(new rt.ServiceFpa())
            refused(() => t.build(), 'ERR_INVALID_ARGUMENT', field)
        }
        const t = new rt.AccessToken2(APP_ID, CERT, 1111111, 600)
        t.salt = bad
        t.add_service(new rt.ServiceFpa())
        refused(() => t.build(), 'ERR_INVALID_ARGUMENT', 'salt')
        const key = new legacy.AccessToken(APP_ID, CERT, 'c', 1)
        key.ts = bad
        refused(() => key.build(), 'ERR_INVALID_ARGUMENT', 'ts')
    }
})

test('messages quote no secret and no more than a short excerpt', () => {
    const big = 'x'.repeat(1 << 20)
    const errors = []
    const catchIt = fn => {
        try {
            fn()
            assert.fail('expected an error')
        } catch (e) {
            assert.ok(e instanceof rt.TokenError, String(e))
            errors.push(e)
        }
    }
    catchIt(() => rt.RtcTokenBuilder.buildTokenWithUid(big, CERT, 'c', 1, 1, 600))
    catchIt(() => rt.RtcTokenBuilder.buildTokenWithUid(APP_ID, big, 'c', 1, 1, 600))
    catchIt(() => rt.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, big, 1, 1, 600))
    catchIt(() => rt.parse('007' + big))
    catchIt(() => rt.parse(big))
    catchIt(() => rt.RtmTokenBuilder.buildTokenWithPermissions(APP_ID, CERT, 'u', { [CERT]: { 0: ['a'] } }, 600))
    catchIt(() => rt.RtmTokenBuilder.buildTokenWithPermissions(APP_ID, CERT, 'u', { 0: { 0: 'r' + big } }, 600))
    for (const value of [big, CERT, `"${CERT}\\"`]) {
        const t = new rt.AccessToken2(APP_ID, CERT, 1111111, 600)
        const s = new rt.ServiceRtc('c', 1)
        s.add_privilege(1, value)
        t.add_service(s)
        catchIt(() => t.build())
    }
    for (const e of errors) {
        assert.ok(e.message.length < 300, `${e.message.length} characters: ${e.message.slice(0, 80)}`)
        assert.ok(!e.message.includes(CERT), e.message)
        assert.ok(!e.message.includes(CERT.slice(0, 16)), e.message)
    }
})

/** Every way a token object may be dumped, as text. */
function dumps(obj) {
    const out = new PassThrough()
    let logged = ''
    out.on('data', chunk => {
        logged += chunk
    })
    const logger = new Console({ stdout: out, stderr: out })
    logger.log('%o', obj)
    logger.log('%O', obj)
    logger.log('%j', obj)
    logger.log(obj)
    logger.dir(obj, { showHidden: true, depth: null })
    logger.table([obj])
    out.end()
    const reflected = Reflect.ownKeys(obj).map(k => util.inspect(Object.getOwnPropertyDescriptor(obj, k), { showHidden: true }))
    return [
        util.inspect(obj),
        util.inspect(obj, { showHidden: true, depth: Infinity, getters: true }),
        // Without the custom inspection the accessor shows, but not its value (unless getters: true as well).
        util.inspect(obj, { showHidden: true, depth: Infinity, customInspect: false }),
        util.format('%o', obj),
        util.format('%O %j %s', obj, obj, obj),
        JSON.stringify(obj),
        JSON.stringify({ ...obj }),
        String(obj),
        util.inspect(Object.entries(obj)),
        util.inspect(structuredClone({ ...obj }), { showHidden: true }),
        v8.serialize({ ...obj }).toString('latin1'),
        reflected.join('\n'),
        logged
    ]
}

test('the certificate and a parsed token stay out of every dump, yet read and write as upstream', () => {
    const built = new rt.AccessToken2(APP_ID, CERT, 1111111, 600)
    built.add_service(new rt.ServiceFpa())
    const token = built.build()
    const parsed = new rt.AccessToken2('', '', 0, 0)
    assert.equal(parsed.from_string(token), true)
    const key006 = new legacy.AccessToken(APP_ID, CERT, 'chan', 42)
    const deep = new (require('rtctoken/src/AccessToken2').AccessToken2)(APP_ID, CERT, 1111111, 600)
    for (const obj of [built, parsed, key006, deep]) {
        for (const text of dumps(obj)) {
            assert.ok(!text.includes(CERT), text)
            assert.ok(!text.includes(token.slice(3, 40)), `the parsed token shows in ${text}`)
        }
    }
    for (const obj of [built, key006, deep]) assert.equal(obj.appCertificate, CERT)
    assert.equal(parsed.appCertificate, '')
    // A certificate set later is the one used, and still hidden.
    built.appCertificate = CERT.toLowerCase()
    assert.equal(rt.verify(built.build(), CERT.toLowerCase()).valid, true)
    assert.ok(dumps(built).every(text => !text.toLowerCase().includes(CERT.toLowerCase())))
    // Each object has its own.
    assert.equal(deep.appCertificate, CERT)
})

test('a panic reaches JavaScript as ERR_INTERNAL, without its payload, and prints nothing (RUST_BACKTRACE set)', () => {
    const native = require('../lib/native')
    assert.equal(typeof native.panicForTest, 'function', 'npm test builds with the panic-test feature (scripts/build.js)')
    const script = `
        const { call } = require('./lib/errors')
        const native = require('./lib/native')
        try {
            call(native.panicForTest, [${JSON.stringify(CERT)}])
        } catch (e) {
            process.stdout.write(JSON.stringify({ name: e.name, code: e.code, message: e.message }))
        }`
    const run = spawnSync(process.execPath, ['-e', script], {
        cwd: path.join(__dirname, '..'),
        encoding: 'utf8',
        env: { ...process.env, RUST_BACKTRACE: 'full' }
    })
    assert.equal(run.status, 0, run.stderr)
    assert.equal(run.stderr, '', 'the panic hook prints nothing')
    const e = JSON.parse(run.stdout)
    assert.equal(e.name, 'TokenError')
    assert.equal(e.code, 'ERR_INTERNAL')
    assert.ok(!e.message.includes(CERT) && !e.message.includes('deliberate'), e.message)
})
