'use strict'
// AccessToken2 and the ten service classes, shaped like agora-token's
// src/AccessToken2.js (same names, fields and methods) so raw-token code
// migrates by changing its require. Building, parsing and verifying all
// go to the core; these classes only hold and convert values.
const native = require('./native')
const { fromNative, tokenError } = require('./errors')
const { pascal, str, u16, u32, i16, uidText, checkAppId, checkCert, certificateSlot } = require('./args')
const { parse, verify } = require('./decode')
const { Rtm2Permissions, permissionsArg } = require('./permissions')

/** The core's 007 version prefix. */
const version = native.versions().accessToken2

/** The core's service table: each type's name (its serde tag), wire id and privileges. */
const serviceTable = native.serviceTypes()
/** type name -> wire id */
const serviceTypes = Object.fromEntries(serviceTable.map(t => [t.name, t.id]))
const kRtcServiceType = serviceTypes.rtc
const kRtmServiceType = serviceTypes.rtm
const kStreamingServiceType = serviceTypes.streaming
const kFpaServiceType = serviceTypes.fpa
const kChatServiceType = serviceTypes.chat
const kFCdnServiceType = serviceTypes.fcdn
const kApaasServiceType = serviceTypes.apaas
const kRtm2ServiceType = serviceTypes.rtm2
const kConvoAIServiceType = serviceTypes.convoai
const kSttServiceType = serviceTypes.stt

/**
 * A service: a type id and privilege id -> expiry (seconds after issue).
 * Built as is, it is the vendor's generic service of any type number: the
 * type and privileges only, so a service added tomorrow can be built today.
 */
class Service {
    constructor(serviceType) {
        this.__type = serviceType
        this.__privileges = {}
    }

    /** The numeric service type. */
    service_type() {
        return this.__type
    }

    /** Grants `privilege` for `expire` seconds after issue (0 = no expiry). */
    add_privilege(privilege, expire) {
        this.__privileges[privilege] = expire
    }

    /**
     * This service in the core's serde form: its type's name and its own
     * `__field`s as the core's fields when it is that type's class, else
     * the generic form. Each field is checked by its kind, its error named
     * as the caller's argument (`channel_name` -> `channelName`).
     */
    __input() {
        const known = AccessToken2.kServices[this.__type]
        if (known === undefined || !(this instanceof known)) {
            return { type: 'generic', service_type: u16(this.__type, 'service_type'), privileges: this.__privileges }
        }
        /** @type {import('./calls').ServiceJson} */
        const o = { type: serviceNames[this.__type], privileges: this.__privileges }
        for (const [key, value] of Object.entries(this)) {
            const field = key.slice(2)
            if (!key.startsWith('__') || field === 'type' || field === 'privileges') continue
            if (field === 'role') {
                // unset = the core's "no role"
                if (value !== undefined && value !== null) o.role = i16(value, 'role')
            } else if (field === 'permissions') {
                o.permissions = permissionsArg(value)
            } else {
                o[field] = str(value, field.replace(/_(\w)/g, (_, c) => c.toUpperCase()))
            }
        }
        return o
    }

    /** Fills the `__field`s from the core's parse output. */
    __read(json) {
        for (const [field, value] of Object.entries(json)) {
            if (field !== 'type') this[`__${field}`] = field === 'privileges' ? { ...value } : value
        }
    }
}

/** RTC: a channel and a uid (number; 0 = any user) or account. */
class ServiceRtc extends Service {
    constructor(channelName = '', uid = '') {
        super(kRtcServiceType)
        this.__channel_name = channelName
        this.__uid = uidText(uid, 'uid')
    }
}

/** A service whose only field is a user id (RTM, chat). */
class UserService extends Service {
    constructor(type, userId) {
        super(type)
        this.__user_id = userId == null ? '' : uidText(userId, 'userId')
    }
}

/** RTM login for a user. */
class ServiceRtm extends UserService {
    constructor(userId) {
        super(kRtmServiceType, userId)
    }
}

/** Chat for a user (no user = the app). */
class ServiceChat extends UserService {
    constructor(userId) {
        super(kChatServiceType, userId)
    }
}

/** A service with a channel and an account (streaming, FCDN). */
class ChannelAccountService extends Service {
    constructor(type, channelName, account) {
        super(type)
        this.__channel_name = channelName
        this.__account = uidText(account, 'account')
    }
}

/** Media push (streaming). */
class ServiceStreaming extends ChannelAccountService {
    constructor(channelName = '', account = '') {
        super(kStreamingServiceType, channelName, account)
    }
}

/** Fusion CDN. */
class ServiceFCdn extends ChannelAccountService {
    constructor(channelName = '', account = '') {
        super(kFCdnServiceType, channelName, account)
    }
}

/** Full-path acceleration (no fields). */
class ServiceFpa extends Service {
    constructor() {
        super(kFpaServiceType)
    }
}

/** Conversational AI (no fields). */
class ServiceConvoAI extends Service {
    constructor() {
        super(kConvoAIServiceType)
    }
}

/** Speech to text (no fields). */
class ServiceStt extends Service {
    constructor() {
        super(kSttServiceType)
    }
}

/** Flexible classroom: room, user and role (unset = the core's "no role"). */
class ServiceApaas extends Service {
    constructor(roomUuid, userUuid, role) {
        super(kApaasServiceType)
        this.__room_uuid = roomUuid || ''
        this.__user_uuid = userUuid == null ? '' : uidText(userUuid, 'userUuid')
        // Unlike the upstream's `role || -1`, role 0 stays 0 (as the Python reference encodes it).
        this.__role = role
    }
}

