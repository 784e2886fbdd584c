/**
 * A reference-style (nodeunit) test of the raw AccessToken2 API, written
 * against the upstream package's shape. Migrating to rtctoken changed only
 * the require line below; test/migrated.test.js also runs this file with
 * the line pointing at agora-token's own module to prove it.
 */
const { AccessToken2, ServiceRtc, ServiceRtm, ServiceChat, kRtcServiceType, kRtmServiceType } = require('rtctoken')

const appId = '970CA35de60c44645bbae8a215061b33'
const appCertificate = '5CFd2fd1755d40ecb72977518be15d3b'
const channelName = '7d72365eb983485397e3e3f9d460bdda'
const uid = 2882341273
const issueTs = 1111111
const expire = 600

function rtcToken(uidValue) {
    const token = new AccessToken2(appId, appCertificate, issueTs, expire)
    token.salt = 1
    const rtc = new ServiceRtc(channelName, uidValue)
    rtc.add_privilege(ServiceRtc.kPrivilegeJoinChannel, expire)
    token.add_service(rtc)
    return token.build()
}

exports.build_with_numeric_uid = function (test) {
    const expected = '007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxgDCaiTj'
    test.equal(rtcToken(uid), expected)
    test.done()
}

exports.numeric_and_string_uid_agree = function (test) {
    test.equal(rtcToken(uid), rtcToken(`${uid}`))
    test.notEqual(rtcToken(0), rtcToken(uid))
    test.done()
}

exports.round_trip_through_from_string = function (test) {
    const token = new AccessToken2(appId, appCertificate, issueTs, expire)
    token.salt = 7
    const rtm = new ServiceRtm('test_user')
    rtm.add_privilege(ServiceRtm.kPrivilegeLogin, expire + 50)
    token.add_service(rtm)
    const rtc = new ServiceRtc(channelName, uid)
    rtc.add_privilege(ServiceRtc.kPrivilegeJoinChannel, expire)
    rtc.add_privilege(ServiceRtc.kPrivilegePublishAudioStream, expire)
    token.add_service(rtc)
    const chat = new ServiceChat()
    chat.add_privilege(ServiceChat.kPrivilegeApp, expire)
    token.add_service(chat)

    const parsed = new AccessToken2('', '', 0, 0)
    test.equal(parsed.from_string(token.build()), true)
    test.equal(parsed.appId, appId)
    test.equal(parsed.issueTs, issueTs)
    test.equal(parsed.expire, expire)
    test.equal(parsed.salt, 7)
    test.equal(parsed.services.length, 3)
    const parsedRtc = parsed.getServices(kRtcServiceType)[0]
    test.equal(parsedRtc.__channel_name.toString(), channelName)
    test.equal(parsedRtc.__uid.toString(), `${uid}`)
    test.equal(parsedRtc.__privileges[ServiceRtc.kPrivilegePublishAudioStream], expire)
    test.equal(parsed.getServices(kRtmServiceType)[0].__user_id.toString(), 'test_user')
    test.equal(parsed.verifySignature(appCertificate), true)
    test.equal(parsed.verifySignature('0123456789abcdef0123456789abcdef'), false)
    test.done()
}

exports.from_string_rejects_other_input = function (test) {
    const parsed = new AccessToken2('', '', 0, 0)
    test.equal(parsed.from_string('006' + appId + 'AAAA'), false)
    test.equal(parsed.from_string('007not-base64!'), false)
    test.equal(parsed.services.length, 0)
    test.equal(parsed.verifySignature(appCertificate), false)
    test.done()
}
