package io.rtctoken;

import io.rtctoken.internal.Native;
import java.util.List;

/**
 * Decodes and verifies a token of any version, so servers can check tokens
 * they did not mint (for example during an app certificate rotation).
 */
public final class TokenParser {
    private TokenParser() {
    }

    /**
     * Recognises the token's version and decodes it.
     *
     * @throws TokenException {@code MALFORMED} or {@code UNSUPPORTED_VERSION}
     */
    public static ParsedToken parse(String token) {
        String parsed = Native.parse(token);
        int space = parsed.indexOf(' '); // a version has none
        return new ParsedToken(token, parsed.substring(0, space), parsed.substring(space + 1));
    }

    /** Verifies a 007 token (which carries everything it signs) against one certificate. */
    public static Verification verify(String token, String appCertificate) {
        return verify(token, appCertificate, null, null);
    }

    /** Verifies against one certificate; see {@link #verify(String, List, String, String)}. */
    public static Verification verify(String token, String appCertificate, String channelName, String uid) {
        return new Verification(Native.verify(token, new String[] {appCertificate}, channelName, uid));
    }

    /**
     * Checks the signature against each certificate in turn. Formats that sign
     * without carrying them need {@code channelName} (006, v1-v5; the user
     * account for RTM 006) and {@code uid} (006 uid text, "" for uid 0; v4/v5
     * decimal uid; the account of a signaling token); pass {@code null} when
     * not known.
     *
     * @throws TokenException {@code MISSING_INPUT} if the format needs an input
     *     that is null; {@code MALFORMED}, {@code INVALID_APP_CERTIFICATE}, ...
     */
    public static Verification verify(String token, List<String> appCertificates, String channelName,
            String uid) {
        if (appCertificates == null) {
            throw new TokenException(ErrorKind.INVALID_ARGUMENT, "app_certificates must not be null");
        }
        String[] certs = appCertificates.toArray(new String[0]);
        return new Verification(Native.verify(token, certs, channelName, uid));
    }
}
