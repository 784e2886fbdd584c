// Types of `rtctoken/legacy`: the agora-access-token API (006) plus the
// dynamic keys v1–v5 and the signaling token.
import type { StampOptions } from './index'
export { TokenError, TokenErrorCode, TokenErrorKind, StampOptions, parse, verify, inspect } from './index'

export namespace RtcRole {
    const ATTENDEE: number
    const PUBLISHER: number
    const SUBSCRIBER: number
    const ADMIN: number
}

export namespace RtmRole {
    const Rtm_User: number
}

export namespace RtcTokenBuilder {
    /** 006 RTC token for a uid; `privilegeExpiredTs` is an absolute Unix time. */
    function buildTokenWithUid(appID: string, appCertificate: string, channelName: string, uid: string | number,
        role: number, privilegeExpiredTs: number, options?: StampOptions): string
    /** 006 RTC token for a user account. */
    function buildTokenWithAccount(appID: string, appCertificate: string, channelName: string, account: string | number,
        role: number, privilegeExpiredTs: number, options?: StampOptions): string
}

export namespace RtmTokenBuilder {
    /** 006 RTM token; `role` must be RtmRole.Rtm_User. */
    function buildToken(appID: string, appCertificate: string, account: string | number, role: number,
        privilegeExpiredTs: number, options?: StampOptions): string
}

/** 006 privilege ids. */
export const Privileges: {
    readonly kJoinChannel: number
    readonly kPublishAudioStream: number
    readonly kPublishVideoStream: number
    readonly kPublishDataStream: number
    readonly kPublishAudiocdn: number
    readonly kPublishVideoCdn: number
    readonly kRequestPublishAudioStream: number
    readonly kRequestPublishVideoStream: number
    readonly kRequestPublishDataStream: number
    readonly kInvitePublishAudioStream: number
    readonly kInvitePublishVideoStream: number
    readonly kInvitePublishDataStream: number
    readonly kAdministrateChannel: number
    readonly kRtmLogin: number
}
/** The upstream's spelling of Privileges. */
export const priviledges: typeof Privileges

/** A raw 006 token: set `salt`, `ts`, privileges, then `build()`. */
export class AccessToken {
    constructor(appID: string, appCertificate: string, channelName: string, uid: string | number)
    appID: string
    appCertificate: string
    channelName: string
    uid: string
    messages: { [privilege: number]: number }
    /** Salt (default: random at build time). */
    salt: number | undefined
    /** The token's expiry, absolute (default: now + 24 h at build time). */
    ts: number | undefined
    crc_channel_name?: number
    crc_uid?: number
    addPriviledge(privilege: number, expireTimestamp: number): void
    build(): string
    fromString(originToken: string): boolean
}

export namespace DynamicKey {
    function generate(appID: string, appCertificate: string, channel: string, ts: number, r: number): string
}
export namespace DynamicKey2 {
    function generate(appID: string, appCertificate: string, channel: string, ts: number, r: number,
        uid: number, expiredTs: number): string
}
export namespace DynamicKey3 {
    function generate(appID: string, appCertificate: string, channel: string, ts: number, r: number,
        uid: number, expiredTs: number): string
}
export namespace DynamicKey4 {
    function generateMediaChannelKey(appID: string, appCertificate: string, channel: string, ts: number,
        r: number, uid: number, expiredTs: number): string
    function generateRecordingKey(appID: string, appCertificate: string, channel: string, ts: number,
        r: number, uid: number, expiredTs: number): string
    function generatePublicSharingKey(appID: string, appCertificate: string, channel: string, ts: number,
        r: number, uid: number, expiredTs: number): string
}
export namespace DynamicKey5 {
    const version: '005'
    const noUpload: '0'
    const audioVideoUpload: '3'
    function generateMediaChannelKey(appID: string, appCertificate: string, channel: string, ts: number,
        r: number, uid: number, expiredTs: number): string
    function generateRecordingKey(appID: string, appCertificate: string, channel: string, ts: number,
        r: number, uid: number, expiredTs: number): string
    function generatePublicSharingKey(appID: string, appCertificate: string, channel: string, ts: number,
        r: number, uid: number, expiredTs: number): string
    function generateInChannelPermissionKey(appID: string, appCertificate: string, channel: string, ts: number,
        r: number, uid: number, expiredTs: number, permission: '0' | '3' | string): string
}
export namespace SignalingToken {
    /** Token for `account` expiring at `expiredTs` (absolute Unix time). */
    function generate(appID: string, appCertificate: string, account: string, expiredTs: number): string
    /** Token valid for `validTimeInSeconds` from now. */
    function get(appID: string, appCertificate: string, account: string, validTimeInSeconds: number): string
    /** Token valid for one day. */
    function get1DayToken(appID: string, appCertificate: string, account: string): string
}
