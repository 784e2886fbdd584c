package io.rtctoken.internal;

import java.util.List;
import java.util.Map;

/** Writes JSON string literals, for the few structured arguments sent to native code. */
public final class JsonText {
    private JsonText() {
    }

    /** Appends {@code s} to {@code out} as a quoted, escaped JSON string. */
    public static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"');
    }

    /** Appends RTM2 permissions as {@code {"type":{"permission":[resources]}}}. */
    public static StringBuilder permissions(StringBuilder out, Map<Short, ? extends Map<Short, List<String>>> details) {
        out.append('{');
        String typeSep = "";
        for (Map.Entry<Short, ? extends Map<Short, List<String>>> t : details.entrySet()) {
            out.append(typeSep).append('"').append(Short.toUnsignedInt(Args.present(t.getKey(), "resource type")))
                    .append("\":{");
            typeSep = ",";
            String permSep = "";
            for (Map.Entry<Short, List<String>> p : Args.present(t.getValue(), "permissions").entrySet()) {
                out.append(permSep).append('"').append(Short.toUnsignedInt(Args.present(p.getKey(), "permission")))
                        .append("\":[");
                permSep = ",";
                String resSep = "";
                for (String r : Args.present(p.getValue(), "resources")) {
                    out.append(resSep);
                    quote(out, Args.present(r, "resource"));
                    resSep = ",";
                }
                out.append(']');
            }
            out.append('}');
        }
        return out.append('}');
    }
}
