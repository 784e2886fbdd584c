'use strict'
// The agora-token 2.0.6 builders (007), same names, argument order and
// defaults, plus an optional last `{ issueTs, salt }` for exact tests.
const native = require('./native')
const { call, failure } = require('./errors')
const { str, u32, i16, uid, uidText, textOf, isOptions, stampOf, checkAppId, checkCert } = require('./args')
const { Rtm2Permissions, permissionsArg } = require('./permissions')

/** RTC roles of the 007 builders, from the core's table. */
const rtcRoles = native.roles().rtc_token_builder2
const RtcRole = Object.freeze({ PUBLISHER: rtcRoles.publisher, SUBSCRIBER: rtcRoles.subscriber })

/**
 * One role-based RTC token: a number is a uid, a string an account (the
 * upstream's rule for both builders). The hot path: the export takes the
 * values as they are and the checks run only if it refuses them.
 */
function rtcToken(id, c, channelName, account, role, tokenExpire, privilegeExpire, opts, accountName) {
    if (opts === undefined && isOptions(privilegeExpire)) {
        opts = privilegeExpire
        privilegeExpire = 0
    }
    const [ts, salt] = stampOf(opts)
    try {
        return typeof account === 'number'
            ? native.rtcTokenBuilder2BuildTokenWithUid(id, c, channelName, account, role, tokenExpire, privilegeExpire, ts, salt)
            : native.rtcTokenBuilder2BuildTokenWithUserAccount(id, c, channelName, account, role, tokenExpire, privilegeExpire, ts, salt)
    } catch (e) {
        throw failure(e, () => [checkAppId(id), checkCert(c), str(channelName, 'channelName'), uid(account, accountName),
            u32(role, 'role'), u32(tokenExpire, 'tokenExpire'), u32(privilegeExpire, 'privilegeExpire')])
    }
}

/** RTC token with one expiry per privilege (uid or account, as `rtcToken`). */
function rtcTokenWithPrivilege(id, c, channelName, account, tokenExpire, join, audio, video, data, opts, accountName) {
    const fn = typeof account === 'number'
        ? native.rtcTokenBuilder2BuildTokenWithUidAndPrivilege
        : native.rtcTokenBuilder2BuildTokenWithUserAccountAndPrivilege
    return call(fn, [id, c, channelName, account, tokenExpire, join, audio, video, data, ...stampOf(opts)], () => [
        checkAppId(id), checkCert(c), str(channelName, 'channelName'), uid(account, accountName),
        u32(tokenExpire, 'tokenExpire'), u32(join, 'joinChannelPrivilegeExpire'),
        u32(audio, 'pubAudioPrivilegeExpire'), u32(video, 'pubVideoPrivilegeExpire'),
        u32(data, 'pubDataStreamPrivilegeExpire')
    ])
}

/**
 * The RTC + RTM builders (`rtcTokenBuilder2BuildTokenWithRtm2`, ConvoAI, STT), which share one signature.
 * @param {typeof native.sttTokenBuilderBuildToken} fn
 */
function rtcRtmToken(fn, id, c, channelName, rtcAccount, rtcRole, rtcTokenExpire, join, audio, video, data, rtmUserId, rtmTokenExpire, opts) {
    return call(fn, [id, c, channelName, textOf(rtcAccount), rtcRole, rtcTokenExpire, join, audio, video, data,
        textOf(rtmUserId), rtmTokenExpire, ...stampOf(opts)], () => [
        checkAppId(id), checkCert(c), str(channelName, 'channelName'), uidText(rtcAccount, 'rtcAccount'),
        u32(rtcRole, 'rtcRole'), u32(rtcTokenExpire, 'rtcTokenExpire'),
        u32(join, 'joinChannelPrivilegeExpire'), u32(audio, 'pubAudioPrivilegeExpire'),
        u32(video, 'pubVideoPrivilegeExpire'), u32(data, 'pubDataStreamPrivilegeExpire'),
        uidText(rtmUserId, 'rtmUserId'), u32(rtmTokenExpire, 'rtmTokenExpire')
    ])
}

