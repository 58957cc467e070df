package dev.hookstead.script.compile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuardsTest {

    private static final String G = Guards.CHECK;
    private static final String PLAIN_E = Guards.PLAIN + "(e);";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "function f(a){return a;}|function f(a){" + G + "return a;}",
            "var f = function(){};|var f = function(){" + G + "};",
            "var o = {get y(){return 1}, set y(v){}};|var o = {get y(){" + G + "return 1}, set y(v){" + G + "}};",
            "for(;;){x();}|for(;;){" + G + "x();}",
            "for(;;) x();|for(;;) {" + G + "x();}",
            "for(;;);|for(;;){" + G + ";}",
            "for (k in o) z();|for (k in o) {" + G + "z();}",
            "for (k in o) {z()}|for (k in o) {" + G + "z()}",
            "while(a) b = 'q'|while(a) {" + G + "b = 'q'}",
            "while(a) \"s\".length;|while(a) {" + G + "\"s\".length;}",
            "do x(); while(0)|do{" + G + " x();} while(0)",
            "do {x()} while(0)|do {" + G + "x()} while(0)",
            "do var s = 'a'; while(0)|do{" + G + " var s = 'a';} while(0)",
            "lbl: do x(); while(0)|lbl: do{" + G + " x();} while(0)",
            "for(;;) var a = 1, b = 'x';|for(;;) {" + G + "var a = 1, b = 'x';}",
            "for(;;) var a = 1, b = 'x'|for(;;) {" + G + "var a = 1, b = 'x'}",
            "while(a) (function(){})();|while(a) {" + G + "(function(){" + G + "})();}",
            "while(a) x = 'a\\'';|while(a) {" + G + "x = 'a\\'';}",
            "for(;;) for(;;) break;|for(;;) {" + G + "for(;;) {" + G + "break;}}",
            "while(a) if (b) c(); else d();|while(a) {" + G + "if (b) c(); else d();}",
            "try { a() } catch(e) { b() }|try { a() } catch(e) {" + G + PLAIN_E + " b() }",
            "try { a() } finally { c() }|try { a() } finally {" + G + " c() }",
            "try {} catch(e) {} finally {}|try {} catch(e) {" + G + PLAIN_E + "} finally {" + G + "}",
            "function f(){ 'use strict'; g(); }|function f(){ 'use strict';" + G + " g(); }",
    })
    void insertsAChecksAtEachGuardedPlace(String es5, String expected) {
        assertEquals(expected, Guards.instrument(es5));
    }

    @Test
    void guardsAfterADirectiveWithoutSemicolon() {
        assertEquals("function f(){ \"use strict\";" + G + "\n g(); }",
                Guards.instrument("function f(){ \"use strict\"\n g(); }"));
    }

    @Test
    void aLeadingStringExpressionIsNotADirective() {
        assertEquals("function f(){" + G + " 'a' + b; }", Guards.instrument("function f(){ 'a' + b; }"));
    }

    @Test
    void keepsLineNumbers() {
        String es5 = "function f() {\n  while (a)\n    b();\n  try {\n  } catch (e) {\n  }\n}\n";
        String instrumented = Guards.instrument(es5);
        assertEquals(es5.lines().count(), instrumented.lines().count());
        assertEquals(3, instrumented.split(java.util.regex.Pattern.quote(G), -1).length - 1, instrumented);
    }

    @Test
    void refusesUnparseableText() {
        Guards.UnparseableException e = assertThrows(Guards.UnparseableException.class,
                () -> Guards.instrument("var a = 1;\nvar = ;"));
        assertEquals(2, e.line());
    }

    @Test
    void everyFunctionOfTranspiledOutputStartsWithACheck() throws Exception {
        String es5 = new ScriptCompiler().compile("functions/g.js", """
                class A { get x() { return 1; } static s() {} }
                function* gen() { yield 1; }
                exports = async function(p) {
                  for (const x of [1]) { await x; }
                  return [1].map(v => v + 1);
                };
                """).es5();
        java.util.regex.Matcher header = java.util.regex.Pattern
                .compile("function\\s*[\\w$]*\\([^)]*\\)\\s*\\{").matcher(es5);
        int functions = 0;
        while (header.find()) {
            functions++;
            assertTrue(es5.startsWith(G, header.end()), () -> "unguarded function at " + header.start() + ":\n" + es5);
        }
        assertTrue(functions >= 8, es5);
    }

    // Behaviour: runaway code stops with the guard's exception, whatever the script does to catch it.

    private static void assertStopped(String source, TestGuard guard) {
        CompiledScript script = compileUnchecked(source);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                JsHarness.Outcome outcome = JsHarness.run(script, guard, "");
                assertTrue(outcome.rejected(), "the call returned normally");
                assertTrue(outcome.error() instanceof TestGuard.Tripped, "rejected with " + outcome.error());
            } catch (TestGuard.Tripped expected) {
                // thrown synchronously: stopped
            }
        });
    }

    private static CompiledScript compileUnchecked(String source) {
        try {
            return new ScriptCompiler().compile("functions/loop.js", source);
        } catch (ScriptCompileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void stopsAnEmptyInfiniteLoopTrippedFromAnotherThread() {
        TestGuard guard = TestGuard.never();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(guard::trip, 100, TimeUnit.MILLISECONDS);
            assertStopped("exports = function() { while (true) {} };", guard);
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void stopsALoopThatSwallowsExceptions() {
        assertStopped("function x() { throw new Error('again'); }\n"
                + "exports = function() { for (;;) { try { x(); } catch (e) {} } };", TestGuard.afterCalls(5_000));
    }

    @Test
    void stopsAnInfiniteFinally() {
        assertStopped("exports = function() { try { while (true) {} } finally { for (;;) {} } };",
                TestGuard.afterCalls(5_000));
    }

    @Test
    void stopsAnInfiniteAsyncLoop() {
        assertStopped("exports = async function() { while (true) { await null; } };", TestGuard.afterCalls(5_000));
    }

    @Test
    void stopsAnAsyncLoopThatSwallowsExceptions() {
        assertStopped("exports = async function() { while (true) { try { await null; } catch (e) {} finally {} } };",
                TestGuard.afterCalls(5_000));
    }

    @Test
    void stopsInfiniteRecursionThroughPromises() {
        assertStopped("function again() { return Promise.resolve().then(again); }\nexports = again;",
                TestGuard.afterCalls(5_000));
    }

    @Test
    void topLevelArgumentsCannotReplaceTheGuard() {
        assertStopped("arguments[0] = { check: function() {} };\nexports = function() { for (;;) {} };",
                TestGuard.afterCalls(5_000));
    }
}
