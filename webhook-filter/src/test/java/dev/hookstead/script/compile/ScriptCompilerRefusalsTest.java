package dev.hookstead.script.compile;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the build refuses, and that each refusal points at the user's line and column with a fix. */
class ScriptCompilerRefusalsTest {

    private static final String FILE = "functions/a.js";

    private final ScriptCompiler compiler = new ScriptCompiler();

    private CompileProblem onlyProblem(String source) {
        List<CompileProblem> problems = problems(source);
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0);
    }

    private List<CompileProblem> problems(String source) {
        return assertThrows(ScriptCompileException.class, () -> compiler.compile(FILE, source)).problems();
    }

    private static void assertAt(CompileProblem problem, int line, int column, String messageStart) {
        assertEquals(FILE, problem.file());
        assertEquals(line + ":" + column, problem.line() + ":" + problem.column(), problem::toString);
        assertTrue(problem.message().startsWith(messageStart), problem::toString);
        assertTrue(problem.suggestion() != null && !problem.suggestion().isBlank(), problem::toString);
    }

    @Test
    void privateClassField() {
        CompileProblem problem = onlyProblem("""
                exports = function() {
                  class Counter {
                    #count = 0;
                  }
                };
                """);
        assertAt(problem, 3, 5, "Private class members (#name) are not supported");
        assertTrue(problem.toString().startsWith(
                "functions/a.js:3:5: Private class members (#name) are not supported. Fix: use an ordinary property"),
                problem::toString);
    }

    @Test
    void privateMemberAccess() {
        assertAt(onlyProblem("class A { get() { return this.#secret; } }"), 1, 31, "Private class members");
    }

    @Test
    void bigIntLiteral() {
        assertAt(onlyProblem("exports = function() {\n  return 10n * x;\n};"), 2, 10, "BigInt literal 10n is not supported");
    }

    @Test
    void regexNamedGroup() {
        assertAt(onlyProblem("const r = /x(?<year>\\d{4})/;"), 1, 13, "Regex named group (?<year>...) is not supported");
    }

    @Test
    void regexLookbehind() {
        assertAt(onlyProblem("const r = /(?<=\\$)\\d+/;"), 1, 12, "Regex lookbehind (?<=...) is not supported");
        assertAt(onlyProblem("const r = /a(?<!b)/;"), 1, 13, "Regex lookbehind (?<!...) is not supported");
    }

    @Test
    void regexFlagS() {
        assertAt(onlyProblem("const r = /a.b/gs;"), 1, 17, "Regex flag 's' (dotAll) is not supported");
    }

    @Test
    void regexFlagU() {
        assertAt(onlyProblem("\n  const r = /\\u{1F600}/u;"), 2, 24, "Regex flag 'u' (unicode) is not supported");
    }

    @Test
    void regexFlagY() {
        assertAt(onlyProblem("const r = /a/y;"), 1, 14, "Regex flag 'y' (sticky) is not supported");
    }

    @Test
    void lookalikesInStringsCommentsTemplatesAndClassesPass() throws Exception {
        CompiledScript script = compiler.compile(FILE, """
                // #x and 10n and (?<a>x) in a comment
                /* (?<=a) /a/u */
                exports = function() {
                  const s = "#x (?<a>x) (?<=y) 10n";
                  const t = `#x ${'(?<a>'} /a/s`;
                  const r = /[(?<a>#]/g;
                  const escaped = /\\(?<a\\)/;
                  return [s, t, r.test('#'), escaped.test('(?<a)')];
                };
                """);
        assertEquals("[\"#x (?<a>x) (?<=y) 10n\",\"#x (?<a> /a/s\",true,true]", JsHarness.runJson(script, ""));
    }

    @Test
    void syntaxErrorReportsPositionAndCompilerMessage() {
        CompileProblem problem = onlyProblem("exports = function(payload) {\n  const x = call(1;\n};");
        assertEquals("functions/a.js:2:19: Parse error. ',' expected. Fix: correct the JavaScript syntax at that"
                + " position", problem.toString());
    }

    @Test
    void everyProblemIsReported() {
        List<CompileProblem> problems = problems("const a = 1n;\nconst b = /x/y;\nwith (a) {}");
        assertEquals(List.of("1:11", "2:14", "3:1"),
                problems.stream().map(p -> p.line() + ":" + p.column()).toList());
    }

    @Test
    void nestedQuantifierIsRefused() {
        CompileProblem problem = onlyProblem("exports = function(s) {\n  return /^(a+)+$/.test(s);\n};");
        assertAt(problem, 2, 12, "Regex /^(a+)+$/ nests a repeat inside a repeated group");
        assertTrue(problem.message().contains("catastrophically"), problem::toString);
    }

    @Test
    void ambiguousAlternationIsRefused() {
        assertAt(onlyProblem("const r = /^(a|aa)*b$/;"), 1, 13, "Regex /^(a|aa)*b$/ repeats a group whose alternatives");
    }

    @Test
    void safeRegexesPass() throws Exception {
        CompiledScript script = compiler.compile(FILE, """
                exports = function() {
                  return [/^\\d{3}(-\\d{4})+$/.test('555-1234'), /^(ab|cd)*$/.test('abcd'), /(\\s?,)*/.test(','),
                          /^[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+$/.test('a@b.co'), /(a|b)+c/i.test('ABC')];
                };
                """);
        assertEquals("[true,true,true,true,true]", JsHarness.runJson(script, ""));
    }

    @Test
    void moduleSyntaxIsRefused() {
        assertAt(onlyProblem("import x from 'y';\nexports = x;"), 1, 1, "ES module syntax (import/export) is not supported");
        assertAt(onlyProblem("\nexport default function() {}"), 2, 1, "ES module syntax (import/export) is not supported");
    }

    @Test
    void withStatementIsRefused() {
        assertAt(onlyProblem("exports = function(o) {\n  with (o) { return x; }\n};"), 2, 3, "'with' statements are not supported");
    }

    @Test
    void guardNameIsReserved() {
        assertAt(onlyProblem("exports = function() {\n  var __hs_guard__ = 1;\n};"), 2, 7, "'__hs_guard__' is reserved");
        assertAt(onlyProblem("exports = function(__hs_guard__) {};"), 1, 20, "'__hs_guard__' is reserved");
        assertAt(onlyProblem("exports = () => __hs_guard__.check();"), 1, 17, "'__hs_guard__' is reserved");
    }
}
