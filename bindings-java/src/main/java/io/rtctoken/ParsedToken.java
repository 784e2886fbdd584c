package io.rtctoken;

/**
 * What {@link TokenParser#parse} decoded from a token of any version
 * (dynamic key v1-v5, signaling, 006, 007).
 */
public final class ParsedToken {
    private final String version;
    private final String appId;
    private final String json;

    ParsedToken(String version, String appId, String json) {
        this.version = version;
        this.appId = appId;
        this.json = json;
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
        return json;
    }

    @Override
    public String toString() {
        return json;
    }
}
