// Types of the npm package `rtctoken` (top level): the agora-token 2.0.6 API
// plus parse / verify / inspect and TokenError. The native functions behind it
// are typed in lib/native.d.ts (generated from src/*.rs and the core's call
// catalogue).

/** Fixes the issue time and salt (for exact, reproducible tokens in tests). */
export interface StampOptions {
    /** Unix seconds the token is issued at (default: now). */
    issueTs?: number
    /** Salt in 0..2^32-1 (default: random in 1..99999999). */
    salt?: number
}

/** Stable error codes, one per core error kind. */
export type TokenErrorCode =
    | 'ERR_INVALID_APP_ID'
    | 'ERR_INVALID_APP_CERTIFICATE'
    | 'ERR_NO_SERVICE'
    | 'ERR_FIELD_TOO_LONG'
    | 'ERR_MALFORMED'
    | 'ERR_UNSUPPORTED_VERSION'
    | 'ERR_INVALID_ARGUMENT'
    | 'ERR_MISSING_INPUT'
    | 'ERR_INTERNAL'

/** The core's snake_case error kinds. */
export type TokenErrorKind =
    | 'invalid_app_id'
    | 'invalid_app_certificate'
    | 'no_service'
    | 'field_too_long'
    | 'malformed'
    | 'unsupported_version'
    | 'invalid_argument'
    | 'missing_input'
    | 'internal'

/** Thrown by every call on bad input; the message names the field, never the certificate. */
export class TokenError extends Error {
    readonly name: 'TokenError'
    readonly code: TokenErrorCode
    readonly kind: TokenErrorKind
    /** kind -> code */
    static readonly codes: Readonly<Record<TokenErrorKind, TokenErrorCode>>
}

/** RTM2 resource-level permissions. */
export class Rtm2Permissions {
    static readonly kMessageChannels: number
    static readonly kStreamChannels: number
    static readonly kGroupChannels: number
    static readonly kServerGroups: number
    static readonly kUsers: number
    static readonly kRead: number
    static readonly kWrite: number
    details: { [resourceType: number]: { [permissionType: number]: string[] } }
    /** Sets the resources of one resource type and permission (replacing any before). */
    add(resourceType: number, permissionType: number, resources: string[]): void
}

export namespace RtcRole {
    const PUBLISHER: number
    const SUBSCRIBER: number
}

export namespace RtcTokenBuilder {
    /** RTC token for a uid (0..2^32-1, or a string). Expiries are seconds from now. */
    function buildTokenWithUid(appId: string, appCertificate: string, channelName: string, uid: string | number,
        role: number, tokenExpire: number, privilegeExpire?: number | StampOptions, options?: StampOptions): string
    /** RTC token for a user account. */
    function buildTokenWithUserAccount(appId: string, appCertificate: string, channelName: string, account: string | number,
        role: number, tokenExpire: number, privilegeExpire?: number | StampOptions, options?: StampOptions): string
    /** RTC token with one expiry per privilege, for a uid. */
    function buildTokenWithUidAndPrivilege(appId: string, appCertificate: string, channelName: string, uid: string | number,
        tokenExpire: number, joinChannelPrivilegeExpire: number, pubAudioPrivilegeExpire: number,
        pubVideoPrivilegeExpire: number, pubDataStreamPrivilegeExpire: number, options?: StampOptions): string
    /** RTC token with one expiry per privilege, for an account. */
    function buildTokenWithUserAccountAndPrivilege(appId: string, appCertificate: string, channelName: string,
        account: string | number, tokenExpire: number, joinChannelPrivilegeExpire: number, pubAudioPrivilegeExpire: number,
        pubVideoPrivilegeExpire: number, pubDataStreamPrivilegeExpire: number, options?: StampOptions): string
    /** The upstream's capitalised spelling of buildTokenWithUserAccountAndPrivilege. */
    function BuildTokenWithUserAccountAndPrivilege(appId: string, appCertificate: string, channelName: string,
        account: string | number, tokenExpire: number, joinChannelPrivilegeExpire: number, pubAudioPrivilegeExpire: number,
        pubVideoPrivilegeExpire: number, pubDataStreamPrivilegeExpire: number, options?: StampOptions): string
    /** RTC plus RTM login for the same account. */
    function buildTokenWithRtm(appId: string, appCertificate: string, channelName: string, account: string | number,
        role: number, tokenExpire: number, privilegeExpire?: number | StampOptions, options?: StampOptions): string
    /** RTC for one account plus RTM login for another. */
    function buildTokenWithRtm2(appId: string, appCertificate: string, channelName: string, rtcAccount: string | number,
        rtcRole: number, rtcTokenExpire: number, joinChannelPrivilegeExpire: number, pubAudioPrivilegeExpire: number,
        pubVideoPrivilegeExpire: number, pubDataStreamPrivilegeExpire: number, rtmUserId: string | number,
        rtmTokenExpire: number, options?: StampOptions): string
}

