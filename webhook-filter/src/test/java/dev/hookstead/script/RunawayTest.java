package dev.hookstead.script;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runaway code ends with ExecutionTimeLimitExceeded within the limit + 10%, and the runtime keeps serving. */
class RunawayTest {
    /** Long enough that 10% (250 ms) is more than scheduler and GC jitter on a busy 2-core machine. */
    private static final long LIMIT_MS = 2500;
    private static Scripts s;

    @BeforeAll
    static void start() {
        // No memory budget here: promise loops allocate past 350 MB within the limit, and this test is about time.
        s = new Scripts(Scripts.fastOptions().withFunctionTimeout(Duration.ofMillis(LIMIT_MS))
                .withMaxMemoryBytes(Long.MAX_VALUE / 2));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "exports = () => { while (true) {} };",
            "exports = () => { for (;;) { try { while (true) {} } catch (e) {} } };",
            "exports = () => { for (;;) { try { for (;;); } catch (e) { continue; } finally { continue; } } };",
            "exports = () => { try { return 1; } finally { while (true) {} } };",
            "exports = () => { const tick = () => setTimeout(tick, 0); tick(); return new Promise(() => {}); };",
            "exports = () => [3, 2, 1].sort((a, b) => { while (true) {} });",
            "exports = () => new Promise(resolve => setTimeout(resolve, 60000));",
            "exports = async () => { try { while (true) {} } catch (e) { return 'swallowed'; } };",
    })
    void endsWithinTheLimit(String source) {
        endsWithin(source, LIMIT_MS * 11 / 10);
    }

    @Test
    void aRecursionThatCatchesItsStackOverflowEndsWithIt() {
        // No catch block holds a Java error (issue 18, item 6): the overflow ends the call, well before the deadline.
        var script = s.js("exports = () => { function f() { try { return f(); } catch (e) { return f(); } } return f(); };");
        HookError e = assertThrows(HookError.class, () -> s.http(script));
        assertEquals(ErrorCode.ExecutionTimeLimitExceeded, e.code(), e.getMessage());
        assertEquals("execution time limit exceeded: maximum call stack size exceeded (infinite recursion?)", e.getMessage());
        assertEquals("{\"$numberInt\": \"42\"}", s.returns("exports = () => 42;"));
    }

    /**
     * Promise-heavy loops: after the deadline the Promise polyfill still unwinds its pending reactions (its own,
     * unguarded code, proportional to the chain built), and these loops allocate enough to meet GC pauses on a busy
     * machine. Bounded, but looser than plain loops.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "exports = async () => { while (true) { await null; } };",
            "exports = () => { const f = () => Promise.resolve().then(f); return f(); };",
    })
    void promiseLoopsEndSoonAfterTheLimit(String source) {
        endsWithin(source, LIMIT_MS * 3 / 2);
    }

    private static void endsWithin(String source, long maxMs) {
        var script = s.js(source);
        // Untimed first run: Nashorn compiles the script (the class is shared by every global afterwards).
        assertThrows(HookError.class, () -> s.http(script));
        cycleThePool();
        long start = System.nanoTime();
        HookError e = assertThrows(HookError.class, () -> s.http(script));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ErrorCode.ExecutionTimeLimitExceeded, e.code(), e.getMessage());
        assertEquals("execution time limit exceeded", e.getMessage());
        assertTrue(elapsedMs <= maxMs, "ended after " + elapsedMs + " ms");
        assertEquals("{\"$numberInt\": \"42\"}", s.returns("exports = () => 42;"));
    }

    /** Calls once per slot, so the global discarded after a timeout is rebuilt outside the timed window. */
    private static void cycleThePool() {
        for (int i = 0; i < 2; i++) assertEquals("{\"$numberInt\": \"42\"}", s.returns("exports = () => 42;"));
    }

    @Test
    void infiniteRecursionIsATimeLimitError() {
        HookError e = assertThrows(HookError.class, () -> s.http("exports = () => { function f(n) { return f(n + 1) + 1; } return f(0); };"));
        assertEquals(ErrorCode.ExecutionTimeLimitExceeded, e.code());
        assertTrue(e.getMessage().contains("call stack"), e.getMessage());
        assertEquals("{\"$numberInt\": \"42\"}", s.returns("exports = () => 42;"));
    }

    @Test
    void catastrophicRegexInputIsBounded() {
        try (Scripts small = new Scripts(Scripts.fastOptions().withMaxRegexInputLength(50))) {
            HookError e = assertThrows(HookError.class, () -> small.http(small.es5(
                    "exports = function () { return /(a+)+b/.test(new Array(60).join('a')); };")));
            assertEquals(ErrorCode.FunctionExecutionError, e.code());
            assertTrue(e.getMessage().contains("RegExp.prototype.test") && e.getMessage().contains("limit of 50"), e.getMessage());
            for (String call : new String[]{"s.match(/a/)", "s.replace(/a/g, 'b')", "s.search(/a/)", "s.split(/a/)",
                    "/a/.exec(s)", "s.match('a')"}) {
                HookError m = assertThrows(HookError.class, () -> small.http(small.es5(
                        "exports = function () { var s = new Array(60).join('a'); return " + call + "; };")));
                assertTrue(m.getMessage().contains("exceeds the regular expression input limit"), call + ": " + m.getMessage());
            }
            // Plain string arguments are no regular expressions: not bounded.
            assertEquals("\"bbb\"", dev.hookstead.bson.Ejson.canonical(small.http(small.es5(
                    "exports = function () { var s = new Array(60).join('a'); return s.replace('a', 'b').split('a').length > 1 ? 'bbb' : 'x'; };")).returnValue()));
        }
    }

    @Test
    void regexStaticsDoNotLeakAcrossCalls() {
        s.http(s.es5("exports = function () { /(secret-\\d+)/.exec('token secret-42 here'); return RegExp.$1; };"));
        assertEquals("\"||\"", dev.hookstead.bson.Ejson.canonical(s.http(s.es5(
                "exports = function () { return RegExp.$1 + '|' + RegExp.lastMatch + '|' + RegExp.input; };")).returnValue()));
    }
}
