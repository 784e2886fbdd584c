package io.rtctoken;

import io.rtctoken.internal.Native;

/**
 * What {@link TokenParser#parse} decoded from a token of any version
 * (dynamic key v1-v5, signaling, 006, 007).
 */
public final class ParsedToken {
    private final String token;
    private final String version;
    private final String appId;
    /** Written on first use: most callers only want the version or app ID. */
    private volatile String json;

    ParsedToken(String token, String version, String appId) {
        this.token = token;
        this.version = version;
        this.appId = appId;
    }

    /** "001" to "007", or "signaling". */
    public String version() {
        return version;
    }

    /** The app ID the token was issued for. */
    public String appId() {
        return appId;
    }

    /**
     * Every decoded field as compact JSON, signatures left out; the same
     * shape in every rtctoken binding (see tests/vectors/parse.json).
     */
    public String toJson() {
        String j = json;
        if (j == null) {
            j = Native.parseJson(token);
            json = j;
        }
        return j;
    }

    @Override
    public String toString() {
        return toJson();
    }
}