/** RTC tokens (007). */
const RtcTokenBuilder = {
    /** RTC token for a uid (number or string). */
    buildTokenWithUid(appId, appCertificate, channelName, uid, role, tokenExpire, privilegeExpire = 0, options) {
        return rtcToken(appId, appCertificate, channelName, uid, role, tokenExpire, privilegeExpire, options, 'uid')
    },
    /** RTC token for a user account (string or number). */
    buildTokenWithUserAccount(appId, appCertificate, channelName, account, role, tokenExpire, privilegeExpire = 0, options) {
        return rtcToken(appId, appCertificate, channelName, account, role, tokenExpire, privilegeExpire, options, 'account')
    },
    /** RTC token with one expiry per privilege, for a uid. */
    buildTokenWithUidAndPrivilege(appId, appCertificate, channelName, uid, tokenExpire, joinChannelPrivilegeExpire,
        pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, options) {
        return rtcTokenWithPrivilege(appId, appCertificate, channelName, uid, tokenExpire, joinChannelPrivilegeExpire,
            pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, options, 'uid')
    },
    /** RTC token with one expiry per privilege, for an account. */
    buildTokenWithUserAccountAndPrivilege(appId, appCertificate, channelName, account, tokenExpire, joinChannelPrivilegeExpire,
        pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, options) {
        return rtcTokenWithPrivilege(appId, appCertificate, channelName, account, tokenExpire, joinChannelPrivilegeExpire,
            pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, options, 'account')
    },
    /** RTC plus RTM login for the same account. */
    buildTokenWithRtm(appId, appCertificate, channelName, account, role, tokenExpire, privilegeExpire = 0, options) {
        if (options === undefined && isOptions(privilegeExpire)) {
            options = privilegeExpire
            privilegeExpire = 0
        }
        return call(native.rtcTokenBuilder2BuildTokenWithRtm, [appId, appCertificate, channelName, textOf(account), role,
            tokenExpire, privilegeExpire, ...stampOf(options)], () => [
            checkAppId(appId), checkCert(appCertificate), str(channelName, 'channelName'), uidText(account, 'account'), u32(role, 'role'),
            u32(tokenExpire, 'tokenExpire'), u32(privilegeExpire, 'privilegeExpire')
        ])
    },
    /** RTC for one account plus RTM login for another. */
    buildTokenWithRtm2(appId, appCertificate, channelName, rtcAccount, rtcRole, rtcTokenExpire, joinChannelPrivilegeExpire,
        pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, rtmUserId, rtmTokenExpire, options) {
        return rtcRtmToken(native.rtcTokenBuilder2BuildTokenWithRtm2, appId, appCertificate, channelName, rtcAccount, rtcRole, rtcTokenExpire,
            joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire,
            rtmUserId, rtmTokenExpire, options)
    }
}
// The upstream's capitalised spelling of the same builder.
RtcTokenBuilder.BuildTokenWithUserAccountAndPrivilege = RtcTokenBuilder.buildTokenWithUserAccountAndPrivilege


/** RTM tokens (007, and RTM2 with permissions). */
const RtmTokenBuilder = {
    /** RTM login token. */
    buildToken(appId, appCertificate, userId, expire, options) {
        return call(native.rtmTokenBuilder2BuildToken, [appId, appCertificate, textOf(userId), expire, ...stampOf(options)], () => [
            checkAppId(appId), checkCert(appCertificate), uidText(userId, 'userId'), u32(expire, 'expire')
        ])
    },
    /** RTM2 login token with resource-level permissions (an Rtm2Permissions). */
    buildTokenWithPermissions(appId, appCertificate, userId, permissions, expire, options) {
        const details = permissionsArg(permissions)
        return call(native.rtmTokenBuilder2BuildTokenWithPermissions, [appId, appCertificate, textOf(userId), details, expire,
            ...stampOf(options)], () => [
            checkAppId(appId), checkCert(appCertificate), uidText(userId, 'userId'), u32(expire, 'expire')
        ])
    }
}

