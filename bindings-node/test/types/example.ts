// Type-checked (tsc --noEmit) usage of both entry points, as a user would write it.
import {
    RtcTokenBuilder, RtcRole, RtmTokenBuilder, Rtm2Permissions, ChatTokenBuilder, FpaTokenBuilder,
    AccessToken2, ServiceRtc, kRtcServiceType, parse, verify, inspect, TokenError, type StampOptions,
} from 'rtctoken'
import * as legacy from 'rtctoken/legacy'

const appId = '970CA35de60c44645bbae8a215061b33'
const cert = '5CFd2fd1755d40ecb72977518be15d3b'
const stamp: StampOptions = { issueTs: 1111111, salt: 1 }

const a: string = RtcTokenBuilder.buildTokenWithUid(appId, cert, 'demo', 42, RtcRole.PUBLISHER, 3600, 3600)
const b: string = RtcTokenBuilder.buildTokenWithUserAccount(appId, cert, 'demo', 'alice', RtcRole.SUBSCRIBER, 3600, 600, stamp)
const perms = new Rtm2Permissions()
perms.add(Rtm2Permissions.kUsers, Rtm2Permissions.kRead, ['bob'])
const c: string = RtmTokenBuilder.buildTokenWithPermissions(appId, cert, 'alice', perms, 600)
const d: string = ChatTokenBuilder.buildAppToken(appId, cert, 600) + FpaTokenBuilder.buildToken(appId, cert, stamp)

const raw = new AccessToken2(appId, cert, 1111111, 600)
raw.salt = 1
const rtc = new ServiceRtc('demo', 42)
rtc.add_privilege(ServiceRtc.kPrivilegeJoinChannel, 600)
raw.add_service(rtc)
const e: string = raw.build()
const reread = new AccessToken2()
const ok: boolean = reread.from_string(e) && reread.verifySignature(cert) && reread.getServices(kRtcServiceType).length === 1

const parsed = parse(a)
const version: string = parsed.version
const v = verify(b, [cert], { channelName: 'demo', uid: 'alice' })
const valid: boolean = v.valid
const matched: number | null = v.matched
const report = inspect(c, 1800000000)

const old: string = legacy.RtcTokenBuilder.buildTokenWithUid(appId, cert, 'demo', 42, legacy.RtcRole.PUBLISHER, 1446455471)
const key5: string = legacy.DynamicKey5.generateInChannelPermissionKey(appId, cert, 'demo', 1446455472, 58964981, 42, 1446455471,
    legacy.DynamicKey5.noUpload)
const token006 = new legacy.AccessToken(appId, cert, 'demo', 42)
token006.addPriviledge(legacy.Privileges.kJoinChannel, 1446455471)
const built006: string = token006.build()

try {
    RtcTokenBuilder.buildTokenWithUid('bad', cert, 'demo', 42, RtcRole.PUBLISHER, 3600)
} catch (err) {
    if (err instanceof TokenError) {
        const code: 'ERR_INVALID_APP_ID' | string = err.code
        console.log(code, err.kind, TokenError.codes.invalid_app_id)
    }
}

console.log(a, b, c, d, ok, version, valid, matched, report.version, old, key5, built006)

// The vendor's deep imports, typed.
import { RtcTokenBuilder as RtcTokenBuilder2, Role } from 'rtctoken/src/RtcTokenBuilder2'
import { Role as Role006, RtcTokenBuilder as RtcTokenBuilder006 } from 'rtctoken/src/RtcTokenBuilder'
import { Service, AccessToken2 as Raw2 } from 'rtctoken/src/AccessToken2'
import * as DynamicKey5 from 'rtctoken/src/DynamicKey5'
import SignalingToken = require('rtctoken/src/SignalingToken')
const deep: string = RtcTokenBuilder2.buildTokenWithUid(appId, cert, 'demo', 42, Role.PUBLISHER, 600, 600) +
    RtcTokenBuilder006.buildTokenWithUid(appId, cert, 'demo', 42, Role006.ADMIN, 1446455471) +
    DynamicKey5.generateRecordingKey(appId, cert, 'demo', 1, 2, 3, 4) + SignalingToken.get1DayToken(appId, cert, 'bob')
const generic = new Service(999)
generic.add_privilege(1, 60)
const withGeneric = new Raw2(appId, cert, 1111111, 600)
withGeneric.add_service(generic)
console.log(deep, withGeneric.build())
