package dev.hookstead.expression;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.UuidRepresentation;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.hookstead.expression.Exprs.doc;
import static dev.hookstead.expression.Exprs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FunctionsAndConversionsTest {

    private static final String HEX = "5cbf1e4a0f1e2d3c4b5a6978";
    private static final String UUID_TEXT = "123e4567-e89b-12d3-a456-426614174000";

    @Test
    void aThrowingFunctionFailsTheEvaluationInsteadOfAllowing() {
        IllegalStateException thrown = new IllegalStateException("boom");
        MapExpansions ctx = MapExpansions.builder().functions((name, args) -> {
            throw thrown;
        }).build();
        for (String e : List.of("{'%%true': {'%function': {'name': 'check'}}}",
                "{'%%false': {'$ne': {'%function': {'name': 'check'}}}}",
                "{'%or': [false, {'%%true': {'%function': {'name': 'check'}}}]}")) {
            ExpressionException ex = assertThrows(ExpressionException.class, () -> parse(e).evaluate(ctx), e);
            assertSame(thrown, ex.getCause());
            assertTrue(ex.getMessage().contains("%function \"check\" failed: boom"), ex.getMessage());
        }
    }

    @Test
    void withoutAFunctionRunnerTheEvaluationFails() {
        assertThrows(ExpressionException.class,
                () -> parse("{'%%true': {'%function': {'name': 'f'}}}").evaluate(MapExpansions.builder().build()));
    }

    @Test
    void functionValueIsComparedAndArgumentsAreExpandedAnywhere() {
        List<List<BsonValue>> calls = new ArrayList<>();
        MapExpansions ctx = MapExpansions.builder().args(doc("{'id': 'u1'}")).functions((name, args) -> {
            calls.add(args);
            return new BsonString("gold");
        }).build();
        assertTrue(parse("{'%%args.id': {'$ne': {'%function': {'name': 'f',"
                + " 'arguments': [{'user': '%%args.id', 'n': 1}, ['%%args.id'], '%%args.missing', 'lit']}}}}").evaluate(ctx));
        assertFalse(parse("{'%%args.id': {'%function': {'name': 'f'}}}").evaluate(ctx), "\"u1\" is not \"gold\"");
        assertEquals(List.of(doc("{'user': 'u1', 'n': 1}"), new BsonArray(List.of(new BsonString("u1"))),
                BsonNull.VALUE, new BsonString("lit")), calls.get(0), "a missing argument is passed as null");
        assertTrue(parse("{'%%args.id': {'$in': ['u0', {'%function': {'name': 'g'}}, 'u1']}}").evaluate(ctx));
    }

    @Test
    void andOrShortCircuitSoLaterFunctionsDoNotRun() {
        List<String> called = new ArrayList<>();
        MapExpansions ctx = MapExpansions.builder().functions((name, args) -> {
            called.add(name);
            return BsonBoolean.TRUE;
        }).build();
        assertTrue(parse("{'%or': [{'%%true': {'%function': {'name': 'a'}}}, {'%%true': {'%function': {'name': 'b'}}}]}")
                .evaluate(ctx));
        assertFalse(parse("{'%and': [false, {'%%true': {'%function': {'name': 'c'}}}]}").evaluate(ctx));
        assertFalse(parse("{'%%false': true, '%%true': {'%function': {'name': 'd'}}}").evaluate(ctx), "keys: AND in order");
        assertEquals(List.of("a"), called);
    }

    @Test
    void stringToOidConvertsLiteralsAndExpansions() {
        MapExpansions ctx = MapExpansions.builder()
                .args(new BsonDocument("owner", new BsonObjectId(new ObjectId(HEX))).append("ownerHex", new BsonString(HEX))
                        .append("bad", new BsonString("zz")).append("num", new BsonInt32(1)))
                .build();
        assertTrue(parse("{'owner': {'%stringToOid': '" + HEX + "'}}").evaluate(ctx));
        assertTrue(parse("{'owner': {'$stringToOid': '%%args.ownerHex'}}").evaluate(ctx));
        assertTrue(parse("{'owner': {'$in': [{'%stringToOid': '%%args.ownerHex'}]}}").evaluate(ctx));
        assertFalse(parse("{'owner': {'%stringToOid': '%%args.missing'}}").evaluate(ctx), "missing stays missing");
        assertTrue(parse("{'owner': {'$oid': '" + HEX + "'}}").evaluate(ctx), "Extended JSON literals");

        ExpressionException bad = assertThrows(ExpressionException.class,
                () -> parse("{'owner': {'%stringToOid': '%%args.bad'}}").evaluate(ctx));
        assertEquals("can_evaluate at owner.%stringToOid: %stringToOid cannot convert %%args.bad: not a 24-digit"
                + " hexadecimal ObjectId", bad.getMessage());
        assertTrue(assertThrows(ExpressionException.class,
                () -> parse("{'owner': {'%stringToOid': '%%args.num'}}").evaluate(ctx)).getMessage()
                .endsWith("expected a string, got int32"));
    }

    @Test
    void oidToStringConvertsBack() {
        MapExpansions ctx = MapExpansions.builder()
                .args(new BsonDocument("owner", new BsonObjectId(new ObjectId(HEX))).append("ownerHex", new BsonString(HEX)))
                .build();
        assertTrue(parse("{'ownerHex': {'%oidToString': '%%args.owner'}}").evaluate(ctx));
        assertTrue(parse("{'ownerHex': {'$oidToString': {'$oid': '" + HEX + "'}}}").evaluate(ctx));
        assertFalse(parse("{'ownerHex': {'%oidToString': '%%args.nothing'}}").evaluate(ctx));
        assertThrows(ExpressionException.class,
                () -> parse("{'ownerHex': {'%oidToString': '%%true'}}").evaluate(ctx));
    }

    @Test
    void uuidConversions() {
        BsonBinary uuid = new BsonBinary(UUID.fromString(UUID_TEXT), UuidRepresentation.STANDARD);
        MapExpansions ctx = MapExpansions.builder()
                .args(new BsonDocument("id", uuid).append("text", new BsonString(UUID_TEXT))).build();
        assertTrue(parse("{'id': {'%stringToUuid': '" + UUID_TEXT + "'}}").evaluate(ctx));
        assertTrue(parse("{'id': {'$stringToUuid': '%%args.text'}}").evaluate(ctx));
        assertTrue(parse("{'text': {'%uuidToString': '%%args.id'}}").evaluate(ctx));
        assertTrue(assertThrows(ExpressionException.class, () -> parse("{'id': {'%stringToUuid': 'abc'}}"))
                .getMessage().contains("not a UUID"));
    }
}