/** Chat tokens. */
const ChatTokenBuilder = {
    /** Chat user token. */
    buildUserToken(appId, appCertificate, userId, expire, options) {
        return call(native.chatTokenBuilder2BuildUserToken, [appId, appCertificate, textOf(userId), expire, ...stampOf(options)], () => [
            checkAppId(appId), checkCert(appCertificate), uidText(userId, 'userId'), u32(expire, 'expire')
        ])
    },
    /** Chat app token. */
    buildAppToken(appId, appCertificate, expire, options) {
        return call(native.chatTokenBuilder2BuildAppToken, [appId, appCertificate, expire, ...stampOf(options)], () => [
            checkAppId(appId), checkCert(appCertificate), u32(expire, 'expire')
        ])
    }
}

/**
 * Flexible-classroom tokens (APaaS service, RTM, chat) over one catalogue module's three builders.
 * @param {typeof native.apaasTokenBuilderBuildRoomUserToken} roomUser
 * @param {typeof native.apaasTokenBuilderBuildUserToken} user
 * @param {typeof native.apaasTokenBuilderBuildAppToken} app
 */
function apaasBuilder(roomUser, user, app) {
    return {
        /** Token for a user in a room. */
        buildRoomUserToken(appId, appCertificate, roomUuid, userUuid, role, expire, options) {
            return call(roomUser, [appId, appCertificate, roomUuid, textOf(userUuid), role, expire, ...stampOf(options)], () => [
                checkAppId(appId), checkCert(appCertificate), str(roomUuid, 'roomUuid'), uidText(userUuid, 'userUuid'),
                i16(role, 'role'), u32(expire, 'expire')
            ])
        },
        /** Token for a user. */
        buildUserToken(appId, appCertificate, userUuid, expire, options) {
            return call(user, [appId, appCertificate, textOf(userUuid), expire, ...stampOf(options)], () => [
                checkAppId(appId), checkCert(appCertificate), uidText(userUuid, 'userUuid'), u32(expire, 'expire')
            ])
        },
        /** Token for the app. */
        buildAppToken(appId, appCertificate, expire, options) {
            return call(app, [appId, appCertificate, expire, ...stampOf(options)], () => [
                checkAppId(appId), checkCert(appCertificate), u32(expire, 'expire')
            ])
        }
    }
}
const EducationTokenBuilder = apaasBuilder(native.educationTokenBuilder2BuildRoomUserToken,
    native.educationTokenBuilder2BuildUserToken, native.educationTokenBuilder2BuildAppToken)
const ApaasTokenBuilder = apaasBuilder(native.apaasTokenBuilderBuildRoomUserToken,
    native.apaasTokenBuilderBuildUserToken, native.apaasTokenBuilderBuildAppToken)

/** FPA tokens (24 h). */
const FpaTokenBuilder = {
    /** FPA login token. */
    buildToken(appId, appCertificate, options) {
        return call(native.fpaTokenBuilderBuildToken, [appId, appCertificate, ...stampOf(options)],
            () => [checkAppId(appId), checkCert(appCertificate)])
    }
}

/**
 * A builder object whose buildToken is the RTC + RTM builder `fn`.
 * @param {typeof native.sttTokenBuilderBuildToken} fn
 */
function rtcRtmBuilder(fn) {
    return {
        /** RTC + RTM (+ this builder's service) token. */
        buildToken(appId, appCertificate, channelName, rtcAccount, rtcRole, rtcTokenExpire, joinChannelPrivilegeExpire,
            pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire, rtmUserId, rtmTokenExpire, options) {
            return rtcRtmToken(fn, appId, appCertificate, channelName, rtcAccount, rtcRole, rtcTokenExpire,
                joinChannelPrivilegeExpire, pubAudioPrivilegeExpire, pubVideoPrivilegeExpire, pubDataStreamPrivilegeExpire,
                rtmUserId, rtmTokenExpire, options)
        }
    }
}
const ConvoAITokenBuilder = rtcRtmBuilder(native.convoaiTokenBuilderBuildToken)
const SttTokenBuilder = rtcRtmBuilder(native.sttTokenBuilderBuildToken)

module.exports = {
    RtcRole,
    RtcTokenBuilder,
    RtmTokenBuilder,
    Rtm2Permissions,
    ChatTokenBuilder,
    EducationTokenBuilder,
    ApaasTokenBuilder,
    FpaTokenBuilder,
    ConvoAITokenBuilder,
    SttTokenBuilder
}
