package dev.hookstead.auth;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class JwtPathTest {

    @Test
    void anEscapedDotIsPartOfTheKey() {
        assertEquals(List.of("https://example.com/claims", "name"), JwtPath.split("https://example\\.com/claims.name"));
        assertEquals(List.of("a", "b", "c"), JwtPath.split("a.b.c"));
        assertEquals(List.of("a\\b"), JwtPath.split("a\\b"));
    }

    @Test
    void missingSegmentsGiveNull() {
        Map<String, Object> claims = Map.of("user.info", Map.of("name", "Ann"), "flat", "x");
        assertEquals("Ann", JwtPath.get(claims, JwtPath.split("user\\.info.name")));
        assertNull(JwtPath.get(claims, JwtPath.split("user.info.name")));
        assertNull(JwtPath.get(claims, JwtPath.split("flat.deeper")));
    }
}
