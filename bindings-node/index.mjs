// ESM entry point: the CommonJS module's exports as named exports (one shared
// native addon and one TokenError class for both module systems).
import cjs from './index.js'

export const {
    ApaasTokenBuilder,
    ChatTokenBuilder,
    ConvoAITokenBuilder,
    EducationTokenBuilder,
    FpaTokenBuilder,
    RtcRole,
    RtcTokenBuilder,
    RtmTokenBuilder,
    Rtm2Permissions,
    SttTokenBuilder,
    AccessToken2,
    Service,
    ServiceRtc,
    ServiceRtm,
    ServiceStreaming,
    ServiceFpa,
    ServiceChat,
    ServiceFCdn,
    ServiceApaas,
    ServiceRtm2,
    ServiceConvoAI,
    ServiceStt,
    kRtcServiceType,
    kRtmServiceType,
    kStreamingServiceType,
    kFpaServiceType,
    kChatServiceType,
    kFCdnServiceType,
    kApaasServiceType,
    kRtm2ServiceType,
    kConvoAIServiceType,
    kSttServiceType,
    parse,
    verify,
    inspect,
    TokenError
} = cjs
export default cjs
