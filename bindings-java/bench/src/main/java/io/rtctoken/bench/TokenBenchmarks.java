package io.rtctoken.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same three jobs through io.rtctoken (JNI into the Rust core) and
 * io.agora:authentication:2.1.3 (pure Java): a 007 RTC build, parsing and
 * verifying a 007 token, and a DynamicKey5 media channel key. Sample-time
 * mode so the report carries medians (p0.50). The crossing (binding minus
 * core) is measured by {@link Crossing}, not here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenBenchmarks {
    static final String APP_ID = "970CA35DE60C44645BBAE8A215061B33";
    static final String CERT = "5CFD2FD1755D40ECB72977518BE15D3B";
    static final String CHANNEL = "7d72365eb983485397e3e3f9d460bdda";
    static final int UID = 2882341;
    static final io.rtctoken.Stamp STAMP = io.rtctoken.Stamp.of(1_700_000_000L, 12345);

    private final io.rtctoken.media.RtcTokenBuilder2 ours = new io.rtctoken.media.RtcTokenBuilder2();
    private final io.agora.media.RtcTokenBuilder2 theirs = new io.agora.media.RtcTokenBuilder2();
    private String token;

    /** One token both libraries parse and verify (they build identical bytes for it). */
    @Setup
    public void setUp() {
        token = ours.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, io.rtctoken.media.RtcTokenBuilder2.Role.ROLE_PUBLISHER,
                3600, 3600);
    }

    /** 007 RTC token, publisher, uid. */
    @Benchmark
    public String build007RtcRtctoken() {
        return ours.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, io.rtctoken.media.RtcTokenBuilder2.Role.ROLE_PUBLISHER,
                3600, 3600);
    }

    /** The same build with a fixed issue time and salt: no clock read, no salt draw. */
    @Benchmark
    public String build007RtcRtctokenFixedStamp() {
        return ours.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, io.rtctoken.media.RtcTokenBuilder2.Role.ROLE_PUBLISHER,
                3600, 3600, STAMP);
    }

    /** 007 RTC token, publisher, uid. */
    @Benchmark
    public String build007RtcAgora() {
        return theirs.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, io.agora.media.RtcTokenBuilder2.Role.ROLE_PUBLISHER,
                3600, 3600);
    }

    /** Decoded fields and signature check of a 007 token: parse plus verify. */
    @Benchmark
    public boolean parseVerifyRtctoken() {
        io.rtctoken.ParsedToken parsed = io.rtctoken.TokenParser.parse(token);
        return parsed.version().equals("007") && io.rtctoken.TokenParser.verify(token, CERT).isValid();
    }

    /** Parsing alone: version and app ID (the fields' JSON is made only on request). */
    @Benchmark
    public String parseRtctoken() {
        return io.rtctoken.TokenParser.parse(token).appId();
    }

    /** Signature check alone (the core parses as part of verifying). */
    @Benchmark
    public boolean verifyOnlyRtctoken() {
        return io.rtctoken.TokenParser.verify(token, CERT).isValid();
    }

    /**
     * 2.1.3 has no verifier: parse, then re-sign with the certificate and
     * compare, which is how its users check a token.
     */
    @Benchmark
    public boolean parseVerifyAgora() throws Exception {
        io.agora.media.AccessToken2 t = new io.agora.media.AccessToken2();
        if (!t.parse(token)) {
            return false;
        }
        t.appCert = CERT;
        return t.build().equals(token);
    }

    /** DynamicKey5 media channel key. */
    @Benchmark
    public String dynamicKey5Rtctoken() throws Exception {
        return io.rtctoken.media.DynamicKey5.generateMediaChannelKey(APP_ID, CERT, CHANNEL, 1446455472, 58964981,
                2882341273L, 1446455471);
    }

    /** DynamicKey5 media channel key. */
    @Benchmark
    public String dynamicKey5Agora() throws Exception {
        return io.agora.media.DynamicKey5.generateMediaChannelKey(APP_ID, CERT, CHANNEL, 1446455472, 58964981,
                2882341273L, 1446455471);
    }
}
