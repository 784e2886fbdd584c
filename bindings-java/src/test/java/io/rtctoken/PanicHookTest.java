package io.rtctoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A panic in native code reaches Java as a TokenException of kind
 * {@code internal} without its payload, and the panic hook prints nothing
 * to stderr, not even under {@code RUST_BACKTRACE=full}. The deliberate
 * panic exists only in the test build ({@code cargo build -p rtctoken-jni
 * --features panic-probe}, which {@code make test} runs), loaded here in a
 * child JVM through the {@code java.library.path} fallback.
 */
class PanicHookTest {
    private static final String SECRET = "5CFd2fd1755d40ecb72977518be15d3b";

    @Test
    void panicIsInternalWithoutPayloadOrStderr(@TempDir Path dir) throws Exception {
        String lib = System.mapLibraryName("rtctoken_jni");
        Path built = Path.of(System.getProperty("rtctoken.panicProbe", "../target/debug"), lib);
        assertTrue(Files.exists(built), built + " is missing: build it with "
                + "`cargo build -p rtctoken-jni --features panic-probe` (make test does)");
        Path libDir = Files.createDirectories(dir.resolve("lib"));
        Files.copy(built, libDir.resolve(lib));
        Path classes = LibraryFallbackTest.copyClassesWithoutNative(dir);

        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = classes + File.pathSeparator + Path.of("target/test-classes");
        ProcessBuilder pb = new ProcessBuilder(List.of(javaBin, "-Djava.library.path=" + libDir, "-cp", cp,
                "io.rtctoken.PanicProbe", SECRET));
        pb.environment().put("RUST_BACKTRACE", "full");
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM hung");
        String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out + err);

        String[] lines = out.split("\n");
        assertEquals("INTERNAL|internal: native code panicked (a bug in rtctoken; please report it)", lines[0]);
        assertEquals("after: 007", lines[1]);
        assertFalse(out.contains(SECRET), out);
        assertEquals("", err, "the panic hook printed to stderr");
    }
}
