/**
 * A reference-style (nodeunit) test of DynamicKey5. Migrating to rtctoken
 * changed only the require line below; test/migrated.test.js also runs this
 * file against agora-access-token's own module.
 */
const DynamicKey5 = require('rtctoken/legacy').DynamicKey5

const appID = '970ca35de60c44645bbae8a215061b33'
const appCertificate = '5cfd2fd1755d40ecb72977518be15d3b'
const channel = '7d72365eb983485397e3e3f9d460bdda'
const ts = 1446455472
const r = 58964981
const uid = 2882341273
const expiredTs = 1446455471

exports.media_channel_key = function (test) {
    test.equal(DynamicKey5.generateMediaChannelKey(appID, appCertificate, channel, ts, r, uid, expiredTs),
        '005AQAoAEJERTJDRDdFNkZDNkU0ODYxNkYxQTYwOUVFNTM1M0U5ODNCQjFDNDQQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YAAA==')
    test.done()
}

exports.recording_key = function (test) {
    test.equal(DynamicKey5.generateRecordingKey(appID, appCertificate, channel, ts, r, uid, expiredTs),
        '005AgAoADkyOUM5RTQ2MTg3QTAyMkJBQUIyNkI3QkYwMTg0MzhDNjc1Q0ZFMUEQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YAAA==')
    test.done()
}

exports.in_channel_permission_keys = function (test) {
    test.equal(DynamicKey5.generateInChannelPermissionKey(appID, appCertificate, channel, ts, r, uid, expiredTs, DynamicKey5.noUpload),
        '005BAAoADgyNEQxNDE4M0FGRDkyOEQ4REFFMUU1OTg5NTg2MzA3MTEyNjRGNzQQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YBAAEAAQAw')
    test.equal(DynamicKey5.generateInChannelPermissionKey(appID, appCertificate, channel, ts, r, uid, expiredTs, DynamicKey5.audioVideoUpload),
        '005BAAoADJERDA3QThENTE2NzJGNjQwMzY5NTFBNzE0QkI5NTc0N0Q1QjZGQjMQAJcMo13mDERkW7roohUGGzOwKDdW9buDA68oN1YBAAEAAQAz')
    test.done()
}
