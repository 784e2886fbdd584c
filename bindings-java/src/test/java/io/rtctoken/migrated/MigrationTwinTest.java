package io.rtctoken.migrated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.runner.JUnitCore;
import org.junit.runner.Result;

/**
 * Turns {@link ReferenceStyleTest} back into its io.agora twin (imports and
 * package only), compiles it against io.agora:authentication:2.1.3 and runs
 * it: the same test passes on both libraries, so migrating is the imports.
 */
class MigrationTwinTest {
    @Test
    void vendorTwinPasses(@TempDir Path dir) throws Exception {
        Path source = Path.of("src/test/java/io/rtctoken/migrated/ReferenceStyleTest.java");
        String ours = Files.readString(source, StandardCharsets.UTF_8);
        String twin = ours.replace("package io.rtctoken.migrated;", "package twin;")
                .replace("import io.rtctoken.", "import io.agora.");
        List<String> changed = diff(ours, twin);
        assertEquals(1 + 6, changed.size(), "only the package line and the six imports differ: " + changed);

        Path file = dir.resolve("twin/ReferenceStyleTest.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, twin, StandardCharsets.UTF_8);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", dir.toString(), "-cp", classpath, file.toString());
        assertEquals(0, rc, "the io.agora twin does not compile against io.agora:authentication");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                MigrationTwinTest.class.getClassLoader())) {
            Class<?> cls = loader.loadClass("twin.ReferenceStyleTest");
            Result result = new JUnitCore().run(cls);
            assertTrue(result.wasSuccessful(), "io.agora twin failed: " + result.getFailures());
            assertEquals(7, result.getRunCount());
        }
        assertTrue(new File(dir.toFile(), "twin/ReferenceStyleTest.class").exists());
    }

    private static List<String> diff(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        assertEquals(x.length, y.length);
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!x[i].equals(y[i])) {
                out.add(x[i]);
            }
        }
        return out;
    }
}
