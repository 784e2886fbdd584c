package io.rtctoken;

/**
 * Why a call was refused: the stable kinds of the rtctoken core, so that
 * callers can branch on the cause instead of parsing messages.
 */
public enum ErrorKind {
    /** The app ID is not 32 hexadecimal characters. */
    INVALID_APP_ID("invalid_app_id"),
    /** The app certificate is not 32 hexadecimal characters. */
    INVALID_APP_CERTIFICATE("invalid_app_certificate"),
    /** A 007 token was built without any service. */
    NO_SERVICE("no_service"),
    /** A field is longer than its 16-bit length prefix can describe. */
    FIELD_TOO_LONG("field_too_long"),
    /** A token string could not be decoded. */
    MALFORMED("malformed"),
    /** A token's version prefix is not one this library knows. */
    UNSUPPORTED_VERSION("unsupported_version"),
    /** Any other argument outside its allowed values (role, uid range, null...). */
    INVALID_ARGUMENT("invalid_argument"),
    /** Verification needs an input the token does not carry (channel, uid). */
    MISSING_INPUT("missing_input"),
    /** A bug in the native code (for example a caught Rust panic). */
    INTERNAL("internal");

    private final String wireName;

    ErrorKind(String wireName) {
        this.wireName = wireName;
    }

    /** The snake_case name shared with the core, the vectors and every other binding. */
    public String wireName() {
        return wireName;
    }

    /** The kind called {@code name} (as {@link #wireName()}); unknown names map to {@link #INTERNAL}. */
    public static ErrorKind fromWireName(String name) {
        for (ErrorKind k : values()) {
            if (k.wireName.equals(name)) {
                return k;
            }
        }
        return INTERNAL;
    }
}