export namespace RtmTokenBuilder {
    /** RTM login token. */
    function buildToken(appId: string, appCertificate: string, userId: string | number, expire: number, options?: StampOptions): string
    /** RTM2 login token with resource-level permissions. */
    function buildTokenWithPermissions(appId: string, appCertificate: string, userId: string | number,
        permissions: Rtm2Permissions, expire: number, options?: StampOptions): string
}

export namespace ChatTokenBuilder {
    /** Chat user token. */
    function buildUserToken(appId: string, appCertificate: string, userId: string | number, expire: number, options?: StampOptions): string
    /** Chat app token. */
    function buildAppToken(appId: string, appCertificate: string, expire: number, options?: StampOptions): string
}

export namespace EducationTokenBuilder {
    /** Token for a user in a room (APaaS, RTM and chat services). */
    function buildRoomUserToken(appId: string, appCertificate: string, roomUuid: string, userUuid: string | number,
        role: number, expire: number, options?: StampOptions): string
    /** Token for a user. */
    function buildUserToken(appId: string, appCertificate: string, userUuid: string | number, expire: number, options?: StampOptions): string
    /** Token for the app. */
    function buildAppToken(appId: string, appCertificate: string, expire: number, options?: StampOptions): string
}

export namespace ApaasTokenBuilder {
    /** Token for a user in a room (APaaS, RTM and chat services). */
    function buildRoomUserToken(appId: string, appCertificate: string, roomUuid: string, userUuid: string | number,
        role: number, expire: number, options?: StampOptions): string
    /** Token for a user. */
    function buildUserToken(appId: string, appCertificate: string, userUuid: string | number, expire: number, options?: StampOptions): string
    /** Token for the app. */
    function buildAppToken(appId: string, appCertificate: string, expire: number, options?: StampOptions): string
}

export namespace FpaTokenBuilder {
    /** FPA token, valid 24 hours. */
    function buildToken(appId: string, appCertificate: string, options?: StampOptions): string
}

export namespace ConvoAITokenBuilder {
    /** RTC, RTM and conversational-AI token. */
    function buildToken(appId: string, appCertificate: string, channelName: string, rtcAccount: string | number,
        rtcRole: number, rtcTokenExpire: number, joinChannelPrivilegeExpire: number, pubAudioPrivilegeExpire: number,
        pubVideoPrivilegeExpire: number, pubDataStreamPrivilegeExpire: number, rtmUserId: string | number,
        rtmTokenExpire: number, options?: StampOptions): string
}

export namespace SttTokenBuilder {
    /** RTC, RTM and speech-to-text token. */
    function buildToken(appId: string, appCertificate: string, channelName: string, rtcAccount: string | number,
        rtcRole: number, rtcTokenExpire: number, joinChannelPrivilegeExpire: number, pubAudioPrivilegeExpire: number,
        pubVideoPrivilegeExpire: number, pubDataStreamPrivilegeExpire: number, rtmUserId: string | number,
        rtmTokenExpire: number, options?: StampOptions): string
}

export const kRtcServiceType: 1
export const kRtmServiceType: 2
export const kStreamingServiceType: 3
export const kFpaServiceType: 4
export const kChatServiceType: 5
export const kFCdnServiceType: 6
export const kApaasServiceType: 7
export const kRtm2ServiceType: 8
export const kConvoAIServiceType: 9
export const kSttServiceType: 10

