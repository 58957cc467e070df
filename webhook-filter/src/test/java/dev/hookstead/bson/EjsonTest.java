package dev.hookstead.bson;

import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EjsonTest {

    @Test
    void writesCanonicalFormsTheBlogCaptured() {
        // BLOG-AB captured {"Processed":{"$numberInt":"900"}}; FN shows {"$numberDouble":"3.14159"}
        assertEquals("{\"Processed\": {\"$numberInt\": \"900\"}}",
                Ejson.canonical(new BsonDocument("Processed", new BsonInt32(900))));
        assertEquals("{\"$numberDouble\": \"3.14159\"}", Ejson.canonical(new BsonDouble(3.14159)));
        assertEquals("{\"$numberLong\": \"42\"}", Ejson.canonical(new BsonInt64(42)));
        assertEquals("{\"$date\": {\"$numberLong\": \"0\"}}", Ejson.canonical(new BsonDateTime(0)));
        assertEquals("\"Hello world\"", Ejson.canonical(new BsonString("Hello world")));
    }

    @Test
    void writesRelaxedAndTopLevelArrays() {
        assertEquals("[1, 2.5]", Ejson.relaxed(new BsonArray(List.of(new BsonInt32(1), new BsonDouble(2.5)))));
    }

    @Test
    void parsesAnyTopLevelValue() {
        assertEquals(new BsonInt64(42), Ejson.parse("{\"$numberLong\": \"42\"}"));
        assertEquals(new BsonString("x"), Ejson.parse("\"x\""));
    }

    @Test
    void refusesTrailingValues() {
        assertThrows(IllegalArgumentException.class, () -> Ejson.parse("1, \"x\": 2"));
    }
}
