package io.rtctoken;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The cargo-built library is packaged where the loader looks for it. */
class NativeLibraryTest {
    @Test
    void packagedForThisPlatform() {
        String resource = "/META-INF/native/linux-x86_64/" + System.mapLibraryName("rtctoken_jni");
        assertNotNull(NativeLibraryTest.class.getResource(resource), resource + " is missing from the classes");
        assertTrue(TokenParser.parse(TokenInspectorTest.SAMPLE).version().equals("007"));
    }
}
