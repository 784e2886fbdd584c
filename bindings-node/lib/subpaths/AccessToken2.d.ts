export {
    AccessToken2, Rtm2Permissions, Service, ServiceRtc, ServiceRtm, ServiceStreaming, ServiceFpa, ServiceChat,
    ServiceFCdn, ServiceApaas, ServiceRtm2, ServiceConvoAI, ServiceStt, kRtcServiceType, kRtmServiceType,
    kStreamingServiceType, kFpaServiceType, kChatServiceType, kFCdnServiceType, kApaasServiceType,
    kRtm2ServiceType, kConvoAIServiceType, kSttServiceType
} from '../../index'
