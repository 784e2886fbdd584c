package io.rtctoken;

import java.util.OptionalInt;

/**
 * The outcome of {@link TokenParser#verify}: which of the given certificates
 * (primary, secondary during rotation) signed the token, if any.
 */
public final class Verification {
    private final int matched;

    Verification(int matched) {
        this.matched = matched;
    }

    /** Whether some certificate signed the token. */
    public boolean isValid() {
        return matched >= 0;
    }

    /** The index of the first certificate that signed the token. */
    public OptionalInt matchedIndex() {
        return matched >= 0 ? OptionalInt.of(matched) : OptionalInt.empty();
    }

    @Override
    public String toString() {
        return isValid() ? "Verification[valid, certificate " + matched + "]" : "Verification[invalid]";
    }
}
