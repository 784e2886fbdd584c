'use strict'
// The agora-access-token API (006 builders, AccessToken, roles, privileges)
// and the Node.js dynamic keys v1–v5 and signaling token, all through the core.
const native = require('./native')
const { call, failure } = require('./errors')
const { pascal, str, u32, uid, uidText, textOf, nameText, stampOf, checkAppId, checkCert, certificateSlot } = require('./args')
const { parse } = require('./decode')

const roles = native.roles()
const versions = native.versions()
/** The core's 006 version prefix. */
const version = versions.accessToken

/** 006 RTC roles, from the core's table. */
const RtcRole = Object.freeze({
    ATTENDEE: roles.rtc_token_builder.attendee,
    PUBLISHER: roles.rtc_token_builder.publisher,
    SUBSCRIBER: roles.rtc_token_builder.subscriber,
    ADMIN: roles.rtc_token_builder.admin
})

/** 006 RTM roles, from the core's table. */
const RtmRole = Object.freeze({ Rtm_User: roles.rtm_token_builder.rtm_user })

/**
 * 006 privilege ids from the core's table, under the upstream names: `k`
 * and the core's name in PascalCase (the upstream spells 5 `kPublishAudiocdn`).
 */
const Privileges = Object.freeze(Object.fromEntries(Object.entries(native.accessTokenPrivileges())
    .sort(([, a], [, b]) => a - b)
    .map(([name, id]) => [`k${pascal(name)}`.replace('kPublishAudioCdn', 'kPublishAudiocdn'), id])))

/**
 * A 006 RTC token: a number is a uid, a string an account (for both
 * builders, as upstream). The hot path: the export takes the values as
 * they are and the checks run only if it refuses them.
 */
function rtc006(appID, appCertificate, channelName, account, role, privilegeExpiredTs, options) {
    const [ts, salt] = stampOf(options)
    try {
        return typeof account === 'number'
            ? native.rtcTokenBuilderBuildTokenWithUid(appID, appCertificate, channelName, account, role, privilegeExpiredTs, ts, salt)
            : native.rtcTokenBuilderBuildTokenWithAccount(appID, appCertificate, channelName, account, role, privilegeExpiredTs, ts, salt)
    } catch (e) {
        throw failure(e, () => [checkAppId(appID), checkCert(appCertificate), str(channelName, 'channelName'),
            uid(account, 'uid'), u32(role, 'role'), u32(privilegeExpiredTs, 'privilegeExpiredTs')])
    }
}

/** 006 RTC tokens; `privilegeExpiredTs` is an absolute Unix time. */
const RtcTokenBuilder = {
    /** 006 RTC token for a uid (number or string). */
    buildTokenWithUid(appID, appCertificate, channelName, uid, role, privilegeExpiredTs, options) {
        return rtc006(appID, appCertificate, channelName, uid, role, privilegeExpiredTs, options)
    },
    /** 006 RTC token for a user account. */
    buildTokenWithAccount(appID, appCertificate, channelName, account, role, privilegeExpiredTs, options) {
        return rtc006(appID, appCertificate, channelName, account, role, privilegeExpiredTs, options)
    }
}

/** 006 RTM tokens. */
const RtmTokenBuilder = {
    /** 006 RTM token; `role` must be RtmRole.Rtm_User. */
    buildToken(appID, appCertificate, account, role, privilegeExpiredTs, options) {
        // A number is the core's account text (signed as a name, so 0 is "0").
        const text = textOf(account, native.accountText)
        return call(native.rtmTokenBuilderBuildToken, [appID, appCertificate, text, role, privilegeExpiredTs, ...stampOf(options)], () => [
            checkAppId(appID), checkCert(appCertificate), uid(account, 'account'), u32(role, 'role'),
            u32(privilegeExpiredTs, 'privilegeExpiredTs')
        ])
    }
}

/**
 * A raw 006 token, as agora-access-token's AccessToken: set `salt`, `ts`
 * and privileges (`addPriviledge`), then `build()`. Unset salt and ts are
 * the core's defaults (random; its 006 lifetime from now), drawn at build time.
 */
function AccessToken(appID, appCertificate, channelName, uid) {
    if (!(this instanceof AccessToken)) return new AccessToken(appID, appCertificate, channelName, uid)
    this.appID = appID
    this.appCertificate = appCertificate
    this.channelName = channelName
    this.uid = uidText(uid, 'uid')
    this.messages = {}
    this.salt = undefined
    this.ts = undefined
}

/** Grants `privilege` until `expireTimestamp` (absolute Unix time). */
AccessToken.prototype.addPriviledge = function (privilege, expireTimestamp) {
    this.messages[privilege] = expireTimestamp
}

/** The token string. */
AccessToken.prototype.build = function () {
    const unset = v => v === undefined || v === null
    const salt = unset(this.salt) ? native.randomSalt() : this.salt
    const ts = unset(this.ts) ? native.accessTokenDefaultTs() : this.ts
    return call(native.accessTokenBuild, [this.appID, this.appCertificate, this.channelName, this.uid, salt, ts, this.messages], () => [
        checkAppId(this.appID), checkCert(this.appCertificate), str(this.channelName, 'channelName'),
        str(this.uid, 'uid'), u32(salt, 'salt'), u32(ts, 'ts')
    ])
}

