package io.rtctoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtctoken.media.DynamicKey5;
import io.rtctoken.media.RtcTokenBuilder2;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sixteen threads build and verify tokens at once; every result matches a single-threaded run. */
class ConcurrencyTest {
    private static final String APP_ID = ErrorKindsTest.APP_ID;
    private static final String CERT = ErrorKindsTest.CERT;
    private static final String OTHER_CERT = "00000000000000000000000000000000";
    private static final int THREADS = 16;
    private static final int PER_THREAD = 50;

    private static String fixed(int thread, int i) {
        return new RtcTokenBuilder2().buildTokenWithUid(APP_ID, CERT, "channel-" + thread, 1000L * thread + i,
                RtcTokenBuilder2.Role.ROLE_PUBLISHER, 3600, 3600, Stamp.of(1_700_000_000L + i, 1 + thread));
    }

    @Test
    void sixteenThreads() throws Exception {
        List<List<String>> expected = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < PER_THREAD; i++) {
                mine.add(fixed(t, i));
            }
            expected.add(mine);
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                final int thread = t;
                results.add(pool.submit(() -> {
                    int checked = 0;
                    for (int i = 0; i < PER_THREAD; i++) {
                        String token = fixed(thread, i);
                        assertEquals(expected.get(thread).get(i), token);
                        Verification v = TokenParser.verify(token, List.of(OTHER_CERT, CERT), null, null);
                        assertEquals(1, v.matchedIndex().getAsInt());
                        String fresh = new RtcTokenBuilder2().buildTokenWithUid(APP_ID, CERT, "c", i,
                                RtcTokenBuilder2.Role.ROLE_SUBSCRIBER, 60, 60);
                        assertTrue(TokenParser.verify(fresh, CERT).isValid());
                        String key5 = DynamicKey5.generateMediaChannelKey(APP_ID, CERT, "c", 1, i, i, 0);
                        assertTrue(TokenParser.verify(key5, CERT, "c", Integer.toString(i)).isValid());
                        try {
                            TokenParser.parse("garbage" + i);
                        } catch (TokenException expectedFailure) {
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            for (Future<Integer> f : results) {
                assertEquals(PER_THREAD, f.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
