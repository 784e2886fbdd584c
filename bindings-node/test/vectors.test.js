'use strict'
// Replays every case of ../tests/vectors/*.json through the public JS API
// (`rtctoken` and `rtctoken/legacy`) and compares exact outputs. A call this
// dispatcher does not know fails the test.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')

const top = require('rtctoken')
const legacy = require('rtctoken/legacy')

const VECTORS = path.resolve(__dirname, '..', '..', 'tests', 'vectors')

function cases(file) {
    const doc = JSON.parse(fs.readFileSync(path.join(VECTORS, file), 'utf8'))
    assert.ok(doc.cases.length > 0, `${file} has cases`)
    return doc.cases
}

const stamp = a => ({ issueTs: a.issue_ts, salt: a.salt })

function permissions(json) {
    const p = new top.Rtm2Permissions()
    for (const [t, perms] of Object.entries(json)) {
        for (const [perm, resources] of Object.entries(perms)) p.add(Number(t), Number(perm), resources)
    }
    return p
}

function service(s) {
    let svc
    switch (s.type) {
        case 'rtc': svc = new top.ServiceRtc(s.channel_name, s.uid); break
        case 'rtm': svc = new top.ServiceRtm(s.user_id); break
        case 'streaming': svc = new top.ServiceStreaming(s.channel_name, s.account); break
        case 'fpa': svc = new top.ServiceFpa(); break
        case 'chat': svc = new top.ServiceChat(s.user_id); break
        case 'fcdn': svc = new top.ServiceFCdn(s.channel_name, s.account); break
        case 'apaas': svc = new top.ServiceApaas(s.room_uuid, s.user_uuid, s.role); break
        case 'rtm2': svc = new top.ServiceRtm2(s.user_id, permissions(s.permissions)); break
        case 'convoai': svc = new top.ServiceConvoAI(); break
        case 'stt': svc = new top.ServiceStt(); break
        default: throw new Error(`unknown service type ${s.type}`)
    }
    for (const [id, expire] of Object.entries(s.privileges)) svc.add_privilege(Number(id), expire)
    return svc
}

const rtm2Args = a => [
    a.app_id, a.app_certificate, a.channel_name, a.rtc_account, a.rtc_role, a.rtc_token_expire,
    a.join_channel_privilege_expire, a.pub_audio_privilege_expire, a.pub_video_privilege_expire,
    a.pub_data_stream_privilege_expire, a.rtm_user_id, a.rtm_token_expire, stamp(a)
]
const legacy7 = a => [a.app_id, a.app_certificate, a.channel_name, a.unix_ts, a.random_int, a.uid, a.expired_ts]

