package dev.hookstead.script;

import dev.hookstead.bson.Ejson;
import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.pipeline.AppUser;
import dev.hookstead.pipeline.FunctionResult;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.HttpRequestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Nothing one call does is visible to the next, whichever global serves it. */
class IsolationTest {
    private static Scripts s;

    @BeforeAll
    static void start() {
        s = new Scripts(Scripts.fastOptions().withPoolSize(4).withFunctionTimeout(Duration.ofSeconds(5))
                .withAcquireTimeout(Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void moduleStateIsFreshOnEveryCall() {
        ScriptRef counter = s.js("let count = 0;\nexports = function () { return ++count; };");
        for (int i = 0; i < 10; i++) {
            assertEquals("{\"$numberInt\": \"1\"}", Ejson.canonical(s.http(counter).returnValue()));
        }
    }

    @Test
    void moduleExportsFormWorksToo() {
        assertEquals("\"m\"", s.returns("module.exports = function () { return 'm'; };"));
    }

    @Test
    void implicitGlobalsWorkWithinACallAndAreGoneAfterIt() {
        ScriptRef writer = s.es5("exports = function () { leaked = 'sloppy'; leaked += '!'; (function () { return this; })().leaked2 = 'this'; return leaked + typeof leaked2; };");
        ScriptRef reader = s.es5("exports = function () { return typeof leaked + ',' + typeof (function () { return this; })().leaked2; };");
        for (int i = 0; i < 6; i++) assertEquals("\"sloppy!string\"", Ejson.canonical(s.http(writer).returnValue()));
        assertEquals("\"undefined,undefined\"", Ejson.canonical(s.http(reader).returnValue()));
    }

    @Test
    void anUndeletableGlobalGetsTheGlobalDiscarded() {
        ScriptRef sticky = s.es5("exports = function () { Object.defineProperty((function () { return this; })(), 'sticky', {value: 1}); return typeof sticky; };");
        ScriptRef reader = s.es5("exports = function () { return typeof sticky; };");
        for (int i = 0; i < 6; i++) s.http(sticky);
        for (int i = 0; i < 8; i++) assertEquals("\"undefined\"", Ejson.canonical(s.http(reader).returnValue()));
    }

    @Test
    void globalThisAssignmentDoesNotLeak() {
        ScriptRef writer = s.js("exports = () => { globalThis.shared = 'x'; return String(globalThis.shared); };");
        for (int i = 0; i < 6; i++) s.http(writer);
        assertEquals("\"undefined\"", s.returns("exports = () => typeof globalThis.shared;"));
    }

    @Test
    void prototypePollutionDoesNotLeak() {
        ScriptRef polluter = s.js("exports = () => { Object.prototype.isAdmin = true; Array.prototype.map = () => 'bad'; String.prototype.trim = () => 'bad'; return 1; };");
        for (int i = 0; i < 6; i++) s.http(polluter);
        assertEquals("\"undefined|2|x\"", s.returns("exports = () => ({}).isAdmin + '|' + [1].map(x => x + 1)[0] + '|' + ' x '.trim();"));
    }

    @Test
    void contextBelongsToTheCurrentRequest() {
        ScriptRef ref = s.js("exports = () => context.request.action + ':' + context.user.type;");
        for (String action : List.of("first", "second", "third")) {
            HttpRequestData request = withAction(action);
            FunctionResult r = s.runtime.runHttp(ref, FunctionRunner.PayloadStyle.RAW, request, AppUser.SYSTEM, "t");
            assertEquals("\"" + action + ":system\"", Ejson.canonical(r.returnValue()));
        }
    }

    @Test
    void contextCapturedByOneCallIsNotTheNextOne() {
        // A closure kept in module state is rebuilt per call anyway; context read later reads the live request.
        ScriptRef ref = s.js("const captured = context;\nexports = () => captured === context && context.request.action;");
        assertEquals("\"one\"", Ejson.canonical(s.runtime.runHttp(ref, FunctionRunner.PayloadStyle.RAW, withAction("one"), AppUser.SYSTEM, "t").returnValue()));
        assertEquals("\"two\"", Ejson.canonical(s.runtime.runHttp(ref, FunctionRunner.PayloadStyle.RAW, withAction("two"), AppUser.SYSTEM, "t").returnValue()));
    }

    @Test
    void asyncWorkLeftByAFailedCallNeverRunsInTheNext() {
        ScriptRef failing = s.js("exports = () => { setTimeout(() => console.log('LEFTOVER from A'), 0); Promise.resolve().then(() => console.log('LEFTOVER promise from A')); throw new Error('A failed'); };");
        ScriptRef next = s.js("exports = async () => { await null; await new Promise(r => setTimeout(r, 5)); console.log('B'); return 'B'; };");
        for (int i = 0; i < 4; i++) {
            assertThrows(HookError.class, () -> s.http(failing));
            FunctionResult b = s.http(next);
            assertEquals(List.of("B"), b.console());
        }
    }

    @Test
    void concurrentCallsEachSeeTheirOwnContext() throws Exception {
        ScriptRef ref = s.js("exports = async (payload) => {\n"
                + "  const before = context.request.action;\n"
                + "  for (let i = 0; i < 20; i++) { await new Promise(r => setTimeout(r, 1)); }\n"
                + "  return before + '|' + context.request.action + '|' + payload.query.who;\n"
                + "};");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String who = "caller" + i;
                results.add(pool.submit(() -> {
                    HttpRequestData base = withAction(who);
                    HttpRequestData request = new HttpRequestData(base.httpMethod(), base.headers(), Map.of("who", who),
                            base.rawQueryString(), null, base.remoteIPAddress(), base.webhookUrl(), base.service(), who);
                    return Ejson.canonical(s.runtime.runHttp(ref, FunctionRunner.PayloadStyle.RAW, request, AppUser.SYSTEM, who).returnValue());
                }));
            }
            for (int i = 0; i < 16; i++) {
                String who = "caller" + i;
                assertEquals("\"" + who + "|" + who + "|" + who + "\"", results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static HttpRequestData withAction(String action) {
        HttpRequestData r = Scripts.request(null);
        return new HttpRequestData(r.httpMethod(), r.headers(), r.query(), r.rawQueryString(), r.body(),
                r.remoteIPAddress(), r.webhookUrl(), r.service(), action);
    }
}
