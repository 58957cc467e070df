package dev.hookstead.bson;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsBsonTest {

    private final BsonScripting js = new BsonScripting();

    @Test
    void numbersAreTypedAtTheInt32AndSafeIntegerBoundaries() {
        assertEquals(new BsonInt32(2147483647), js.bson("2147483647"));
        assertEquals(new BsonInt32(-2147483648), js.bson("-2147483648"));
        assertEquals(new BsonInt64(2147483648L), js.bson("2147483648"));
        assertEquals(new BsonInt64(-2147483649L), js.bson("-2147483649"));
        assertEquals(new BsonInt64(9007199254740992L), js.bson("Math.pow(2, 53)"));
        assertEquals(new BsonInt64(-9007199254740992L), js.bson("-Math.pow(2, 53)"));
        assertEquals(new BsonDouble(18014398509481984d), js.bson("Math.pow(2, 54)"));
        assertEquals(new BsonDouble(0.5), js.bson("0.5"));
        assertEquals(new BsonInt32(900), js.bson("[1,2,3].length * 300"));
        assertEquals(new BsonDouble(Double.POSITIVE_INFINITY), js.bson("1 / 0"));
        BsonValue nan = js.bson("NaN");
        assertTrue(nan.isDouble() && Double.isNaN(nan.asDouble().getValue()));
    }

    @Test
    void negativeZeroStaysADouble() {
        BsonValue top = js.bson("-0");
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(top.asDouble().getValue()));
        BsonValue inside = js.bson("({z: -0})").asDocument().get("z");
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(inside.asDouble().getValue()));
    }

    @Test
    void plainValuesKeepKeyOrderAndDropUndefinedAndFunctions() {
        BsonValue doc = js.bson("{b: 'x', a: true, u: undefined, f: function () {}, n: null,"
                + " list: [1, undefined, 'y', null], nested: {c: 1.5}}");
        BsonDocument expected = new BsonDocument()
                .append("b", new BsonString("x"))
                .append("a", BsonBoolean.TRUE)
                .append("n", BsonNull.VALUE)
                .append("list", new BsonArray(List.of(new BsonInt32(1), BsonNull.VALUE, new BsonString("y"), BsonNull.VALUE)))
                .append("nested", new BsonDocument("c", new BsonDouble(1.5)));
        assertEquals(expected, doc);
        assertEquals(List.of("b", "a", "n", "list", "nested"), List.copyOf(doc.asDocument().keySet()));
    }

    @Test
    void topLevelUndefinedIsJavaNullAndNullIsBsonNull() {
        // engine.eval turns undefined into null; getMember keeps it
        ScriptObjectMirror holder = (ScriptObjectMirror) js.eval("({u: undefined})");
        assertNull(JsBson.toBson(holder.getMember("u")));
        assertNull(js.bson("function () {}"));
        assertEquals(BsonNull.VALUE, js.bson("null"));
        assertEquals(new BsonString("ab"), js.bson("'a' + 'b'"));
    }

    @Test
    void facadesBecomeTheirBsonTypes() {
        assertEquals(new BsonObjectId(new ObjectId("5f1d7a8e9b1e8a3c4d5e6f70")),
                js.bson("BSON.ObjectId('5F1D7A8E9B1E8A3C4D5E6F70')"));
        assertEquals(new BsonBinary("Hello".getBytes(StandardCharsets.UTF_8)),
                js.bson("BSON.Binary.fromHex('48656c6c6f')"));
        assertEquals(new BsonBinary(BsonBinarySubType.UUID_STANDARD, new byte[]{1, 2}),
                js.bson("BSON.Binary.fromBase64('AQI=', 4)"));
        assertEquals(new BsonDecimal128(Decimal128.parse("1234.5600")), js.bson("BSON.Decimal128.fromString('1234.5600')"));
        assertEquals(new BsonInt64(Long.MAX_VALUE), js.bson("BSON.Long.fromString('9223372036854775807')"));
        assertEquals(new BsonInt64(-5), js.bson("BSON.Long.fromNumber(-5)"));
        assertEquals(new BsonInt64(1L << 32 | 0xFFFFFFFFL), js.bson("BSON.Long(-1, 1)"));
        assertEquals(new BsonInt64(42), js.bson("new BSON.Long(42, 0)"));
        assertEquals(new BsonInt32(7), js.bson("BSON.Int32(7.9)"));
        assertEquals(new BsonDouble(2.0), js.bson("new BSON.Double(2)"));
        assertEquals(new BsonDateTime(1700000000123L), js.bson("new Date(1700000000123)"));
        assertEquals(new BsonRegularExpression("^a.c$", "im"), js.bson("BSON.BSONRegExp('^a.c$', 'mi')"));
        assertEquals(new BsonRegularExpression("h(i)+", "i"), js.bson("/h(i)+/gi"));
        assertEquals(new BsonTimestamp(1700000000, 7), js.bson("BSON.Timestamp({t: 1700000000, i: 7})"));
        assertEquals(new BsonMinKey(), js.bson("BSON.MinKey()"));
        assertEquals(new BsonMaxKey(), js.bson("new BSON.MaxKey()"));
    }

    @Test
    void bsonValuesCrossToJsAndBackUnchanged() {
        List<BsonValue> values = List.of(
                new BsonObjectId(new ObjectId("5f1d7a8e9b1e8a3c4d5e6f70")),
                new BsonBinary(BsonBinarySubType.USER_DEFINED, new byte[]{0, -1, 42}),
                new BsonDecimal128(Decimal128.parse("-0.000123")),
                new BsonInt64(5),
                new BsonInt64(Long.MIN_VALUE),
                new BsonInt32(-17),
                new BsonDouble(3.25),
                new BsonDateTime(-86400000L),
                new BsonRegularExpression("^x", "imsx"),
                new BsonTimestamp(4000000000L << 32 | 3),
                new BsonMinKey(),
                new BsonMaxKey(),
                new BsonString("ünï"),
                BsonNull.VALUE,
                new BsonDocument("a", new BsonArray(List.of(new BsonInt64(1), new BsonDocument("b", BsonBoolean.FALSE)))));
        for (BsonValue value : values) {
            assertEquals(value, js.roundTrip(value), () -> value + " changed");
        }
    }

    @Test
    void integralDoublesComeBackAsInt32BecauseJsHasOneNumberType() {
        assertEquals(new BsonInt32(2), js.roundTrip(new BsonDouble(2.0)));
    }

    @Test
    void cyclesAreRejectedButSharedObjectsAreFine() {
        Object cyclic = js.eval("var a = {name: 'a'}; a.self = {back: a}; a");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> JsBson.toBson(cyclic));
        assertTrue(error.getMessage().contains("cyclic"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsBson.toBson(js.eval("var l = [1]; l.push(l); l")));

        BsonValue shared = js.bson("(function () { var s = {x: 1}; return {p: s, q: [s, s]}; })()");
        assertEquals(new BsonDocument("x", new BsonInt32(1)), shared.asDocument().getArray("q").get(1));
    }

    @Test
    void nestingIsLimitedToOneHundredLevels() {
        String nest = "(function (n) { var v = 1; for (var i = 0; i < n; i++) { v = {d: v}; } return v; })";
        assertTrue(js.bson(nest + "(100)").isDocument());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> js.bson(nest + "(101)"));
        assertTrue(error.getMessage().contains("100 levels"), error.getMessage());
    }

    @Test
    void damagedFacadesAndInvalidDatesAreRefused() {
        IllegalArgumentException forged = assertThrows(IllegalArgumentException.class,
                () -> js.bson("{_bsontype: 'ObjectId', _hex: 'nope'}"));
        assertTrue(forged.getMessage().contains("BSON.ObjectId"), forged.getMessage());
        assertThrows(IllegalArgumentException.class, () -> js.bson("{_bsontype: 'Code'}"));
        IllegalArgumentException date = assertThrows(IllegalArgumentException.class, () -> js.bson("new Date('soon')"));
        assertTrue(date.getMessage().contains("Invalid Date"), date.getMessage());
    }
}
