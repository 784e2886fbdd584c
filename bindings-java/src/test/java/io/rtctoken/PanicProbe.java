package io.rtctoken;

/**
 * Run in a child JVM by {@link PanicHookTest} against the library built with
 * the {@code panic-probe} feature: panics in native code with a secret in
 * the payload, prints the exception's kind and message, then shows the
 * library still works.
 */
public final class PanicProbe {
    private PanicProbe() {
    }

    /** Panics with {@code secret} in the payload (test build only). */
    static native String panic(String secret);

    public static void main(String[] args) throws Exception {
        Class.forName("io.rtctoken.internal.Native"); // loads the library
        try {
            panic(args[0]);
            System.out.println("no exception");
        } catch (TokenException e) {
            System.out.println(e.kind() + "|" + e.getMessage());
        }
        System.out.println("after: " + TokenParser.parse(TokenInspectorTest.SAMPLE).version());
    }
}
