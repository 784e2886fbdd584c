package io.rtctoken.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the flat form a native hands a typed parse result back in (written
 * by the native side's {@code record.rs}): little-endian 32-bit numbers and
 * texts (UTF-8 after their length, -1 for null), in the order the caller
 * knows. It lies in the thread's result buffer, so it is read before the
 * thread's next native call; one JNI call per token, instead of a call back
 * into Java per part.
 */
public final class Record {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] data;
    private int at;

    /** A reader at the start of {@code data}. */
    public Record(byte[] data) {
        this.data = data;
    }

    /** The next number (unsigned values as their bits). */
    public int i32() {
        int v = (int) INT.get(data, at);
        at += 4;
        return v;
    }

    /** The next text, or null. */
    public String text() {
        int n = i32();
        if (n < 0) {
            return null;
        }
        String s = new String(data, at, n, StandardCharsets.UTF_8);
        at += n;
        return s;
    }

    /** The next bytes. */
    public byte[] bytes() {
        int n = i32();
        byte[] b = Arrays.copyOfRange(data, at, at + n);
        at += n;
        return b;
    }
}
