package io.rtctoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without a library in the jar, the loader falls back to
 * {@code System.loadLibrary} (a library the user installed on
 * {@code java.library.path}); with neither it says what it looked for.
 * Runs child JVMs on a copy of the classes that lacks META-INF/native.
 */
class LibraryFallbackTest {
    private static final String TOKEN = TokenInspectorTest.SAMPLE;

    @Test
    void loadsFromJavaLibraryPath(@TempDir Path dir) throws Exception {
        Path classes = copyClassesWithoutNative(dir);
        Path libDir = Files.createDirectories(dir.resolve("lib"));
        String lib = System.mapLibraryName("rtctoken_jni");
        Files.copy(Path.of("target/classes/META-INF/native/linux-x86_64", lib), libDir.resolve(lib));

        Result r = runDump(dir, classes, "-Djava.library.path=" + libDir);
        assertEquals(0, r.exit, r.output);
        assertTrue(r.dump.startsWith("{\"token\":\"" + TOKEN + "\",\"inspect\":{"), r.dump);
    }

    @Test
    void explainsWhenNoLibraryIsFound(@TempDir Path dir) throws Exception {
        Path classes = copyClassesWithoutNative(dir);
        Result r = runDump(dir, classes, "-Djava.library.path=" + dir.resolve("empty"));
        assertTrue(r.exit != 0);
        assertTrue(r.output.contains("no native library for linux-x86_64 in the jar"), r.output);
    }

    static final class Result {
        int exit;
        String output;
        String dump;
    }

    static Path copyClassesWithoutNative(Path dir) throws IOException {
        Path from = Path.of("target/classes");
        Path to = dir.resolve("classes");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(p);
                if (rel.startsWith("META-INF/native")) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    /**
     * Runs the inspect-dump tool in a child JVM on one token, with
     * {@code classes} (a folder or the jar) and the test classes on the class path.
     */
    static Result runDump(Path dir, Path classes, String libraryPath) throws Exception {
        Path tokens = dir.resolve("tokens.txt");
        Path out = dir.resolve("out.jsonl");
        Files.writeString(tokens, TOKEN + "\n", StandardCharsets.UTF_8);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = classes + File.pathSeparator + Path.of("target/test-classes");
        Process p = new ProcessBuilder(List.of(javaBin, libraryPath, "-cp", cp, "io.rtctoken.tools.InspectDump",
                tokens.toString(), out.toString())).redirectErrorStream(true).start();
        Result r = new Result();
        r.output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM hung");
        r.exit = p.exitValue();
        r.dump = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
        return r;
    }
}
