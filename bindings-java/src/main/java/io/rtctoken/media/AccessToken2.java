package io.rtctoken.media;

import static io.rtctoken.internal.Args.falseIfRefused;
import static io.rtctoken.internal.Args.present;
import static io.rtctoken.internal.Args.u32;
import static io.rtctoken.internal.Args.pairs;

import io.rtctoken.internal.Certificates;
import io.rtctoken.internal.CoreConstants;
import io.rtctoken.internal.Flat;
import io.rtctoken.internal.Native;
import io.rtctoken.internal.Record;
import io.rtctoken.ErrorKind;
import io.rtctoken.TokenException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A raw AccessToken2 "007", service by service: the vendor's
 * {@code AccessToken2} with its service and privilege classes. The
 * constructor picks the issue time and salt; tests may overwrite
 * {@link #issueTs} and {@link #salt} before {@link #build()}. Privilege
 * expiries are seconds after issue. Services are written sorted by type;
 * several of one type (see {@link #appendService}) keep their insertion order.
 *
 * <p>The certificate is not a field (the vendor's public {@code appCert}):
 * it is held where no dump of this object (reflection, Jackson) reaches it.
 * The constructor or {@link #setAppCert} sets it; nothing reads it back.
 */
public class AccessToken2 {
    /** RTC privileges. */
    public enum PrivilegeRtc {
        /** Join the channel. */
        PRIVILEGE_JOIN_CHANNEL(ServiceIds.RTC_JOIN_CHANNEL),
        /** Publish audio. */
        PRIVILEGE_PUBLISH_AUDIO_STREAM(ServiceIds.RTC_PUBLISH_AUDIO_STREAM),
        /** Publish video. */
        PRIVILEGE_PUBLISH_VIDEO_STREAM(ServiceIds.RTC_PUBLISH_VIDEO_STREAM),
        /** Publish data streams. */
        PRIVILEGE_PUBLISH_DATA_STREAM(ServiceIds.RTC_PUBLISH_DATA_STREAM);

        /** The privilege id written in the token. */
        public short intValue;

        PrivilegeRtc(int value) {
            intValue = (short) value;
        }
    }

    /** RTM privileges. */
    public enum PrivilegeRtm {
        /** Log in. */
        PRIVILEGE_LOGIN(ServiceIds.RTM_LOGIN);

        /** The privilege id written in the token. */
        public short intValue;

        PrivilegeRtm(int value) {
            intValue = (short) value;
        }
    }

    /** Streaming privileges. */
    public enum PrivilegeStreaming {
        /** Publish a mixed stream. */
        PRIVILEGE_PUBLISH_MIX_STREAM(ServiceIds.STREAMING_PUBLISH_MIX_STREAM),
        /** Publish a raw stream. */
        PRIVILEGE_PUBLISH_RAW_STREAM(ServiceIds.STREAMING_PUBLISH_RAW_STREAM);

        /** The privilege id written in the token. */
        public short intValue;

        PrivilegeStreaming(int value) {
            intValue = (short) value;
        }
    }

    /** FPA privileges. */
    public enum PrivilegeFpa {
        /** Log in. */
        PRIVILEGE_LOGIN(ServiceIds.FPA_LOGIN);

        /** The privilege id written in the token. */
        public short intValue;

        PrivilegeFpa(int value) {
            intValue = (short) value;
        }
    }

    /** Chat privileges. */
    public enum PrivilegeChat {
        /** A chat user. */
        PRIVILEGE_CHAT_USER(ServiceIds.CHAT_USER),
        /** The chat app (administration). */
        PRIVILEGE_CHAT_APP(ServiceIds.CHAT_APP);

        /** The privilege id written in the token. */
        public short intValue;

        PrivilegeChat(int value) {
            intValue = (short) value;
        }
    }

    /** Fusion CDN privileges. */
    public enum PrivilegeFCdn {
        /** Publish. */
        PRIVILEGE_PUBLISH(ServiceIds.FCDN_PUBLISH),
        /** Play. */
        PRIVILEGE_PLAY(ServiceIds.FCDN_PLAY);

        /** The privilege id written in the token. */
        public short intValue;

        PrivilegeFCdn(int value) {
            intValue = (short) value;
        }
    }

    /** APaaS (flexible classroom) privileges. */
    public enum PrivilegeApaas {
        /** A user in a room. */
        PRIVILEGE_ROOM_USER(ServiceIds.APAAS_ROOM_USER),
        /** A user. */
        PRIVILEGE_USER(ServiceIds.APAAS_USER),
        /** The app. */
        PRIVILEGE_APP(ServiceIds.APAAS_APP);

        /** The privilege id written in the token. */
        public short intValue;

        PrivilegeApaas(int value) {
            intValue = (short) value;
        }
    }

    /** RTM2 privileges. */
    public enum PrivilegeRtm2 {
        /** Log in. */
        PRIVILEGE_LOGIN(ServiceIds.RTM2_LOGIN);

        /** The privilege id written in the token. */
        public short intValue;

        PrivilegeRtm2(int value) {
            intValue = (short) value;
        }
    }

    /** Service type: real-time audio and video. */
    public static final short SERVICE_TYPE_RTC = ServiceIds.RTC;
    /** Service type: real-time messaging. */
    public static final short SERVICE_TYPE_RTM = ServiceIds.RTM;
    /** Service type: media push (streaming). */
    public static final short SERVICE_TYPE_STREAMING = ServiceIds.STREAMING;
    /** Service type: full-path acceleration. */
    public static final short SERVICE_TYPE_FPA = ServiceIds.FPA;
    /** Service type: chat. */
    public static final short SERVICE_TYPE_CHAT = ServiceIds.CHAT;
    /** Service type: fusion CDN. */
    public static final short SERVICE_TYPE_FCDN = ServiceIds.FCDN;
    /** Service type: flexible classroom. */
    public static final short SERVICE_TYPE_APAAS = ServiceIds.APAAS;
    /** Service type: RTM 2 with per-resource permissions. */
    public static final short SERVICE_TYPE_RTM2 = ServiceIds.RTM2;
    /** Service type: conversational AI engine. */
    public static final short SERVICE_TYPE_CONVOAI = ServiceIds.CONVOAI;
    /** Service type: speech to text. */
    public static final short SERVICE_TYPE_STT = ServiceIds.STT;

    /** The app ID. */
    public String appId = "";
    /** Token lifetime in seconds after {@link #issueTs} (unsigned bits). */
    public int expire;
    /** Issue time, Unix seconds (unsigned bits). */
    public int issueTs;
    /** Salt (unsigned bits). */
    public int salt;
    /**
     * The services by type, as in the vendor's 2.1.3: {@code get(type)} gives
     * the (first) service of a type, {@code put} replaces every service of
     * that type. It is a live view of {@link #getServices(short)}'s list, which
     * may hold several services of one type (see {@link #appendService}).
     */
    public final Map<Short, Service> services = new ServiceMap();

    /** Every service in insertion (or, after {@link #parse}, token) order. */
    private final List<Service> all = new ArrayList<>();

    private String parsedToken;

    /** An empty token, to {@link #parse} into. */
    public AccessToken2() {
    }

    /** A token living {@code expire} seconds from now, with a fresh salt. */
    public AccessToken2(String appId, String appCert, int expire) {
        Certificates.put(this, appCert);
        this.appId = appId;
        this.expire = expire;
        long[] stamp = Native.freshStamp();
        this.issueTs = (int) stamp[0];
        this.salt = (int) stamp[1];
    }

    /**
     * Sets the certificate {@link #build()} signs with (the vendor's
     * {@code appCert = ...}), e.g. to re-sign a parsed token.
     */
    public void setAppCert(String appCert) {
        Certificates.put(this, appCert);
    }

    /** Adds a service, replacing any of the same type (the vendor's 2.1.3 behaviour). */
    public void addService(Service service) {
        services.put(present(service, "service").getServiceType(), service);
    }

    /**
     * Adds a service and keeps those of the same type (a token may carry
     * several, written in insertion order; the current upstream's
     * {@code addService}).
     */
    public void appendService(Service service) {
        all.add(present(service, "service"));
    }

    /** Every service of {@code serviceType}, in order. */
    public List<Service> getServices(short serviceType) {
        List<Service> out = new ArrayList<>();
        for (Service s : all) {
            if (s.getServiceType() == serviceType) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The token string.
     *
     * @throws io.rtctoken.TokenException {@code NO_SERVICE} without services, or for other refused input
     * @throws Exception declared as the vendor does; only TokenException is thrown
     */
    public String build() throws Exception {
        Flat services = Flat.start();
        try {
            services.number(all.size());
            for (Service s : all) {
                s.flatten(services);
            }
            return Native.AccessToken2Build(appId, Certificates.of(this), u32(expire), services, u32(issueTs),
                    u32(salt));
        } finally {
            services.end();
        }
    }

    /** An empty service object of {@code serviceType}, or null for an unknown type. */
    public Service getService(short serviceType) {
        switch (serviceType) {
            case SERVICE_TYPE_RTC:
                return new ServiceRtc();
            case SERVICE_TYPE_RTM:
                return new ServiceRtm();
            case SERVICE_TYPE_STREAMING:
                return new ServiceStreaming();
            case SERVICE_TYPE_FPA:
                return new ServiceFpa();
            case SERVICE_TYPE_CHAT:
                return new ServiceChat();
            case SERVICE_TYPE_FCDN:
                return new ServiceFCdn();
            case SERVICE_TYPE_APAAS:
                return new ServiceApaas();
            case SERVICE_TYPE_RTM2:
                return new ServiceRtm2();
            case SERVICE_TYPE_CONVOAI:
                return new ServiceConvoAI();
            case SERVICE_TYPE_STT:
                return new ServiceStt();
            default:
                return null;
        }
    }

    /** The uid text of a numeric uid read as unsigned: "" for 0 (any user), else decimal. */
    public static String getUidStr(int uid) {
        return Native.uidText(u32(uid));
    }

    /** "007" (the core's prefix). */
    public static String getVersion() {
        return CoreConstants.ACCESS_TOKEN2_VERSION;
    }

    /**
     * Reads a 007 token into this object's fields and services; false for
     * anything else (another version, a damaged token, {@code null}), after
     * which no services remain and {@link #verifySignature} answers false.
     * Reading stops at a service type this library does not know, keeping
     * those before it.
     */
    public boolean parse(String token) {
        all.clear();
        parsedToken = null;
        boolean ok = falseIfRefused(() -> fill(Native.parse007(token)));
        if (ok) {
            parsedToken = token;
        }
        return ok;
    }

    /**
     * Whether the token last {@link #parse}d was signed with
     * {@code appCertificate}; false, as the vendor's, for a certificate that
     * is not 32 hex digits (it cannot have signed anything).
     */
    public boolean verifySignature(String appCertificate) {
        if (parsedToken == null) {
            return false;
        }
        return falseIfRefused(() -> Native.verify(parsedToken, new String[] {appCertificate}, null, null) >= 0);
    }

    /** Reads the native parser's {@link Record} of a 007 token; false for none (another version). */
    private boolean fill(Record r) {
        if (r == null) {
            return false;
        }
        this.appId = r.text();
        this.issueTs = r.i32();
        this.expire = r.i32();
        this.salt = r.i32();
        for (int n = r.i32(); n > 0; n--) {
            all.add(service(r));
        }
        return true;
    }

    /** The next service of a parse {@link Record}: type, role, two texts, privileges, RTM2 permissions. */
    private Service service(Record r) {
        short type = (short) r.i32();
        short role = (short) r.i32();
        String a = r.text();
        String b = r.text();
        Service s;
        switch (type) {
            case SERVICE_TYPE_RTC:
                s = new ServiceRtc(a, b);
                break;
            case SERVICE_TYPE_RTM:
                s = new ServiceRtm(a);
                break;
            case SERVICE_TYPE_STREAMING:
                s = new ServiceStreaming(a, b);
                break;
            case SERVICE_TYPE_CHAT:
                s = new ServiceChat(a);
                break;
            case SERVICE_TYPE_FCDN:
                s = new ServiceFCdn(a, b);
                break;
            case SERVICE_TYPE_APAAS:
                s = new ServiceApaas(a, b, role);
                break;
            case SERVICE_TYPE_RTM2:
                s = new ServiceRtm2(a, new ServiceRtm2.Permissions());
                break;
            default:
                s = getService(type);
        }
        for (int n = r.i32(); n > 0; n--) {
            s.privileges.put((short) r.i32(), r.i32());
        }
        for (int n = r.i32(); n > 0; n--) {
            short resourceType = (short) r.i32();
            short permission = (short) r.i32();
            List<String> resources = new ArrayList<>();
            for (int k = r.i32(); k > 0; k--) {
                resources.add(r.text());
            }
            ((ServiceRtm2) s).permissions.add(resourceType, permission, resources);
        }
        return s;
    }

    /** {@link #services}: a map view of {@link #all}, one entry per type present. */
    private final class ServiceMap extends AbstractMap<Short, Service> {
        @Override
        public Service get(Object type) {
            for (Service s : all) {
                if (Short.valueOf(s.getServiceType()).equals(type)) {
                    return s;
                }
            }
            return null;
        }

        @Override
        public boolean containsKey(Object type) {
            return get(type) != null;
        }

        @Override
        public Service put(Short type, Service service) {
            present(service, "service");
            if (present(type, "service type") != service.getServiceType()) {
                throw new TokenException(ErrorKind.INVALID_ARGUMENT, "services: key " + type
                        + " is not the service's type " + service.getServiceType());
            }
            Service old = remove(type);
            all.add(service);
            return old;
        }

        @Override
        public Service remove(Object type) {
            Service old = get(type);
            all.removeIf(s -> Short.valueOf(s.getServiceType()).equals(type));
            return old;
        }

        @Override
        public void clear() {
            all.clear();
        }

        /** The number of types present, counted in place (not through {@link #entrySet}'s snapshot). */
        @Override
        public int size() {
            int n = 0;
            for (int i = 0; i < all.size(); i++) {
                short type = all.get(i).getServiceType();
                int first = 0;
                while (all.get(first).getServiceType() != type) {
                    first++;
                }
                if (first == i) {
                    n++;
                }
            }
            return n;
        }

        @Override
        public boolean isEmpty() {
            return all.isEmpty();
        }

        /** A snapshot in type order; change the map through put/remove. */
        @Override
        public Set<Map.Entry<Short, Service>> entrySet() {
            TreeMap<Short, Service> byType = new TreeMap<>();
            for (Service s : all) {
                byType.putIfAbsent(s.getServiceType(), s);
            }
            return Collections.unmodifiableMap(byType).entrySet();
        }
    }

    /** A service: its type and privileges (id to seconds after issue, unsigned bits). */
    public static class Service {
        /** The service type id. */
        public short type;
        /** Privilege id to expiry in seconds after issue (0 = none). */
        public TreeMap<Short, Integer> privileges = new TreeMap<>();

        /** A service of no type yet. */
        public Service() {
        }

        /**
         * The vendor's generic service: any type id (read as unsigned),
         * written as its id and privileges only, so that a service added
         * upstream can be built before this library has a class for it.
         */
        public Service(short serviceType) {
            this.type = serviceType;
        }

        /** Grants an RTC privilege. */
        public void addPrivilegeRtc(PrivilegeRtc privilege, int expire) {
            privileges.put(privilege.intValue, expire);
        }

        /** Grants an RTM privilege. */
        public void addPrivilegeRtm(PrivilegeRtm privilege, int expire) {
            privileges.put(privilege.intValue, expire);
        }

        /** Grants a streaming privilege. */
        public void addPrivilegeStreaming(PrivilegeStreaming privilege, int expire) {
            privileges.put(privilege.intValue, expire);
        }

        /** Grants an FPA privilege. */
        public void addPrivilegeFpa(PrivilegeFpa privilege, int expire) {
            privileges.put(privilege.intValue, expire);
        }

        /** Grants a chat privilege. */
        public void addPrivilegeChat(PrivilegeChat privilege, int expire) {
            privileges.put(privilege.intValue, expire);
        }

        /** Grants a fusion CDN privilege. */
        public void addPrivilegeFCdn(PrivilegeFCdn privilege, int expire) {
            privileges.put(privilege.intValue, expire);
        }

        /** Grants an APaaS privilege. */
        public void addPrivilegeApaas(PrivilegeApaas privilege, int expire) {
            privileges.put(privilege.intValue, expire);
        }

        /** Grants an RTM2 privilege. */
        public void addPrivilegeRtm2(PrivilegeRtm2 privilege, int expire) {
            privileges.put(privilege.intValue, expire);
        }

        /** The privilege map. */
        public TreeMap<Short, Integer> getPrivileges() {
            return privileges;
        }

        /** The service type id. */
        public short getServiceType() {
            return type;
        }

        /**
         * Writes this service for the native builder ({@code flat.rs} reads
         * it): type, privileges as (id, expiry) pairs, its own parts, then
         * its RTM2 permission entries.
         */
        final void flatten(Flat f) {
            f.number(Short.toUnsignedInt(type));
            f.pairs(pairs(privileges));
            parts(f);
            permissions(f);
        }

        /**
         * Writes the type's own parts; here 0, the core's generic service
         * (id and privileges only). A subclass calls {@link #parts(Flat,
         * String, String, Short)}.
         */
        void parts(Flat f) {
            f.number(0);
        }

        /** A typed service's parts: 1, its role, then texts {@code a} and {@code b} ({@code null} when it has none). */
        static void parts(Flat f, String a, String b, Short role) {
            f.number(1);
            f.number(present(role, "role"));
            f.text(a);
            f.text(b);
        }

        /** Writes the RTM2 permissions: here none (a count of 0). */
        void permissions(Flat f) {
            f.number(0);
        }
    }

    /** RTC in a channel for a uid text ("" = any user). */
    public static class ServiceRtc extends Service {
        /** The channel. */
        public String channelName;
        /** The uid as text: "" for uid 0, else decimal or an account. */
        public String uid;

        /** An empty RTC service. */
        public ServiceRtc() {
            this.type = SERVICE_TYPE_RTC;
        }

        /** RTC in {@code channelName} for {@code uid} text. */
        public ServiceRtc(String channelName, String uid) {
            this();
            this.channelName = channelName;
            this.uid = uid;
        }

        /** The channel. */
        public String getChannelName() {
            return channelName;
        }

        /** The uid text. */
        public String getUid() {
            return uid;
        }

        @Override
        void parts(Flat f) {
            parts(f, channelName, uid, (short) 0);
        }
    }

    /** RTM for a user. */
    public static class ServiceRtm extends Service {
        /** The user. */
        public String userId;

        /** An empty RTM service. */
        public ServiceRtm() {
            this.type = SERVICE_TYPE_RTM;
        }

        /** RTM for {@code userId}. */
        public ServiceRtm(String userId) {
            this();
            this.userId = userId;
        }

        /** The user. */
        public String getUserId() {
            return userId;
        }

        @Override
        void parts(Flat f) {
            parts(f, userId, null, (short) 0);
        }
    }

    /** Media push (streaming) in a channel for an account. */
    public static class ServiceStreaming extends Service {
        /** The channel. */
        public String channelName;
        /** The account ("" = any). */
        public String account;

        /** An empty streaming service. */
        public ServiceStreaming() {
            this.type = SERVICE_TYPE_STREAMING;
        }

        /** Streaming in {@code channelName} for {@code account}. */
        public ServiceStreaming(String channelName, String account) {
            this();
            this.channelName = channelName;
            this.account = account;
        }

        /** Streaming for a numeric uid in 0..4294967295 (0 = any). */
        public ServiceStreaming(String channelName, long uid) {
            this(channelName, Native.uidText(uid));
        }

        @Override
        void parts(Flat f) {
            parts(f, channelName, account, (short) 0);
        }
    }

    /** Full-path acceleration (no fields). */
    public static class ServiceFpa extends Service {
        /** An FPA service. */
        public ServiceFpa() {
            this.type = SERVICE_TYPE_FPA;
        }

        @Override
        void parts(Flat f) {
            parts(f, null, null, (short) 0);
        }
    }

    /** Chat for a user ("" for an app token). */
    public static class ServiceChat extends Service {
        /** The user. */
        public String userId = "";

        /** A chat service for the app. */
        public ServiceChat() {
            this.type = SERVICE_TYPE_CHAT;
        }

        /** Chat for {@code userId}. */
        public ServiceChat(String userId) {
            this();
            this.userId = userId;
        }

        /** The user. */
        public String getUserId() {
            return userId;
        }

        @Override
        void parts(Flat f) {
            parts(f, userId, null, (short) 0);
        }
    }

    /** Fusion CDN in a channel for an account. */
    public static class ServiceFCdn extends Service {
        /** The channel. */
        public String channelName;
        /** The account ("" = any). */
        public String account;

        /** An empty fusion CDN service. */
        public ServiceFCdn() {
            this.type = SERVICE_TYPE_FCDN;
        }

        /** Fusion CDN in {@code channelName} for {@code account}. */
        public ServiceFCdn(String channelName, String account) {
            this();
            this.channelName = channelName;
            this.account = account;
        }

        /** Fusion CDN for a numeric uid in 0..4294967295 (0 = any). */
        public ServiceFCdn(String channelName, long uid) {
            this(channelName, Native.uidText(uid));
        }

        @Override
        void parts(Flat f) {
            parts(f, channelName, account, (short) 0);
        }
    }

    /** Flexible classroom: a room, a user and a role (-1 when none). */
    public static class ServiceApaas extends Service {
        /** The room ("" when none). */
        public String roomUuid = "";
        /** The user ("" when none). */
        public String userUuid = "";
        /** The role, -1 when none. */
        public Short role = -1;

        /** An APaaS service for the app. */
        public ServiceApaas() {
            this.type = SERVICE_TYPE_APAAS;
        }

        /** APaaS for {@code userUuid} in {@code roomUuid} with {@code role}. */
        public ServiceApaas(String roomUuid, String userUuid, Short role) {
            this();
            this.roomUuid = roomUuid;
            this.userUuid = userUuid;
            this.role = role;
        }

        /** APaaS for {@code userUuid} outside any room. */
        public ServiceApaas(String userUuid) {
            this();
            this.userUuid = userUuid;
        }

        /** The room. */
        public String getRoomUuid() {
            return roomUuid;
        }

        /** The user. */
        public String getUserUuid() {
            return userUuid;
        }

        /** The role. */
        public Short getRole() {
            return role;
        }

        @Override
        void parts(Flat f) {
            parts(f, roomUuid, userUuid, role);
        }
    }

    /** RTM2 login for a user with per-resource permissions. */
    public static class ServiceRtm2 extends Service {
        /** The user. */
        public String userId;
        /** The permissions. */
        public Permissions permissions = new Permissions();

        /** Resource type to permission to resources, each written in ascending order. */
        public static class Permissions {
            /** Resource type: message channels. */
            public static final short MESSAGE_CHANNELS = CoreConstants.RTM2_RESOURCE_MESSAGE_CHANNEL;
            /** Resource type: stream channels. */
            public static final short STREAM_CHANNELS = CoreConstants.RTM2_RESOURCE_STREAM_CHANNEL;
            /** Resource type: group channels. */
            public static final short GROUP_CHANNELS = CoreConstants.RTM2_RESOURCE_GROUP_CHANNEL;
            /** Resource type: server groups. */
            public static final short SERVER_GROUPS = CoreConstants.RTM2_RESOURCE_SERVER_GROUP;
            /** Resource type: users. */
            public static final short USERS = CoreConstants.RTM2_RESOURCE_USER;
            /** Permission: read. */
            public static final short READ = CoreConstants.RTM2_PERMISSION_READ;
            /** Permission: write. */
            public static final short WRITE = CoreConstants.RTM2_PERMISSION_WRITE;

            /** Resource type to permission to resources (an empty list is encoded too). */
            public TreeMap<Short, TreeMap<Short, List<String>>> details = new TreeMap<>();

            /** Sets the resources for a resource type and permission (replacing any before). */
            public void add(short resourceType, short permissionType, List<String> resources) {
                details.computeIfAbsent(resourceType, k -> new TreeMap<>())
                        .put(permissionType, new ArrayList<>(present(resources, "resources")));
            }
        }

        /** An empty RTM2 service. */
        public ServiceRtm2() {
            this.type = SERVICE_TYPE_RTM2;
        }

        /** RTM2 for {@code userId} with {@code permissions}. */
        public ServiceRtm2(String userId, Permissions permissions) {
            this();
            this.userId = userId;
            this.permissions = permissions;
        }

        /** The user. */
        public String getUserId() {
            return userId;
        }

        @Override
        void parts(Flat f) {
            parts(f, userId, null, (short) 0);
        }

        /**
         * The number of resource types, then each as its id and permission
         * count, each permission as its id, resource count and resources
         * (texts); a type without permissions is written too.
         */
        @Override
        void permissions(Flat f) {
            TreeMap<Short, TreeMap<Short, List<String>>> details = present(permissions, "permissions").details;
            f.number(details.size());
            for (Map.Entry<Short, TreeMap<Short, List<String>>> t : details.entrySet()) {
                TreeMap<Short, List<String>> byPermission = present(t.getValue(), "permissions");
                f.number(Short.toUnsignedInt(t.getKey()));
                f.number(byPermission.size());
                for (Map.Entry<Short, List<String>> p : byPermission.entrySet()) {
                    List<String> resources = present(p.getValue(), "resources");
                    f.number(Short.toUnsignedInt(p.getKey()));
                    f.number(resources.size());
                    for (String r : resources) {
                        f.text(r);
                    }
                }
            }
        }
    }

    /** Conversational AI engine (no fields). */
    public static class ServiceConvoAI extends Service {
        /** A ConvoAI service. */
        public ServiceConvoAI() {
            this.type = SERVICE_TYPE_CONVOAI;
        }

        @Override
        void parts(Flat f) {
            parts(f, null, null, (short) 0);
        }
    }

    /** Speech to text (no fields). */
    public static class ServiceStt extends Service {
        /** An STT service. */
        public ServiceStt() {
            this.type = SERVICE_TYPE_STT;
        }

        @Override
        void parts(Flat f) {
            parts(f, null, null, (short) 0);
        }
    }
}
