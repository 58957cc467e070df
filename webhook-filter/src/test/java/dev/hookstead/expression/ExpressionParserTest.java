package dev.hookstead.expression;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static dev.hookstead.expression.Exprs.json;
import static dev.hookstead.expression.Exprs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpressionParserTest {

    private static String error(String expression) {
        return assertThrows(ExpressionException.class, () -> parse(expression)).getMessage();
    }

    @Test
    void absentNullTrueAndEmptyAllow() {
        assertSame(Expression.ALWAYS, ExpressionParser.parse(null));
        assertSame(Expression.ALWAYS, ExpressionParser.parse(json("null")));
        assertTrue(parse("true").isAlwaysTrue());
        assertTrue(parse("{}").isAlwaysTrue());
        Expression no = parse("false");
        assertFalse(no.isAlwaysTrue());
        assertFalse(no.evaluate(MapExpansions.builder().build()));
    }

    @Test
    void plainPathsReadArgs() {
        assertTrue(parse("{'body.userId': 'u1'}").evaluate(Exprs.args("{'body': {'userId': 'u1'}}")));
        assertFalse(parse("{'body.userId': 'u1'}").evaluate(MapExpansions.builder().build()), "no %%args: missing");
    }

    @Test
    void unknownOperatorListsTheKnownOnes() {
        String message = error("{'%%user.id': {'$foo': 1}}");
        assertTrue(message.startsWith("can_evaluate at \"%%user.id\".$foo: unknown operator \"$foo\"; use one of eq, ne, gt, gte, lt,"),
                message);
        assertTrue(message.contains("stringToOid") && message.contains("(each written with % or $)"), message);
    }

    @Test
    void mongoOnlyOperatorsAreNamedAsSuch() {
        assertTrue(error("{'tags': {'$all': ['a']}}").contains(
                "operator \"$all\" is a MongoDB query operator that App Services' documented rule language does not include"));
    }

    @Test
    void inNeedsAnArrayOrAnExpansion() {
        assertEquals("can_evaluate at \"%%user.id\".$in: expected an array or an expansion, got number 5;"
                + " write a list such as [\"a\", \"b\"] or \"%%values.<name>\"", error("{'%%user.id': {'$in': 5}}"));
    }

    @Test
    void andNeedsAnArray() {
        assertEquals("can_evaluate at %and: expected a non-empty array of conditions, got object {\"a\":1}; write [{...}, {...}]",
                error("{'%and': {'a': 1}}"));
        assertTrue(error("{'n': {'%or': []}}").startsWith("can_evaluate at n.%or: expected a non-empty array"));
    }

    @Test
    void conversionsRefuseNestedOperators() {
        assertEquals("can_evaluate at \"%%root.owner\".%stringToOid: %stringToOid takes only a literal or an expansion,"
                        + " not an operator, object or array, got object {\"%function\":{\"name\":\"f\"}};"
                        + " write a string such as \"%%user.id\"",
                error("{'%%root.owner': {'%stringToOid': {'%function': {'name': 'f'}}}}"));
        assertTrue(error("{'a': {'%oidToString': ['x']}}").contains("takes only a literal or an expansion"));
        assertTrue(error("{'a': {'%stringToOid': 'nothex'}}")
                .contains("a.%stringToOid: cannot convert: not a 24-digit hexadecimal ObjectId, got string \"nothex\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'%gt': 5}", "{'$in': [1]}", "{'%function': {'name': 'f'}}"})
    void testOperatorsNeedAField(String expression) {
        assertTrue(error(expression).contains("needs a field to apply to"), expression);
    }

    @Test
    void topLevelFunctionSuggestsTrueKey() {
        assertTrue(error("{'%function': {'name': 'f'}}").contains("write {\"%%true\": {\"%function\": ...}}"));
    }

    @Test
    void badShapes() {
        assertEquals("can_evaluate: expected true, false or an object of conditions, got string \"yes\";"
                + " write for example {\"%%user.type\": \"server\"}", error("'yes'"));
        assertTrue(error("{'%%users.id': 1}").startsWith("can_evaluate at \"%%users.id\": unknown expansion \"%%users\"; use one of %%request"));
        assertTrue(error("{'%%user..id': 1}").contains("empty path segment in \"%%user..id\""));
        assertTrue(error("{'%%true.x': 1}").contains("%%true has no fields"));
        assertTrue(error("{'n': {'$gt': 1, 'm': 2}}").contains("at n.m: field name \"m\" mixed with operators"));
        assertTrue(error("{'n': {'$exists': 'yes'}}").contains("n.$exists: expected true or false, got string \"yes\""));
        assertTrue(error("{'n': {'$regex': '('}}").contains("n.$regex: invalid regular expression"));
        assertTrue(error("{'n': {'$options': 'i'}}").contains("$options without $regex"));
        assertTrue(error("{'n': {'$regex': 'a', '$options': 'q'}}").contains("unknown regular expression option 'q'"));
        assertTrue(error("{'n': {'$eq': {'$gt': 1}}}").contains("n.$eq: operator $gt cannot stand here"));
        assertTrue(error("{'n': {'%function': {'name': 'f'}, '$gt': 1}}").contains("%function must be the only key"));
        assertTrue(error("{'%%true': {'%function': {'arguments': []}}}").contains(
                "\"%%true\".%function.name: expected the function's name as a string, got nothing"));
        assertTrue(error("{'%%true': {'%function': {'name': 'f', 'arguments': 'x', 'extra': 1}}}")
                .contains("%function.extra: unknown key \"extra\""));
        assertTrue(error("{'%and': [null]}").contains("at %and[0]: expected true, false or an object of conditions, got null"));
    }

    @Test
    void problemsReportsEverythingAtOnce() {
        List<String> problems = ExpressionParser.problems(json(
                "{'%%user.id': {'$in': 5}, '%or': [{'a': {'$bogus': 1}}, {'%%nope': 1}], 'b': {'%stringToOid': {'$gt': 1}}}"));
        assertEquals(4, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).startsWith("can_evaluate at \"%%user.id\".$in:"));
        assertTrue(problems.get(1).startsWith("can_evaluate at %or[0].a.$bogus: unknown operator"));
        assertTrue(problems.get(2).startsWith("can_evaluate at %or[1].\"%%nope\": unknown expansion"));
        assertTrue(problems.get(3).startsWith("can_evaluate at b.%stringToOid:"));
        assertEquals(problems, assertThrows(ExpressionException.class,
                () -> ExpressionParser.parse(json("{'%%user.id': {'$in': 5}, '%or': [{'a': {'$bogus': 1}}, {'%%nope': 1}],"
                        + " 'b': {'%stringToOid': {'$gt': 1}}}"))).problems());
        assertEquals(List.of(), ExpressionParser.problems(json("{'%%user.type': 'server'}")));
    }

    @Test
    void collectsFunctionAndValueNames() {
        Expression e = parse("{'%or': [{'%%true': {'%function': {'name': 'a', 'arguments': [{'%function': {'name': 'b'}}]}}},"
                + " {'x': {'$in': '%%values.list'}}, {'%%values.flag.sub': true}]}");
        assertEquals(Set.of("a", "b"), e.functionNames());
        assertEquals(Set.of("list", "flag"), e.valueNames());
    }
}
