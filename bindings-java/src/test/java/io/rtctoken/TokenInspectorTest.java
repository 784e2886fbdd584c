package io.rtctoken;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** TokenInspector returns the core's report; its fields agree with TokenParser. */
class TokenInspectorTest {
    static final String SAMPLE = "007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0"
            + "SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxgDCaiTj";

    @Test
    void reportMatchesParser() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode report = json.readTree(TokenInspector.inspect(SAMPLE, 1_800_000_000L));
        ParsedToken parsed = TokenParser.parse(SAMPLE);
        assertEquals(parsed.version(), report.get("version").asText());
        assertEquals(parsed.appId(), report.get("app_id").asText());
        assertEquals(json.readTree(parsed.toJson()), report.get("fields"));
        assertEquals("007", json.readTree(TokenInspector.inspect(SAMPLE)).get("version").asText());
    }
}
