package dev.hookstead.response;

import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CompactJsonTest {

    @Test
    void writesCanonicalEjsonWithoutSpaces() {
        BsonDocument doc = new BsonDocument("pi", new BsonDouble(3.14159))
                .append("when", new BsonDateTime(1700000000000L))
                .append("big", new BsonInt64(42))
                .append("list", new BsonArray(List.of(new BsonString("a: b"), BsonNull.VALUE)));

        assertEquals("{\"pi\":{\"$numberDouble\":\"3.14159\"},\"when\":{\"$date\":{\"$numberLong\":\"1700000000000\"}},"
                + "\"big\":{\"$numberLong\":\"42\"},\"list\":[\"a: b\",null]}", CompactJson.canonicalEjson(doc));
    }

    @Test
    void keepsSeparatorsAndEscapesInsideStrings() {
        BsonDocument doc = new BsonDocument("k: \"x\", y", new BsonString("say \"a, b\": \\ ok"))
                .append("empty", new BsonDocument())
                .append("nested", new BsonArray(List.of(new BsonArray(), new BsonString("\\"))));

        assertEquals("{\"k: \\\"x\\\", y\":\"say \\\"a, b\\\": \\\\ ok\",\"empty\":{},\"nested\":[[],\"\\\\\"]}",
                CompactJson.canonicalEjson(doc));
    }
}
