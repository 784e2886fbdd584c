package io.rtctoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtctoken.media.AccessToken2;
import io.rtctoken.rtm.RtmTokenBuilder2;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Text results cross through each thread's reused buffer; one longer than
 * it arrives whole (in a bigger buffer the thread keeps), and a short one after
 * it is not mixed with the long one's bytes.
 */
class ResultBufferTest {
    @Test
    void aResultLongerThanTheBufferArrivesWhole() throws Exception {
        List<String> resources = new ArrayList<>();
        Random random = new Random(7); // names deflate cannot shrink much
        for (int i = 0; i < 200; i++) {
            resources.add(Long.toHexString(random.nextLong()));
        }
        AccessToken2.ServiceRtm2.Permissions p = new AccessToken2.ServiceRtm2.Permissions();
        p.add(AccessToken2.ServiceRtm2.Permissions.MESSAGE_CHANNELS, AccessToken2.ServiceRtm2.Permissions.READ,
                resources);
        String token = new RtmTokenBuilder2().buildTokenWithPermissions(ErrorKindsTest.APP_ID, ErrorKindsTest.CERT,
                "user", p, 600, Stamp.of(1_700_000_000L, 1));
        assertTrue(token.length() > 2048, "the token is longer than the buffer: " + token.length());
        AccessToken2 back = new AccessToken2();
        assertTrue(back.parse(token));
        assertEquals(p.details, ((AccessToken2.ServiceRtm2) back.services.get(AccessToken2.SERVICE_TYPE_RTM2))
                .permissions.details);
        String inspected = TokenInspector.inspect(token);
        assertTrue(inspected.length() > 2048 && inspected.endsWith("}"), inspected);
        String shortOne = TokenParser.parse(token).appId();
        assertEquals(ErrorKindsTest.APP_ID, shortOne);
    }
}
