import io.rtctoken.TokenParser;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;

/**
 * test-dist's vector check for the jar: every sampled vector token verifies
 * against its certificate and fails against another one.
 */
public class VectorSample {
    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Paths.get(args[0]));
        String other = "00000000000000000000000000000000";
        for (String line : lines) {
            String[] f = line.split("\t");
            if (!TokenParser.verify(f[1], f[0]).isValid() || TokenParser.verify(f[1], other).isValid()) {
                throw new AssertionError("vector token does not verify as expected: " + f[1].substring(0, 20));
            }
        }
        if (lines.isEmpty()) {
            throw new AssertionError("no vector sampled");
        }
        System.out.println("java: " + lines.size() + " vector tokens verify against their certificate only");
    }
}
