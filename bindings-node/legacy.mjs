// ESM entry point of rtctoken/legacy (see legacy.js).
import cjs from './legacy.js'

export const {
    RtcTokenBuilder,
    RtcRole,
    RtmTokenBuilder,
    RtmRole,
    AccessToken,
    Privileges,
    priviledges,
    DynamicKey,
    DynamicKey2,
    DynamicKey3,
    DynamicKey4,
    DynamicKey5,
    SignalingToken,
    parse,
    verify,
    inspect,
    TokenError
} = cjs
export default cjs