/**
 * A 007 service: a type id and privilege id -> expiry in seconds after issue.
 * `new Service(type)` itself is the vendor's generic service of any type
 * number 0..65535: its type and privileges only, no fields.
 */
export class Service {
    constructor(serviceType: number)
    __privileges: { [privilege: number]: number }
    service_type(): number
    add_privilege(privilege: number, expire: number): void
}
export class ServiceRtc extends Service {
    static readonly kPrivilegeJoinChannel: number
    static readonly kPrivilegePublishAudioStream: number
    static readonly kPrivilegePublishVideoStream: number
    static readonly kPrivilegePublishDataStream: number
    constructor(channelName?: string, uid?: string | number)
    __channel_name: string
    __uid: string
}
export class ServiceRtm extends Service {
    static readonly kPrivilegeLogin: number
    constructor(userId?: string | number)
    __user_id: string
}
export class ServiceChat extends Service {
    static readonly kPrivilegeUser: number
    static readonly kPrivilegeApp: number
    constructor(userId?: string | number)
    __user_id: string
}
export class ServiceStreaming extends Service {
    static readonly kPrivilegePublishMixStream: number
    static readonly kPrivilegePublishRawStream: number
    constructor(channelName?: string, account?: string | number)
    __channel_name: string
    __account: string
}
export class ServiceFCdn extends Service {
    static readonly kPrivilegePublish: number
    static readonly kPrivilegePlay: number
    constructor(channelName?: string, account?: string | number)
    __channel_name: string
    __account: string
}
export class ServiceFpa extends Service {
    static readonly kPrivilegeLogin: number
    constructor()
}
export class ServiceApaas extends Service {
    static readonly PRIVILEGE_ROOM_USER: number
    static readonly PRIVILEGE_USER: number
    static readonly PRIVILEGE_APP: number
    constructor(roomUuid?: string, userUuid?: string | number, role?: number)
    __room_uuid: string
    __user_uuid: string
    __role: number
}
export class ServiceRtm2 extends Service {
    static readonly kPrivilegeLogin: number
    constructor(userId?: string | number, permissions?: Rtm2Permissions)
    __user_id: string
    __permissions: Rtm2Permissions
}
export class ServiceConvoAI extends Service {
    constructor()
}
export class ServiceStt extends Service {
    constructor()
}

/** A raw 007 token: add services, set `salt` / `issueTs` if needed, `build()`; or read one with `from_string`. */
export class AccessToken2 {
    static readonly kServices: { [serviceType: number]: new () => Service }
    constructor(appId?: string, appCertificate?: string, issueTs?: number, expire?: number)
    appId: string
    appCertificate: string
    issueTs: number
    expire: number
    salt: number
    services: Service[]
    add_service(service: Service): void
    getServices(serviceType: number): Service[]
    /** The token; throws TokenError on bad input (never returns ''). */
    build(): string
    /** Reads a 007 token into this object; false (never an exception) if it is not one, and then it holds none. */
    from_string(token: string): boolean
    /** Whether the token read by from_string is signed with `appCertificate`; false for a malformed certificate. */
    verifySignature(appCertificate: string): boolean
}

/** A decoded token: the core's JSON shape (snake_case fields, privilege maps keyed by id). */
export interface ParsedToken {
    version: '001' | '002' | '003' | '004' | '005' | '006' | '007' | 'signaling'
    app_id: string
    [field: string]: unknown
}

/** Decodes any token (v1–v5, signaling, 006, 007). */
export function parse(token: string): ParsedToken

/** What some formats sign without carrying. */
export interface VerifyInput {
    /** The channel (006, v1–v5; for RTM 006, the user account). */
    channelName?: string
    /** The uid: a number, or text (006 uid text, "" = uid 0; the signaling account). */
    uid?: string | number
}

/** The outcome of verify. */
export interface Verification {
    valid: boolean
    /** Index of the certificate that matched, or null. */
    matched: number | null
}

/** Checks a token's signature against one certificate or several (rotation). */
export function verify(token: string, certificates: string | string[], input?: VerifyInput): Verification

/** The core's inspection report of a token as of `now` (Unix seconds; default: the clock). */
export function inspect(token: string, now?: number): {
    version: string
    app_id: string
    [field: string]: unknown
}