/** RTM2: a user and resource-level permissions. */
class ServiceRtm2 extends Service {
    constructor(userId, permissions) {
        super(kRtm2ServiceType)
        this.__user_id = userId == null ? '' : uidText(userId, 'userId')
        this.__permissions = permissions || new Rtm2Permissions()
    }

    /** As every service, with the permissions as an Rtm2Permissions. */
    __read(json) {
        super.__read(json)
        this.__permissions = new Rtm2Permissions()
        for (const [t, perms] of Object.entries(json.permissions)) {
            for (const [p, resources] of Object.entries(perms)) this.__permissions.add(Number(t), Number(p), resources)
        }
    }
}

/** The core's service type names (its serde `type` tag) and their classes. */
const serviceClasses = {
    rtc: ServiceRtc,
    rtm: ServiceRtm,
    streaming: ServiceStreaming,
    fpa: ServiceFpa,
    chat: ServiceChat,
    fcdn: ServiceFCdn,
    apaas: ServiceApaas,
    rtm2: ServiceRtm2,
    convoai: ServiceConvoAI,
    stt: ServiceStt
}

/** A 007 token: build one from services, or read one with from_string. */
class AccessToken2 {
    /** The token read by from_string (a bearer secret: kept out of dumps). */
    #token = ''

    constructor(appId = '', appCertificate = '', issueTs = 0, expire = 0) {
        this.appId = appId
        this.appCertificate = appCertificate
        // 0 or nothing = now, as upstream; anything else is checked by build().
        this.issueTs = issueTs === 0 || issueTs === undefined || issueTs === null ? native.now() : issueTs
        this.expire = expire
        this.salt = native.randomSalt()
        this.services = []
    }

    /** Adds a service (services of one type keep their insertion order). */
    add_service(service) {
        this.services.push(service)
    }

    /** The services of `serviceType`, in insertion or token order. */
    getServices(serviceType) {
        return this.services.filter(s => s.service_type() === serviceType)
    }

    /** The token string; throws TokenError (never returns '') on bad input. */
    build() {
        const appId = checkAppId(this.appId)
        const cert = checkCert(this.appCertificate)
        const issueTs = u32(this.issueTs, 'issueTs')
        const expire = u32(this.expire, 'expire')
        const salt = u32(this.salt, 'salt')
        if (!Array.isArray(this.services)) throw tokenError('invalid_argument', 'services must be an array')
        const services = this.services.map(s => {
            if (!(s instanceof Service)) throw tokenError('invalid_argument', 'services must hold Service objects')
            return s.__input()
        })
        try {
            return native.accessToken2Build(appId, cert, expire, services, issueTs, salt)
        } catch (e) {
            throw fromNative(e)
        }
    }

    /**
     * Reads a 007 token into this object; false (never an exception) if it is
     * not a valid 007 token, and then the object holds no token or service.
     */
    from_string(token) {
        this.appId = ''
        this.issueTs = 0
        this.expire = 0
        this.salt = 0
        this.services = []
        this.#token = ''
        let json
        try {
            json = parse(token)
        } catch (e) {
            return false
        }
        if (json.version !== version) return false
        this.appId = json.app_id
        this.issueTs = json.issue_ts
        this.expire = json.expire
        this.salt = json.salt
        this.services = json.services.map(s => {
            const service = new serviceClasses[s.type]()
            service.__read(s)
            return service
        })
        this.#token = token
        return true
    }

    /**
     * Whether the token read by from_string is signed with `appCertificate`;
     * false, as upstream, for a malformed certificate or when nothing was read.
     */
    verifySignature(appCertificate) {
        if (!this.#token || typeof appCertificate !== 'string') return false
        try {
            return verify(this.#token, appCertificate).valid
        } catch (e) {
            return false
        }
    }
}
certificateSlot(AccessToken2)
// The upstream's internal buffers of a parsed token. rtctoken verifies the
// token text from_string read, so a write here could not take effect: it
// fails loudly rather than being ignored.
for (const name of ['__signature', '__signing_info']) {
    const notPorted = () => tokenError('invalid_argument',
        `AccessToken2.${name} (the upstream's internal buffer) is not ported: verifySignature checks the token from_string read`)
    Object.defineProperty(AccessToken2.prototype, name, {
        get() {
            throw notPorted()
        },
        set() {
            throw notPorted()
        }
    })
}
AccessToken2.kServices = {}
/** service type id -> the core's type name */
const serviceNames = {}
/**
 * A privilege's upstream constant name from the core's snake_case name:
 * `kPrivilegeJoinChannel`, or `PRIVILEGE_ROOM_USER` on ServiceApaas (the
 * upstream's spelling there).
 */
const privilegeConstant = (type, name) => type === 'apaas'
    ? `PRIVILEGE_${name.toUpperCase()}`
    : `kPrivilege${pascal(name)}`
for (const { name, id, privileges } of serviceTable) {
    const cls = serviceClasses[name]
    AccessToken2.kServices[id] = cls
    serviceNames[id] = name
    for (const [privilege, value] of Object.entries(privileges)) cls[privilegeConstant(name, privilege)] = value
}

module.exports = {
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
    kSttServiceType
}
