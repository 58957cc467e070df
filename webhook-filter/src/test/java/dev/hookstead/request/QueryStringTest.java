package dev.hookstead.request;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class QueryStringTest {

    @Test
    void removesTheSecretPairAsTheContextDocsShow() {
        assertEquals("someParam=42", QueryString.without("secret=hello&someParam=42", "secret"));
    }

    @Test
    void removesEveryPairOfTheKeyAndKeepsTheOthersByteForByte() {
        assertEquals("a=%20x&b=2", QueryString.without("a=%20x&secret=1&b=2&secre%74=2&secret", "secret"));
        assertEquals("", QueryString.without("secret=1", "secret"));
        assertEquals("", QueryString.without("", "secret"));
    }

    @Test
    void firstValuesDecodeAndKeepTheFirst() {
        assertEquals(Map.of("a", "1 2", "b", "", "c", "é"), QueryString.firstValues("a=1+2&b&a=3&c=%C3%A9"));
        assertEquals("1 2", QueryString.first("a=1+2&a=3", "a"));
        assertNull(QueryString.first("a=1", "secret"));
    }

    @Test
    void malformedEscapesAreABadRequest() {
        HookError e = assertThrows(HookError.class, () -> QueryString.firstValues("a=%zz"));
        assertEquals(ErrorCode.InvalidParameter, e.code());
        assertTrue(e.getMessage().contains("%zz"));
    }
}
