package io.rtctoken;

/**
 * Thrown for every refused input and every native failure. It extends
 * {@link IllegalArgumentException} so code written against the vendor's
 * library, which only ever saw unchecked exceptions, keeps compiling; the
 * {@link #kind()} tells the cause. Messages never contain the certificate.
 */
public class TokenException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    /** An exception of {@code kind}; {@code message} names the field and the rule it broke. */
    public TokenException(ErrorKind kind, String message) {
        super(kind.wireName() + ": " + message);
        this.kind = kind;
    }

    /** Called from native code with the core's kind name. */
    TokenException(String kindName, String message) {
        this(ErrorKind.fromWireName(kindName), message);
    }

    /** The stable cause of the failure. */
    public ErrorKind kind() {
        return kind;
    }
}
