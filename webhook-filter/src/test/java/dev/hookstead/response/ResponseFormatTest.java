package dev.hookstead.response;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.Test;

import static dev.hookstead.response.ResponseFormat.EJSON;
import static dev.hookstead.response.ResponseFormat.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ResponseFormatTest {

    @Test
    void theAcceptHeaderOverridesTheReturnType() {
        assertEquals(JSON, ResponseFormat.negotiate("application/json", "EJSON"));
        assertEquals(EJSON, ResponseFormat.negotiate("application/ejson", "JSON"));
        assertEquals(JSON, ResponseFormat.negotiate("Application/JSON; charset=utf-8", null));
    }

    @Test
    void withoutAKnownAcceptTheReturnTypeApplies() {
        assertEquals(JSON, ResponseFormat.negotiate(null, "JSON"));
        assertEquals(EJSON, ResponseFormat.negotiate(null, "EJSON"));
        assertEquals(JSON, ResponseFormat.negotiate("*/*", "JSON"));
        assertEquals(EJSON, ResponseFormat.negotiate("text/html, */*;q=0.8", "EJSON"));
    }

    @Test
    void anEndpointWithoutReturnTypeAnswersEjson() {
        assertEquals(EJSON, ResponseFormat.negotiate(null, null));
        assertEquals(EJSON, ResponseFormat.negotiate("text/plain", null));
    }

    @Test
    void aListPicksTheKnownTypeOfHighestQuality() {
        assertEquals(JSON, ResponseFormat.negotiate("application/json, text/plain, */*", "EJSON"));
        assertEquals(EJSON, ResponseFormat.negotiate("application/json;q=0.5, application/ejson", "JSON"));
        assertEquals(JSON, ResponseFormat.negotiate("application/json, application/ejson", "EJSON"));
        assertEquals(JSON, ResponseFormat.negotiate("application/ejson;q=0, application/json;q=0.1", "EJSON"));
        assertEquals(EJSON, ResponseFormat.negotiate("application/json;q=0", "EJSON"));
        assertEquals(EJSON, ResponseFormat.negotiate("application/json;q=high", "EJSON"));
    }

    @Test
    void encodingAndUndefined() {
        BsonDocument doc = new BsonDocument("n", new BsonInt32(7));
        assertEquals("{\"n\":7}", JSON.encode(doc));
        assertEquals("{\"n\":{\"$numberInt\":\"7\"}}", EJSON.encode(doc));
        assertEquals("null", JSON.encode(null));
        assertEquals("null", EJSON.encode(null));
    }
}