/** Runs one case through the public API; the result is compared with `expected`. */
function run(call, a) {
    const L = legacy
    const T = top
    switch (call) {
        case 'dynamic_key.generate':
            return L.DynamicKey.generate(a.app_id, a.app_certificate, a.channel_name, a.unix_ts, a.random_int)
        case 'dynamic_key2.generate': return L.DynamicKey2.generate(...legacy7(a))
        case 'dynamic_key3.generate': return L.DynamicKey3.generate(...legacy7(a))
        case 'dynamic_key4.generate_media_channel_key': return L.DynamicKey4.generateMediaChannelKey(...legacy7(a))
        case 'dynamic_key4.generate_recording_key': return L.DynamicKey4.generateRecordingKey(...legacy7(a))
        case 'dynamic_key4.generate_public_sharing_key': return L.DynamicKey4.generatePublicSharingKey(...legacy7(a))
        case 'dynamic_key5.generate_media_channel_key': return L.DynamicKey5.generateMediaChannelKey(...legacy7(a))
        case 'dynamic_key5.generate_recording_key': return L.DynamicKey5.generateRecordingKey(...legacy7(a))
        case 'dynamic_key5.generate_public_sharing_key': return L.DynamicKey5.generatePublicSharingKey(...legacy7(a))
        case 'dynamic_key5.generate_in_channel_permission_key':
            return L.DynamicKey5.generateInChannelPermissionKey(...legacy7(a), a.permission)
        case 'signaling_token.generate':
            return L.SignalingToken.generate(a.app_id, a.app_certificate, a.account, a.expired_ts)
        case 'access_token.build': {
            const t = new L.AccessToken(a.app_id, a.app_certificate, a.channel_name, a.uid)
            t.salt = a.salt
            t.ts = a.ts
            for (const [id, expire] of Object.entries(a.privileges)) t.addPriviledge(Number(id), expire)
            return t.build()
        }
        case 'rtc_token_builder.build_token_with_uid':
            return L.RtcTokenBuilder.buildTokenWithUid(a.app_id, a.app_certificate, a.channel_name, a.uid, a.role, a.privilege_expired_ts, stamp(a))
        case 'rtc_token_builder.build_token_with_account':
            return L.RtcTokenBuilder.buildTokenWithAccount(a.app_id, a.app_certificate, a.channel_name, a.account, a.role, a.privilege_expired_ts, stamp(a))
        case 'rtm_token_builder.build_token':
            return L.RtmTokenBuilder.buildToken(a.app_id, a.app_certificate, a.user_account, a.role, a.privilege_expired_ts, stamp(a))
        case 'access_token2.build': {
            const t = new T.AccessToken2(a.app_id, a.app_certificate, a.issue_ts, a.expire)
            t.issueTs = a.issue_ts
            t.salt = a.salt
            for (const s of a.services) t.add_service(service(s))
            return t.build()
        }
        case 'rtc_token_builder2.build_token_with_uid':
            return T.RtcTokenBuilder.buildTokenWithUid(a.app_id, a.app_certificate, a.channel_name, a.uid, a.role, a.token_expire, a.privilege_expire, stamp(a))
        case 'rtc_token_builder2.build_token_with_user_account':
            return T.RtcTokenBuilder.buildTokenWithUserAccount(a.app_id, a.app_certificate, a.channel_name, a.account, a.role, a.token_expire, a.privilege_expire, stamp(a))
        case 'rtc_token_builder2.build_token_with_uid_and_privilege':
            return T.RtcTokenBuilder.buildTokenWithUidAndPrivilege(a.app_id, a.app_certificate, a.channel_name, a.uid, a.token_expire,
                a.join_channel_privilege_expire, a.pub_audio_privilege_expire, a.pub_video_privilege_expire, a.pub_data_stream_privilege_expire, stamp(a))
        case 'rtc_token_builder2.build_token_with_user_account_and_privilege': {
            const args = [a.app_id, a.app_certificate, a.channel_name, a.account, a.token_expire, a.join_channel_privilege_expire,
                a.pub_audio_privilege_expire, a.pub_video_privilege_expire, a.pub_data_stream_privilege_expire, stamp(a)]
            const token = T.RtcTokenBuilder.buildTokenWithUserAccountAndPrivilege(...args)
            assert.equal(T.RtcTokenBuilder.BuildTokenWithUserAccountAndPrivilege(...args), token, 'capitalised alias')
            return token
        }
        case 'rtc_token_builder2.build_token_with_rtm':
            return T.RtcTokenBuilder.buildTokenWithRtm(a.app_id, a.app_certificate, a.channel_name, a.account, a.role, a.token_expire, a.privilege_expire, stamp(a))
        case 'rtc_token_builder2.build_token_with_rtm2': return T.RtcTokenBuilder.buildTokenWithRtm2(...rtm2Args(a))
        case 'convoai_token_builder.build_token': return T.ConvoAITokenBuilder.buildToken(...rtm2Args(a))
        case 'stt_token_builder.build_token': return T.SttTokenBuilder.buildToken(...rtm2Args(a))
        case 'rtm_token_builder2.build_token':
            return T.RtmTokenBuilder.buildToken(a.app_id, a.app_certificate, a.user_id, a.expire, stamp(a))
        case 'rtm_token_builder2.build_token_with_permissions':
            return T.RtmTokenBuilder.buildTokenWithPermissions(a.app_id, a.app_certificate, a.user_id, permissions(a.permissions), a.expire, stamp(a))
        case 'chat_token_builder2.build_user_token':
            return T.ChatTokenBuilder.buildUserToken(a.app_id, a.app_certificate, a.user_id, a.expire, stamp(a))
        case 'chat_token_builder2.build_app_token':
            return T.ChatTokenBuilder.buildAppToken(a.app_id, a.app_certificate, a.expire, stamp(a))
        case 'education_token_builder2.build_room_user_token':
            return T.EducationTokenBuilder.buildRoomUserToken(a.app_id, a.app_certificate, a.room_uuid, a.user_uuid, a.role, a.expire, stamp(a))
        case 'education_token_builder2.build_user_token':
            return T.EducationTokenBuilder.buildUserToken(a.app_id, a.app_certificate, a.user_uuid, a.expire, stamp(a))
        case 'education_token_builder2.build_app_token':
            return T.EducationTokenBuilder.buildAppToken(a.app_id, a.app_certificate, a.expire, stamp(a))
        case 'apaas_token_builder.build_room_user_token':
            return T.ApaasTokenBuilder.buildRoomUserToken(a.app_id, a.app_certificate, a.room_uuid, a.user_uuid, a.role, a.expire, stamp(a))
        case 'apaas_token_builder.build_user_token':
            return T.ApaasTokenBuilder.buildUserToken(a.app_id, a.app_certificate, a.user_uuid, a.expire, stamp(a))
        case 'apaas_token_builder.build_app_token':
            return T.ApaasTokenBuilder.buildAppToken(a.app_id, a.app_certificate, a.expire, stamp(a))
        case 'fpa_token_builder.build_token':
            return T.FpaTokenBuilder.buildToken(a.app_id, a.app_certificate, stamp(a))
        case 'parse': return T.parse(a.token)
        case 'verify': {
            const input = { channelName: a.channel_name, uid: a.uid }
            return { valid: T.verify(a.token, a.app_certificate, input).valid }
        }
        default:
            throw new Error(`the dispatcher does not know the call ${JSON.stringify(call)}`)
    }
}

function replay(file) {
    const all = cases(file)
    const failures = []
    for (const c of all) {
        let got
        try {
            got = run(c.call, c.args)
        } catch (e) {
            if (!(e instanceof top.TokenError)) throw e // unknown calls and harness bugs fail loudly
            assert.equal(e.code, top.TokenError.codes[e.kind], 'code matches kind')
            assert.ok(e.message.length > 0)
            got = { error: e.kind }
        }
        try {
            assert.deepStrictEqual(got, c.expected)
        } catch (e) {
            failures.push(`${c.name} (${c.call}): expected ${JSON.stringify(c.expected)} got ${JSON.stringify(got)}`)
        }
    }
    assert.equal(failures.length, 0, `${failures.length} of ${all.length} cases failed:\n${failures.slice(0, 20).join('\n')}`)
    return all.length
}

for (const file of ['legacy.json', 'access_token_006.json', 'access_token2_007.json', 'parse.json', 'errors.json']) {
    test(`vectors: ${file}`, () => {
        const n = replay(file)
        assert.ok(n > 0)
    })
}

test('vectors: an unknown call fails the dispatcher', () => {
    assert.throws(() => run('no_such.call', {}), /does not know the call/)
})
