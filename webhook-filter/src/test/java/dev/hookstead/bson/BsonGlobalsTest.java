package dev.hookstead.bson;

import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.script.ScriptException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BsonGlobalsTest {

    private final BsonScripting js = new BsonScripting();

    private Object eval(String script) {
        return js.eval(script);
    }

    @Test
    void objectIdKeepsItsHexThroughBsonAndBack() {
        String hex = "5f1d7a8e9b1e8a3c4d5e6f70";
        Object id = eval("BSON.ObjectId('" + hex + "')");
        BsonObjectId bson = JsBson.toBson(id).asObjectId();
        assertEquals(hex, bson.getValue().toHexString());
        assertEquals(true, js.withValue(bson, "v instanceof BSON.ObjectId && v.toHexString() === '" + hex + "'"
                + " && v.equals(BSON.ObjectId('" + hex.toUpperCase() + "')) && String(v) === '" + hex + "'"
                + " && JSON.stringify({id: v}) === '{\"id\":\"" + hex + "\"}'"));
        assertEquals(0x5f1d7a8eL * 1000, ((Number) eval("BSON.ObjectId('" + hex + "').getTimestamp().getTime()")).longValue());
    }

    @Test
    void objectIdWithoutArgumentIsNewAndUnique() {
        assertEquals(true, eval("var a = new BSON.ObjectId(), b = BSON.ObjectId();"
                + " /^[0-9a-f]{24}$/.test(a.toHexString()) && !a.equals(b)"));
        assertTrue(eval("try { BSON.ObjectId('xyz'); 'no error' } catch (e) { e.message }").toString()
                .contains("24 hex characters"));
    }

    @Test
    void binaryConvertsBetweenHexBase64AndUtf8Text() {
        assertEquals("Hello", eval("BSON.Binary.fromHex('48656c6c6f').text()"));
        assertEquals("SGVsbG8=", eval("BSON.Binary.fromHex('48656C6C6F').toBase64()"));
        assertEquals("48656c6c6f", eval("BSON.Binary.fromBase64('SGVsbG8=').toHex()"));
        // "héllo €😀" in UTF-8: 2-, 3- and 4-byte sequences
        assertEquals("h\u00e9llo \u20ac\uD83D\uDE00",
                eval("BSON.Binary.fromHex('68c3a96c6c6f20e282acf09f9880').text()"));
        assertEquals(14, ((Number) eval("BSON.Binary.fromHex('68c3a96c6c6f20e282acf09f9880').length()")).intValue());
        assertEquals(true, eval("var b = BSON.Binary.fromBase64('AQI=', 4); b.sub_type === 4 && b.subtype === 4"));
        assertEquals("", eval("BSON.Binary.fromBase64('').text()"));
    }

    @Test
    void badBinaryInputIsAPlainJsError() {
        Object message = eval("try { BSON.Binary.fromHex('4g'); 'no error' } catch (e) {"
                + " (e instanceof Error) + ' ' + (typeof e.getClass) + ' ' + e.message }");
        assertTrue(message.toString().startsWith("true undefined BSON.Binary.fromHex: '4g' is not hex text"), message.toString());
        assertTrue(eval("try { BSON.Binary.fromBase64('SGV=sbG8'); 'no error' } catch (e) { e.message }").toString()
                .contains("is not base64"));
    }

    @Test
    void longIntAndDecimalApis() {
        assertEquals("9223372036854775807", eval("BSON.Long.fromString('9223372036854775807').toString()"));
        assertEquals("-9223372036854775808", eval("BSON.Long.fromNumber(-Math.pow(2, 63)).toString()"));
        assertEquals("-5", eval("BSON.Long.fromNumber(-5).toString()"));
        assertEquals("ff", eval("BSON.Long.fromString('255').toString(16)"));
        assertEquals(4294967296d, ((Number) eval("BSON.Long(0, 1).toNumber()")).doubleValue());
        assertEquals(43d, ((Number) eval("BSON.Long.fromNumber(42) + 1")).doubleValue());
        assertEquals(true, eval("BSON.Long.fromString('-7').equals(BSON.Long.fromNumber(-7))"));
        assertEquals("1.50", eval("BSON.Decimal128.fromString('1.50').toString()"));
        assertEquals(8d, ((Number) eval("BSON.Int32(5) + BSON.Double(3)")).doubleValue());
        assertTrue(eval("try { BSON.Decimal128.fromString('abc'); 'no error' } catch (e) { e.message }").toString()
                .contains("'abc' is not a decimal number"));
        assertTrue(eval("try { BSON.Long.fromString('99999999999999999999'); 'no error' } catch (e) { e.message }")
                .toString().contains("is not a 64-bit integer"));
    }

    @Test
    void stringifyIsCompactCanonicalEjsonByDefault() {
        assertEquals("{\"Processed\":{\"$numberInt\":\"900\"}}", eval("EJSON.stringify({Processed: 900})"));
        assertEquals("{\"pi\":{\"$numberDouble\":\"3.14159\"}}", eval("EJSON.stringify({pi: 3.14159})"));
        assertEquals("{\"$numberLong\":\"42\"}", eval("EJSON.stringify(BSON.Long.fromNumber(42))"));
        assertEquals("{\"$numberLong\":\"3000000000\"}", eval("EJSON.stringify(3000000000)"));
        assertEquals("{\"d\":{\"$date\":{\"$numberLong\":\"0\"}},\"s\":\"a: b, c\"}",
                eval("EJSON.stringify({d: new Date(0), s: 'a: b, c'})"));
        assertEquals("\"text\"", eval("EJSON.stringify('text')"));
        assertEquals(true, eval("EJSON.stringify(undefined) === undefined"));
    }

    @Test
    void stringifyRelaxedReplacerAndSpace() {
        assertEquals("{\"n\":900,\"pi\":3.14159,\"d\":{\"$date\":\"1970-01-01T00:00:00Z\"}}",
                eval("EJSON.stringify({n: 900, pi: 3.14159, d: new Date(0)}, null, null, {relaxed: true})"));
        assertEquals("{\"n\":900}", eval("EJSON.stringify({n: 900}, {relaxed: true})"));
        assertEquals("{\n  \"n\": {\n    \"$numberInt\": \"1\"\n  }\n}", eval("EJSON.stringify({n: 1}, null, 2)"));
        assertEquals("{\"a\":{\"$numberInt\":\"1\"}}", eval("EJSON.stringify({a: 1, b: 2}, ['a', '$numberInt'])"));
    }

    @Test
    void stringifyOfACycleIsAPlainJsError() {
        Object message = eval("var c = {}; c.c = c; try { EJSON.stringify(c); 'no error' } catch (e) {"
                + " (e instanceof Error) + ' ' + e.message }");
        assertTrue(message.toString().startsWith("true Cannot convert a cyclic object"), message.toString());
    }

    @Test
    void parseReadsCanonicalEjsonIntoFacadesNumbersAndDates() {
        assertEquals(true, eval("var p = EJSON.parse('{\"id\": {\"$oid\": \"5f1d7a8e9b1e8a3c4d5e6f70\"},"
                + " \"i\": {\"$numberInt\": \"5\"}, \"l\": {\"$numberLong\": \"5\"}, \"d\": {\"$numberDouble\": \"-Infinity\"},"
                + " \"t\": {\"$date\": {\"$numberLong\": \"1000\"}}, \"b\": {\"$binary\": {\"base64\": \"SGk=\", \"subType\": \"80\"}},"
                + " \"m\": {\"$numberDecimal\": \"1.0\"}, \"r\": {\"$regularExpression\": {\"pattern\": \"a\", \"options\": \"i\"}},"
                + " \"k\": [{\"$minKey\": 1}, {\"$maxKey\": 1}], \"other\": {\"$custom\": 1}}');"
                + " p.id instanceof BSON.ObjectId && p.i === 5 && p.l instanceof BSON.Long && p.l.toNumber() === 5"
                + " && p.d === -Infinity && p.t instanceof Date && p.t.getTime() === 1000"
                + " && p.b instanceof BSON.Binary && p.b.text() === 'Hi' && p.b.sub_type === 128"
                + " && p.m instanceof BSON.Decimal128 && p.m.toString() === '1.0'"
                + " && p.r instanceof BSON.BSONRegExp && p.r.options === 'i'"
                + " && p.k[0] instanceof BSON.MinKey && p.k[1] instanceof BSON.MaxKey && p.other.$custom === 1"));
    }

    @Test
    void parseReadsRelaxedEjsonAndPlainJson() {
        assertEquals(true, eval("var r = EJSON.parse('{\"n\": 1, \"x\": 2.5, \"big\": 3000000000,"
                + " \"when\": {\"$date\": \"2020-01-02T03:04:05.006Z\"}, \"s\": \"str\", \"a\": [true, null]}');"
                + " r.n === 1 && r.x === 2.5 && r.big instanceof BSON.Long && r.big.toNumber() === 3000000000"
                + " && r.when.getTime() === Date.UTC(2020, 0, 2, 3, 4, 5, 6) && r.s === 'str'"
                + " && r.a[0] === true && r.a[1] === null"));
        assertEquals(7d, ((Number) eval("EJSON.parse('7')")).doubleValue());
    }

    @Test
    void parseOptionsFollowJsBson() {
        assertEquals(true, eval("var o = EJSON.parse('{\"l\": {\"$numberLong\": \"5\"},"
                + " \"u\": {\"$numberLong\": \"9223372036854775807\"}}', {relaxed: true});"
                + " o.l === 5 && o.u instanceof BSON.Long"));
        assertEquals(true, eval("var s = EJSON.parse('{\"i\": 1, \"d\": 1.5}', {relaxed: false});"
                + " s.i instanceof BSON.Int32 && s.i.value === 1 && s.d instanceof BSON.Double && s.d.value === 1.5"));
    }

    @Test
    void parseKeepsProtoKeysAsPlainProperties() {
        assertEquals(true, eval("var q = EJSON.parse('{\"__proto__\": {\"$numberLong\": \"1\"}}');"
                + " Object.getPrototypeOf(q) === Object.prototype && Object.keys(q).join() === '__proto__'"));
        assertEquals(new BsonDocument("__proto__", new BsonInt64(1)), js.bson("q"));
    }

    @Test
    void badEjsonIsAPlainJsError() {
        Object message = eval("try { EJSON.parse('{\"a\": '); 'no error' } catch (e) { (e instanceof Error) + ' ' + e.message }");
        assertTrue(message.toString().startsWith("true EJSON.parse: invalid Extended JSON"), message.toString());
    }

    @Test
    void serializeAndDeserialize() {
        assertEquals(true, eval("var e = EJSON.serialize({n: 1}); e.n.$numberInt === '1'"));
        assertEquals(new BsonDateTime(5), js.bson("EJSON.deserialize({$date: {$numberLong: '5'}})"));
    }

    @Test
    void scriptsCannotReachJavaThroughTheBridge() {
        js.engine.put("bridge", js.bridge);
        assertThrows(ScriptException.class, () -> js.engine.eval("bridge.getClass().forName('java.lang.System')"));
        assertThrows(ScriptException.class, () -> js.engine.eval("bridge.getClass().getName()"));
        assertThrows(ScriptException.class, () -> js.engine.eval("bridge['class'].getClassLoader()"));
        for (Method method : BsonBridge.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers())) {
                assertEquals(String.class, method.getReturnType(), method + " must return a string");
                assertTrue(Arrays.stream(method.getParameterTypes())
                                .allMatch(t -> t == String.class || t == int.class || t == boolean.class || t == Object.class),
                        method + " takes a Java type");
            }
        }
    }
}
