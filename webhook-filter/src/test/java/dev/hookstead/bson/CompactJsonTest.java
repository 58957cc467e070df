package dev.hookstead.bson;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonJavaScriptWithScope;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonSymbol;
import org.bson.BsonTimestamp;
import org.bson.BsonUndefined;
import org.bson.BsonValue;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

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

    /** The one-pass writer answers what the bson library writes, compacted, for every type and character. */
    @Test
    void matchesTheBsonWriterByteForByte() {
        BsonDocument doc = new BsonDocument("int", new BsonInt32(Integer.MIN_VALUE))
                .append("long", new BsonInt64(Long.MAX_VALUE))
                .append("doubles", new BsonArray(List.of(new BsonDouble(1.0), new BsonDouble(-0.0),
                        new BsonDouble(1e300), new BsonDouble(Double.NaN), new BsonDouble(Double.NEGATIVE_INFINITY))))
                .append("bool", BsonBoolean.FALSE)
                .append("oid", new BsonObjectId(new ObjectId("5f1e7d2a9c3b4a0012345678")))
                .append("dates", new BsonArray(List.of(new BsonDateTime(-1), new BsonDateTime(253402300800000L))))
                .append("bin", new BsonBinary((byte) 4, new byte[16]))
                .append("dec", new BsonDecimal128(Decimal128.parse("1.50")))
                .append("re", new BsonRegularExpression("a, b", "i"))
                .append("ts", new BsonTimestamp(5, 6))
                .append("keys", new BsonArray(List.of(new BsonMinKey(), new BsonMaxKey(), new BsonUndefined(),
                        new BsonSymbol("s"))))
                .append("code", new BsonJavaScriptWithScope("x", new BsonDocument("k", new BsonInt32(1))))
                .append("h\u00e9\"", new BsonString("tab\there \u2028 \u0000 \u007f \ud83d\ude00 \\"));
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                s.append((char) (random.nextBoolean() ? random.nextInt(0x90) : random.nextInt(0x10000)));
            }
            doc.append("k" + i + s, new BsonString(s.toString()));
        }

        for (BsonValue value : List.of(doc, new BsonArray(List.of(doc, doc)), new BsonString("é"), BsonNull.VALUE)) {
            assertEquals(CompactJson.compact(Ejson.canonical(value)), CompactJson.canonicalEjson(value));
        }
    }
}
