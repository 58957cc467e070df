package dev.hookstead.request;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class HeaderNamesTest {

    @Test
    void canonicalisesLikeGo() {
        assertEquals("Content-Type", HeaderNames.canonical("content-type"));
        assertEquals("X-Customheader", HeaderNames.canonical("X-CustomHeader"));
        assertEquals("X-Hook-Signature", HeaderNames.canonical("x-hook-signature"));
        assertEquals("Api-Key", HeaderNames.canonical("api-key"));
        assertEquals("Jwttokenstring", HeaderNames.canonical("jwtTokenString"));
        assertEquals("X-Forwarded-For", HeaderNames.canonical("X-FORWARDED-FOR"));
        assertEquals("X-1a-B", HeaderNames.canonical("x-1A-b"));
        assertEquals("-A", HeaderNames.canonical("-a"));
    }

    @Test
    void returnsAnAlreadyCanonicalNameItself() {
        String name = new String("X-1a-Hook-Signature");
        assertSame(name, HeaderNames.canonical(name));
        assertEquals("Host", HeaderNames.canonical("Host"));
    }

    @Test
    void keepsNamesWithNonTokenCharactersAsSent() {
        assertEquals("bad header", HeaderNames.canonical("bad header"));
    }
}
