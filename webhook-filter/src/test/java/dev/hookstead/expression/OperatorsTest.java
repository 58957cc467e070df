package dev.hookstead.expression;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.hookstead.expression.Exprs.eval;
import static dev.hookstead.expression.Exprs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Operator semantics (MongoDB query rules), each operator in both its % and $ spelling. */
class OperatorsTest {

    /** operator, operand, value of n that matches, value of n that does not. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "eq     | 5                  | 5        | 6",
            "ne     | 5                  | 6        | 5",
            "gt     | 5                  | 6        | 5",
            "gte    | 5                  | 5        | 4",
            "lt     | 5                  | 4        | 5",
            "lte    | 5                  | 5        | 6",
            "in     | [1, 5]             | 5        | 6",
            "nin    | [1, 5]             | 6        | 5",
            "exists | true               | 0        | ",
            "regex  | '^ab'              | 'abc'    | 'xab'",
    })
    void bothPrefixesBehaveTheSame(String op, String operand, String match, String noMatch) {
        for (String prefix : new String[]{"%", "$"}) {
            String expression = "{'n': {'" + prefix + op + "': " + operand + "}}";
            assertTrue(eval(expression, "{'n': " + match + "}"), expression + " on " + match);
            String other = noMatch == null ? "{}" : "{'n': " + noMatch + "}";
            assertFalse(eval(expression, other), expression + " on " + other);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "$"})
    void logicalOperatorsInBothPrefixes(String p) {
        String or = "{'" + p + "or': [{'a': 1}, {'b': 2}]}";
        assertTrue(eval(or, "{'a': 1}"));
        assertTrue(eval(or, "{'b': 2}"));
        assertFalse(eval(or, "{'a': 2, 'b': 1}"));
        String and = "{'" + p + "and': [{'a': 1}, {'b': 2}]}";
        assertTrue(eval(and, "{'a': 1, 'b': 2}"));
        assertFalse(eval(and, "{'a': 1}"));
        String nor = "{'" + p + "nor': [{'a': 1}, {'b': 2}]}";
        assertTrue(eval(nor, "{'a': 2}"));
        assertFalse(eval(nor, "{'b': 2}"));
        String not = "{'a': {'" + p + "not': {'$gt': 5}}}";
        assertTrue(eval(not, "{'a': 5}"));
        assertTrue(eval(not, "{}"), "$not is true on missing, like MongoDB");
        assertFalse(eval(not, "{'a': 6}"));
    }

    @Test
    void severalKeysAreAnd() {
        String e = "{'a': 1, '%%args.b': {'$gt': 1}, 'c': 'x'}";
        assertTrue(eval(e, "{'a': 1, 'b': 2, 'c': 'x'}"));
        assertFalse(eval(e, "{'a': 1, 'b': 2, 'c': 'y'}"));
        assertFalse(eval(e, "{'a': 1, 'b': 1, 'c': 'x'}"));
        assertFalse(eval(e, "{'b': 2, 'c': 'x'}"));
        String ops = "{'n': {'$gt': 1, '$lt': 3}}";
        assertTrue(eval(ops, "{'n': 2}"));
        assertFalse(eval(ops, "{'n': 3}"));
    }

    @Test
    void orInsideAFieldAppliesToThatField() {
        String e = "{'%%args.t': {'%or': ['server', {'$in': ['a', 'b']}]}}";
        assertTrue(eval(e, "{'t': 'server'}"));
        assertTrue(eval(e, "{'t': 'b'}"));
        assertFalse(eval(e, "{'t': 'normal'}"));
    }

    @Test
    void missingValuesPerOperator() {
        String none = "{}";
        assertFalse(eval("{'m': 1}", none), "missing never equals a literal");
        assertFalse(eval("{'m': {'$eq': 1}}", none));
        assertTrue(eval("{'m': {'$ne': 1}}", none));
        assertTrue(eval("{'m': {'$nin': [1]}}", none));
        assertFalse(eval("{'m': {'$in': [1]}}", none));
        assertFalse(eval("{'m': {'$gt': 1}}", none));
        assertFalse(eval("{'m': {'$gte': 1}}", none));
        assertFalse(eval("{'m': {'$lt': 1}}", none));
        assertFalse(eval("{'m': {'$lte': 1}}", none));
        assertFalse(eval("{'m': {'$exists': true}}", none));
        assertTrue(eval("{'m': {'$exists': false}}", none));
        assertFalse(eval("{'m': {'$regex': '.*'}}", none));
    }

    @Test
    void nullMatchesNullAndMissingLikeMongoDb() {
        assertTrue(eval("{'m': null}", "{}"));
        assertTrue(eval("{'m': null}", "{'m': null}"));
        assertFalse(eval("{'m': null}", "{'m': 0}"));
        assertTrue(eval("{'m': {'$in': [null]}}", "{}"));
        assertFalse(eval("{'m': {'$nin': [null, 1]}}", "{}"));
        assertTrue(eval("{'m': {'$exists': true}}", "{'m': null}"), "null is present");
    }

    @Test
    void missingExpansionOnTheValueSideEqualsNothing() {
        // both sides missing must not grant access: {header: secret} with neither set is false
        assertFalse(eval("{'%%args.key': '%%values.secret'}", "{}"));
        assertFalse(eval("{'%%args.key': {'$eq': '%%values.secret'}}", "{}"));
        assertTrue(eval("{'%%args.key': {'$ne': '%%values.secret'}}", "{'key': 'x'}"));
    }

    @Test
    void expansionsAsValues() {
        MapExpansions ctx = MapExpansions.builder().args(Exprs.doc("{'id': 'u1', 'ids': ['u0', 'u1']}"))
                .values(Exprs.doc("{'adminId': 'u1', 'admins': ['u1', 'u2'], 'limit': 10}")).build();
        assertTrue(parse("{'%%args.id': '%%values.adminId'}").evaluate(ctx));
        assertTrue(parse("{'%%args.id': {'$in': '%%values.admins'}}").evaluate(ctx));
        assertTrue(parse("{'%%args.id': {'$in': ['x', '%%values.adminId']}}").evaluate(ctx), "expansions inside arrays");
        assertTrue(parse("{'%%args.ids': '%%values.adminId'}").evaluate(ctx));
        assertTrue(parse("{'%%values.limit': {'$gte': 10}}").evaluate(ctx));
        assertTrue(parse("{'%%args.id': {'$exists': '%%true'}}").evaluate(ctx));
        assertTrue(parse("{'%%true': true, '%%false': false}").evaluate(ctx));
        assertFalse(parse("{'%%true': false}").evaluate(ctx));
    }

    @Test
    void inWithANonArrayOrMissingListFailsInsteadOfGuessing() {
        MapExpansions ctx = MapExpansions.builder().args(Exprs.doc("{'id': 'u1'}"))
                .values(Exprs.doc("{'admin': 'u1'}")).build();
        ExpressionException notArray = assertThrows(ExpressionException.class,
                () -> parse("{'%%args.id': {'$in': '%%values.admin'}}").evaluate(ctx));
        assertEquals("can_evaluate at \"%%args.id\".$in: %%values.admin is string; the list for $in must be an array",
                notArray.getMessage());
        assertFalse(notArray.getMessage().contains("u1"), "never the value: it may be a secret");
        assertThrows(ExpressionException.class, () -> parse("{'%%args.id': {'$nin': '%%values.nope'}}").evaluate(ctx));
    }

    @Test
    void arraySemantics() {
        assertTrue(eval("{'tags': 'b'}", "{'tags': ['a', 'b']}"), "any element equals");
        assertTrue(eval("{'tags': ['a', 'b']}", "{'tags': ['a', 'b']}"), "the whole array equals");
        assertFalse(eval("{'tags': ['b', 'a']}", "{'tags': ['a', 'b']}"), "order matters for whole-array equality");
        assertTrue(eval("{'tags': {'$in': ['x', 'b']}}", "{'tags': ['a', 'b']}"), "$in: any element in the list");
        assertFalse(eval("{'tags': {'$nin': ['x', 'b']}}", "{'tags': ['a', 'b']}"));
        assertTrue(eval("{'tags': {'$nin': ['x', 'y']}}", "{'tags': ['a', 'b']}"));
        assertTrue(eval("{'n': {'$gt': 5}}", "{'n': [1, 9]}"), "comparison: any element");
        assertFalse(eval("{'n': {'$gt': 9}}", "{'n': [1, 9]}"));
        assertTrue(eval("{'tags': {'$ne': 'c'}}", "{'tags': ['a', 'b']}"));
        assertFalse(eval("{'tags': {'$ne': 'a'}}", "{'tags': ['a', 'b']}"), "$ne: no element equals");
        assertTrue(eval("{'tags.1': 'b'}", "{'tags': ['a', 'b']}"), "numeric path segments index arrays");
        assertTrue(eval("{'tags': {'$regex': '^b'}}", "{'tags': ['a', 'b']}"));
    }

    @Test
    void numbersCompareAcrossTypes() {
        assertTrue(eval("{'n': 5}", "{'n': 5.0}"), "Int32 5 equals Double 5.0");
        assertTrue(eval("{'n': 5.0}", "{'n': 5}"));
        assertTrue(eval("{'n': {'$numberDecimal': '12345678901234'}}", "{'n': {'$numberLong': '12345678901234'}}"),
                "Int64 equals Decimal128");
        assertTrue(eval("{'n': {'$lt': {'$numberDecimal': '9007199254740993'}}}", "{'n': {'$numberLong': '9007199254740992'}}"),
                "exact beyond double precision");
        assertFalse(eval("{'n': {'$numberDecimal': '0.1'}}", "{'n': 0.1}"), "binary 0.1 is not decimal 0.1");
        assertTrue(eval("{'n': {'$gt': 1e308}}", "{'n': {'$numberDouble': 'Infinity'}}"));
        assertTrue(eval("{'n': {'$numberDouble': 'NaN'}}", "{'n': {'$numberDecimal': 'NaN'}}"), "NaN equals NaN");
        assertFalse(eval("{'n': {'$gt': -1e308}}", "{'n': {'$numberDouble': 'NaN'}}"), "NaN sorts below numbers");
        assertTrue(eval("{'n': 0}", "{'n': {'$numberDecimal': '-0'}}"));
    }

    @Test
    void mismatchedTypesNeverCompare() {
        assertFalse(eval("{'n': {'$gt': 1}}", "{'n': '2'}"));
        assertFalse(eval("{'n': {'$lt': '2'}}", "{'n': 1}"));
        assertFalse(eval("{'n': '5'}", "{'n': 5}"));
        assertFalse(eval("{'n': true}", "{'n': 1}"));
        assertFalse(eval("{'n': {'$gte': null}}", "{'n': 0}"));
    }

    @Test
    void stringsAndDatesOrder() {
        assertTrue(eval("{'s': {'$gt': 'abc'}}", "{'s': 'abd'}"));
        assertTrue(eval("{'s': {'$lt': 'b'}}", "{'s': 'abc'}"));
        assertTrue(eval("{'s': {'$gt': '\uFFFF'}}", "{'s': '\uD83D\uDE00'}"), "code point (UTF-8) order, not UTF-16");
        assertTrue(eval("{'d': {'$gt': {'$date': '2024-01-01T00:00:00Z'}}}", "{'d': {'$date': '2024-06-01T00:00:00Z'}}"));
        assertFalse(eval("{'d': {'$gt': {'$date': '2024-01-01T00:00:00Z'}}}", "{'d': '2024-06-01'}"));
    }

    @Test
    void documentsCompareByValue() {
        assertTrue(eval("{'%%args.u': {'a': 1, 'b': [1, 2]}}", "{'u': {'a': 1.0, 'b': [1, 2]}}"));
        assertFalse(eval("{'%%args.u': {'a': 1}}", "{'u': {'a': 1, 'b': 2}}"));
        assertTrue(eval("{'%%args.u': {'id': '%%args.me'}}", "{'u': {'id': 'x'}, 'me': 'x'}"), "expansions inside documents");
    }

    @Test
    void regexOptions() {
        assertTrue(eval("{'s': {'$regex': '^AB', '$options': 'i'}}", "{'s': 'abc'}"));
        assertFalse(eval("{'s': {'$regex': '^AB'}}", "{'s': 'abc'}"));
        assertFalse(eval("{'s': {'$regex': '^1'}}", "{'s': 12}"), "only strings match a regex");
    }

    @Test
    void nestedExpressionAsAValue() {
        String e = "{'%%true': {'%%args.type': 'server'}}";
        assertTrue(eval(e, "{'type': 'server'}"));
        assertFalse(eval(e, "{'type': 'normal'}"));
    }

    @Test
    void rootsOfMongoDbRulesAreMissingHere() {
        assertTrue(eval("{'%%prevRoot': {'%exists': false}}", "{}"));
        assertTrue(eval("{'%or': [{'%%prevRoot': {'%exists': false}}, {'%%root.status': 'new'}]}", "{}"), "spec 4.4 #7");
        assertFalse(eval("{'%%root.status': 'new'}", "{}"));
    }
}
