package io.rtctoken;

import io.rtctoken.internal.Args;

/**
 * The issue time and salt that make a 006/007 token unique. Production code
 * never needs one (builders pick the clock and a random salt); tests pass
 * {@code Stamp.of(issueTs, salt)} to the overloads that take it to get
 * byte-exact tokens.
 */
public final class Stamp {
    /** The clock and a fresh random salt: what the overloads without a stamp use. */
    public static final Stamp FRESH = new Stamp(-1, -1);

    private final long issueTs;
    private final long salt;

    private Stamp(long issueTs, long salt) {
        this.issueTs = issueTs;
        this.salt = salt;
    }

    /**
     * A fixed stamp; both values must be in 0..4294967295.
     *
     * @throws TokenException of kind {@code INVALID_ARGUMENT} otherwise
     */
    public static Stamp of(long issueTs, long salt) {
        return new Stamp(Args.u32(issueTs, "issue_ts"), Args.u32(salt, "salt"));
    }

    /** Unix issue time, or -1 for "now". */
    public long issueTs() {
        return issueTs;
    }

    /** Salt, or -1 for "random". */
    public long salt() {
        return salt;
    }
}
