package io.rtctoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar that users get (run by failsafe after {@code package}) carries the
 * native library and loads it by itself: a child JVM with only the jar (and
 * the test tools) on its class path and an empty {@code java.library.path}
 * must still work, so the library can only have come from inside the jar.
 */
class PackagedJarIT {
    @Test
    void nativeLibraryLoadsFromInsideTheJar(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("rtctoken.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " was not built");
        String entry = "META-INF/native/linux-x86_64/" + System.mapLibraryName("rtctoken_jni");
        try (JarFile j = new JarFile(jar.toFile())) {
            assertNotNull(j.getEntry(entry), entry + " is missing from " + jar);
        }

        Path empty = Files.createDirectories(dir.resolve("empty"));
        LibraryFallbackTest.Result r = LibraryFallbackTest.runDump(dir, jar, "-Djava.library.path=" + empty);
        assertEquals(0, r.exit, r.output);
        assertTrue(r.dump.startsWith("{\"token\":\"" + TokenInspectorTest.SAMPLE + "\",\"inspect\":{"), r.dump);
    }
}
