package io.rtctoken;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays every builder vector by its catalogue name through the generated
 * natives ({@link NativeCalls}), so each catalogue call is covered as soon as
 * the core declares it; {@link VectorsTest} covers the facades.
 */
class CatalogueVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A vector's {@code args}, read the way the natives take them. */
    private static final class VectorArgs implements NativeCalls.Args {
        private final JsonNode a;

        VectorArgs(JsonNode a) {
            this.a = a;
        }

        private JsonNode get(String name) {
            JsonNode v = a.get(name);
            if (v == null) {
                throw new AssertionError("the vector lacks " + name);
            }
            return v;
        }

        @Override
        public String text(String name) {
            JsonNode v = get(name);
            return v.isNull() ? null : v.asText();
        }

        @Override
        public long u32(String name) {
            return get(name).asLong();
        }

        @Override
        public long u32(String name, long fallback) {
            return a.has(name) ? u32(name) : fallback;
        }

        @Override
        public short i16(String name) {
            return get(name).shortValue();
        }

        @Override
        public int[] pairs(String name) {
            List<Integer> out = new ArrayList<>();
            get(name).fields().forEachRemaining(e -> {
                out.add(Integer.parseInt(e.getKey()));
                out.add((int) e.getValue().asLong());
            });
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        @Override
        public Object structured(String name) {
            return JSON.convertValue(get(name), Object.class);
        }

        @Override
        public long issueTs() {
            return a.has("issue_ts") ? u32("issue_ts") : -1;
        }

        @Override
        public long salt() {
            return a.has("salt") ? u32("salt") : -1;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"legacy.json", "access_token_006.json", "access_token2_007.json", "errors.json"})
    void replay(String file) throws Exception {
        List<String> failures = new ArrayList<>();
        int replayed = 0;
        for (JsonNode c : VectorsTest.cases(file)) {
            String call = c.get("call").asText();
            JsonNode got;
            try {
                String token = NativeCalls.call(call, new VectorArgs(c.get("args")));
                if (token == null) {
                    // parse and verify cases: not catalogue calls.
                    continue;
                }
                got = JsonNodeFactory.instance.textNode(token);
            } catch (TokenException e) {
                got = JsonNodeFactory.instance.objectNode().put("error", e.kind().wireName());
            }
            replayed++;
            if (!c.get("expected").equals(got)) {
                failures.add(c.get("name").asText() + " (" + call + "): expected " + c.get("expected") + ", got "
                        + got);
            }
        }
        assertTrue(replayed > 0, file + " has no catalogue call");
        if (!failures.isEmpty()) {
            fail(failures.size() + " cases failed:\n" + String.join("\n", failures));
        }
    }
}
