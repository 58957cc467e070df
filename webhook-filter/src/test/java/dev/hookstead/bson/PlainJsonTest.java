package dev.hookstead.bson;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDbPointer;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonJavaScript;
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
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every row of the JSON mapping table (spec 3.3), and the rows the table leaves out. */
class PlainJsonTest {

    @Test
    void theDataApiDocumentsMangoExample() {
        BsonDocument mango = new BsonDocument("Name", new BsonString("Mango"))
                .append("Year", new BsonInt64(2022))
                .append("Weight", new BsonDecimal128(Decimal128.parse("9823.1297")))
                .append("Date", new BsonDateTime(1641954803067L));
        assertEquals("{\"Name\":\"Mango\",\"Year\":2022,\"Weight\":\"9823.1297\",\"Date\":\"2022-01-12T02:33:23.067Z\"}",
                PlainJson.write(mango));
    }

    @Test
    void numbersArePlain() {
        assertEquals("900", PlainJson.write(new BsonInt32(900)));
        assertEquals("-2147483648", PlainJson.write(new BsonInt32(Integer.MIN_VALUE)));
        assertEquals("9223372036854775807", PlainJson.write(new BsonInt64(Long.MAX_VALUE)));
        assertEquals("3.14159", PlainJson.write(new BsonDouble(3.14159)));
    }

    @Test
    void doublesAreWrittenAsGoWritesThem() {
        assertEquals("2", PlainJson.write(new BsonDouble(2.0)));
        assertEquals("0", PlainJson.write(new BsonDouble(0.0)));
        assertEquals("12345678", PlainJson.write(new BsonDouble(12345678.0)));
        assertEquals("0.000001", PlainJson.write(new BsonDouble(1e-6)));
        assertEquals("1.5e-7", PlainJson.write(new BsonDouble(1.5e-7)));
        assertEquals("100000000000000000000", PlainJson.write(new BsonDouble(1e20)));
        assertEquals("1e+21", PlainJson.write(new BsonDouble(1e21)));
        assertEquals("-2.5e+30", PlainJson.write(new BsonDouble(-2.5e30)));
    }

    @Test
    void nonFiniteDoublesAreNullAsInJsonStringify() {
        assertEquals("[null,null,null]", PlainJson.write(new BsonArray(List.of(new BsonDouble(Double.NaN),
                new BsonDouble(Double.POSITIVE_INFINITY), new BsonDouble(Double.NEGATIVE_INFINITY)))));
    }

    @Test
    void decimal128IsAString() {
        assertEquals("\"1.10\"", PlainJson.write(new BsonDecimal128(Decimal128.parse("1.10"))));
        assertEquals("\"NaN\"", PlainJson.write(new BsonDecimal128(Decimal128.NaN)));
    }

    @Test
    void objectIdIsItsHex() {
        assertEquals("\"5f1a785e1536b6e6992fd588\"",
                PlainJson.write(new BsonObjectId(new ObjectId("5f1a785e1536b6e6992fd588"))));
    }

    @Test
    void dateIsRfc3339InUtcWithGoTrailingZerosDropped() {
        assertEquals("\"2022-01-12T02:33:23.067Z\"", PlainJson.write(new BsonDateTime(1641954803067L)));
        assertEquals("\"2022-01-12T02:33:23.06Z\"", PlainJson.write(new BsonDateTime(1641954803060L)));
        assertEquals("\"2022-01-12T02:33:23Z\"", PlainJson.write(new BsonDateTime(1641954803000L)));
        assertEquals("\"2022-01-12T02:33:00Z\"", PlainJson.write(new BsonDateTime(1641954780000L)));
        assertEquals("\"1970-01-01T00:00:00Z\"", PlainJson.write(new BsonDateTime(0)));
        assertEquals("\"1969-12-31T23:59:59.999Z\"", PlainJson.write(new BsonDateTime(-1)));
    }

    @Test
    void binaryIsSubtypeAndBase64Data() {
        assertEquals("{\"Subtype\":0,\"Data\":\"SGVsbG8=\"}", PlainJson.write(new BsonBinary("Hello".getBytes())));
        assertEquals("{\"Subtype\":128,\"Data\":\"AQI=\"}", PlainJson.write(new BsonBinary((byte) 0x80, new byte[]{1, 2})));
    }

    @Test
    void regexIsPatternAndOptions() {
        assertEquals("{\"Pattern\":\"^a\\\\d+\",\"Options\":\"im\"}",
                PlainJson.write(new BsonRegularExpression("^a\\d+", "mi")));
    }

    @Test
    void timestampIsTAndIUnsigned() {
        assertEquals("{\"T\":1641954803,\"I\":7}", PlainJson.write(new BsonTimestamp(1641954803, 7)));
        assertEquals("{\"T\":4294967295,\"I\":4294967295}", PlainJson.write(new BsonTimestamp(-1, -1)));
    }

    @Test
    void minKeyAndMaxKeyAreEmptyObjects() {
        assertEquals("{}", PlainJson.write(new BsonMinKey()));
        assertEquals("{}", PlainJson.write(new BsonMaxKey()));
    }

    @Test
    void plainValuesAndNestingKeepTheirShapeAndOrder() {
        BsonDocument doc = new BsonDocument("z", BsonBoolean.TRUE).append("a", BsonNull.VALUE)
                .append("u", new BsonUndefined()).append("s", new BsonString("say \"hi\""))
                .append("list", new BsonArray(List.of(new BsonInt32(1), new BsonDocument("k", new BsonInt64(2)))));
        assertEquals("{\"z\":true,\"a\":null,\"u\":null,\"s\":\"say \\\"hi\\\"\",\"list\":[1,{\"k\":2}]}",
                PlainJson.write(doc));
    }

    @Test
    void theRarerTypesFollowGoStructMarshalling() {
        assertEquals("\"function() {}\"", PlainJson.write(new BsonJavaScript("function() {}")));
        assertEquals("\"sym\"", PlainJson.write(new BsonSymbol("sym")));
        assertEquals("{\"Code\":\"x\",\"Scope\":{\"x\":1}}", PlainJson.write(
                new BsonJavaScriptWithScope("x", new BsonDocument("x", new BsonInt32(1)))));
        assertEquals("{\"DB\":\"db.c\",\"Pointer\":\"5f1a785e1536b6e6992fd588\"}", PlainJson.write(
                new BsonDbPointer("db.c", new ObjectId("5f1a785e1536b6e6992fd588"))));
    }
}
