package io.rtctoken.tools;

import io.rtctoken.TokenException;
import io.rtctoken.TokenInspector;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cross-language inspect check: for each token of the input file (one a
 * line) writes {@code {"token": ..., "inspect": <report at now=1800000000>}}
 * or {@code {"token": ..., "error": <kind>}}, one JSON line per token, so the
 * dumps of every binding can be compared.
 */
public final class InspectDump {
    private static final long NOW = 1_800_000_000L;

    private InspectDump() {
    }

    /** {@code InspectDump <tokens.txt> <out.jsonl>}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: InspectDump <tokens.txt> <out.jsonl>");
            System.exit(2);
        }
        try (Writer out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (String token : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
                if (token.isEmpty()) {
                    continue;
                }
                StringBuilder line = new StringBuilder("{\"token\":");
                quote(line, token);
                try {
                    String report = TokenInspector.inspect(token, NOW);
                    line.append(",\"inspect\":").append(report);
                } catch (TokenException e) {
                    line.append(",\"error\":");
                    quote(line, e.kind().wireName());
                }
                out.write(line.append("}\n").toString());
            }
        }
    }

    /**
     * Appends {@code s} as a JSON string. The dump runs on the bare class
     * path (no JSON library), and the library itself has no JSON writer.
     */
    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\' || c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
