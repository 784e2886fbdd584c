package io.rtctoken.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Loads librtctoken_jni once: first the copy packaged in the jar under
 * {@code META-INF/native/<os>-<arch>/}, extracted to a temporary file
 * (the JVM can only load libraries from the file system); failing that, a
 * library the user installed on {@code java.library.path}.
 */
final class NativeLoader {
    private static final String NAME = "rtctoken_jni";

    private NativeLoader() {
    }

    static synchronized void load() {
        Throwable packaged;
        try {
            if (loadPackaged()) {
                return;
            }
            packaged = null;
        } catch (IOException | UnsatisfiedLinkError e) {
            packaged = e;
        }
        try {
            System.loadLibrary(NAME);
        } catch (UnsatisfiedLinkError e) {
            UnsatisfiedLinkError err = new UnsatisfiedLinkError("rtctoken: no native library for "
                    + platform() + " in the jar (" + resource() + ") and none on java.library.path");
            if (packaged != null) {
                err.addSuppressed(packaged);
            }
            err.addSuppressed(e);
            throw err;
        }
    }

    /** Extracts and loads the packaged library; false if the jar has none for this platform. */
    private static boolean loadPackaged() throws IOException {
        try (InputStream in = NativeLoader.class.getResourceAsStream(resource())) {
            if (in == null) {
                return false;
            }
            String file = System.mapLibraryName(NAME);
            int dot = file.lastIndexOf('.');
            Path tmp = Files.createTempFile(file.substring(0, dot) + "-", file.substring(dot));
            tmp.toFile().deleteOnExit();
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            System.load(tmp.toAbsolutePath().toString());
            return true;
        }
    }

    private static String resource() {
        return "/META-INF/native/" + platform() + "/" + System.mapLibraryName(NAME);
    }

    /**
     * {@code <os>-<arch>}, e.g. {@code linux-x86_64}, naming the jar's native
     * folders; on musl Linux (Alpine) {@code linux-x86_64-musl}, since a
     * glibc-linked library cannot load there.
     */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            os = "linux";
        } else if (os.contains("mac") || os.contains("darwin")) {
            os = "macos";
        } else if (os.contains("windows")) {
            os = "windows";
        }
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            arch = "x86_64";
        } else if (arch.equals("arm64") || arch.equals("aarch64")) {
            arch = "aarch64";
        }
        return os.equals("linux") && isMusl() ? os + "-" + arch + "-musl" : os + "-" + arch;
    }

    /**
     * Whether this JVM runs on musl: its own memory map shows musl's loader.
     * (A musl loader merely installed, as Debian's musl package does, is not enough.)
     */
    private static boolean isMusl() {
        try (Stream<String> maps = Files.lines(Paths.get("/proc/self/maps"))) {
            return maps.anyMatch(line -> line.contains("/ld-musl-") || line.contains("/libc.musl-"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
