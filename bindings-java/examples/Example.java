import io.rtctoken.ErrorKind;
import io.rtctoken.TokenException;
import io.rtctoken.TokenInspector;
import io.rtctoken.TokenParser;
import io.rtctoken.media.RtcTokenBuilder2;

/** Mints an RTC token, verifies it, inspects it, and shows a refusal. */
public class Example {
    public static void main(String[] args) {
        String appId = "970CA35DE60C44645BBAE8A215061B33";
        String appCertificate = "5CFD2FD1755D40ECB72977518BE15D3B";

        String token = new RtcTokenBuilder2().buildTokenWithUid(appId, appCertificate, "demo", 42L,
                RtcTokenBuilder2.Role.ROLE_PUBLISHER, 3600, 3600);
        System.out.println("token:    " + token);
        System.out.println("valid:    " + TokenParser.verify(token, appCertificate).isValid());
        System.out.println("inspect:  " + TokenInspector.inspect(token));

        try {
            new RtcTokenBuilder2().buildTokenWithUid(appId, appCertificate, "demo", 1L << 32,
                    RtcTokenBuilder2.Role.ROLE_PUBLISHER, 3600, 3600);
        } catch (TokenException e) {
            System.out.println("refused:  " + e.kind() + " (" + e.getMessage() + ")");
            assert e.kind() == ErrorKind.INVALID_ARGUMENT;
        }
    }
}