/** Reads a 006 token's salt, ts, privileges and CRCs; false (never an exception) if it is not one. */
AccessToken.prototype.fromString = function (originToken) {
    let json
    try {
        json = parse(originToken)
    } catch (e) {
        return false
    }
    if (json.version !== version) return false
    this.appID = json.app_id
    this.salt = json.salt
    this.ts = json.ts
    this.messages = { ...json.privileges }
    this.crc_channel_name = json.crc_channel_name
    this.crc_uid = json.crc_uid
    return true
}
certificateSlot(AccessToken)

/**
 * The dynamic keys' common arguments checked (the Node.js field names users
 * know: channel, ts, r), for a failed call's error.
 */
function legacyChecks(appID, appCertificate, channel, ts, r) {
    return [checkAppId(appID), checkCert(appCertificate), nameText(channel, 'channel'), u32(ts, 'ts'), u32(r, 'r')]
}

/** The upstream dynamic keys take any channel name through toString(); numbers are common. */
const channelText = channel => (typeof channel === 'number' ? nameText(channel, 'channel') : channel)

/**
 * A v2–v5 generator over its catalogue export.
 * @param {typeof native.dynamicKey2Generate} fn
 */
function uidKey(fn) {
    return (appID, appCertificate, channel, ts, r, uid, expiredTs) => {
        try {
            return fn(appID, appCertificate, channelText(channel), ts, r, uid, expiredTs)
        } catch (e) {
            throw failure(e, () => [legacyChecks(appID, appCertificate, channel, ts, r), u32(uid, 'uid'), u32(expiredTs, 'expiredTs')])
        }
    }
}

/** DynamicKey v1 (no uid, no expiry). */
const DynamicKey = {
    generate(appID, appCertificate, channel, ts, r) {
        try {
            return native.dynamicKeyGenerate(appID, appCertificate, channelText(channel), ts, r)
        } catch (e) {
            throw failure(e, () => legacyChecks(appID, appCertificate, channel, ts, r))
        }
    }
}

/** DynamicKey v2. */
const DynamicKey2 = { generate: uidKey(native.dynamicKey2Generate) }

/** DynamicKey v3 ("003"). */
const DynamicKey3 = { generate: uidKey(native.dynamicKey3Generate) }

/** DynamicKey v4 ("004"), one key per service. */
const DynamicKey4 = {
    generateMediaChannelKey: uidKey(native.dynamicKey4GenerateMediaChannelKey),
    generateRecordingKey: uidKey(native.dynamicKey4GenerateRecordingKey),
    generatePublicSharingKey: uidKey(native.dynamicKey4GeneratePublicSharingKey)
}

const permissions5 = native.dynamicKey5Permissions()

/** DynamicKey v5 (the core's version, "005"), one key per service plus the in-channel permission key. */
const DynamicKey5 = {
    version: versions.dynamicKey5,
    noUpload: permissions5.no_upload,
    audioVideoUpload: permissions5.audio_video_upload,
    generateMediaChannelKey: uidKey(native.dynamicKey5GenerateMediaChannelKey),
    generateRecordingKey: uidKey(native.dynamicKey5GenerateRecordingKey),
    generatePublicSharingKey: uidKey(native.dynamicKey5GeneratePublicSharingKey),
    generateInChannelPermissionKey(appID, appCertificate, channel, ts, r, uid, expiredTs, permission) {
        try {
            return native.dynamicKey5GenerateInChannelPermissionKey(appID, appCertificate, channelText(channel), ts, r, uid, expiredTs, permission)
        } catch (e) {
            throw failure(e, () => [legacyChecks(appID, appCertificate, channel, ts, r),
                u32(uid, 'uid'), u32(expiredTs, 'expiredTs'), str(permission, 'permission')])
        }
    }
}

/** Signaling tokens ("1:appID:expiredTs:signature"). */
const SignalingToken = {
    /** Token for `account` expiring at `expiredTs` (absolute Unix time). */
    generate(appID, appCertificate, account, expiredTs) {
        try {
            return native.signalingTokenGenerate(account, appID, appCertificate, expiredTs)
        } catch (e) {
            throw failure(e, () => [str(account, 'account'), checkAppId(appID), checkCert(appCertificate), u32(expiredTs, 'expiredTs')])
        }
    },
    /** Token valid for `validTimeInSeconds` from now (the upstream's `get`). */
    get(appID, appCertificate, account, validTimeInSeconds) {
        const expiredTs = call(native.expiresIn, [validTimeInSeconds], () => u32(validTimeInSeconds, 'validTimeInSeconds'))
        return SignalingToken.generate(appID, appCertificate, account, expiredTs)
    },
    /** Token valid for one day. */
    get1DayToken(appID, appCertificate, account) {
        return SignalingToken.get(appID, appCertificate, account, native.daySeconds())
    }
}

module.exports = {
    RtcTokenBuilder,
    RtcRole,
    RtmTokenBuilder,
    RtmRole,
    AccessToken,
    Privileges,
    priviledges: Privileges,
    DynamicKey,
    DynamicKey2,
    DynamicKey3,
    DynamicKey4,
    DynamicKey5,
    SignalingToken
}
