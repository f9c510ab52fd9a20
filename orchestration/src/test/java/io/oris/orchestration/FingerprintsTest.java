package io.oris.orchestration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    @Test
    void canonicalJsonSortsKeysAndIsValidJson() throws Exception {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("b", List.of(1L, 2.5, "x\"y\\z\n"));
        a.put("a", Arrays.asList(null, true));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("a", Arrays.asList(null, true));
        b.put("b", List.of(1L, 2.5, "x\"y\\z\n"));
        String json = Fingerprints.canonicalJson(a);
        assertEquals("{\"a\":[null,true],\"b\":[1,2.5,\"x\\\"y\\\\z\\n\"]}", json);
        assertEquals(json, Fingerprints.canonicalJson(b));
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.readTree(mapper.writeValueAsString(a)), mapper.readTree(json), "same JSON document as Jackson writes");
        assertEquals(Fingerprints.sha256Hex(json), Fingerprints.sha256Hex(Fingerprints.canonicalJson(b)));
        assertEquals(64, Fingerprints.sha256Hex(json).length());
        assertThrows(IllegalArgumentException.class, () -> Fingerprints.canonicalJson(Map.of("x", Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> Fingerprints.canonicalJson(new Object()));
    }
}
