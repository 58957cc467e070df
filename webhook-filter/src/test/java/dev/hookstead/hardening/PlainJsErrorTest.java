package dev.hookstead.hardening;

import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, item 6: whatever threw it (the script, the engine, a platform service, a rejected promise, a stack
 * overflow), an error a function catches is a plain JS error, with no handle on Nashorn's Java exception and none of
 * Nashorn's Java stack methods. Over HTTP into embedded Tomcat.
 */
class PlainJsErrorTest {
    /** What a function learns of a caught error: its Java handles, its own names and its JSON. */
    private static final String INSPECT = """
            const inspect = (e) => {
              const names = Object.getOwnPropertyNames(e);
              for (const k in e) names.push(k);
              return [typeof e.nashornException, typeof e.getStackTrace, typeof e.printStackTrace, typeof e.dumpStack,
                typeof e.lineNumber, 'nashornException' in e, e.nashornException === undefined,
                names.filter((n) => /nashorn|^__/i.test(n)).join(','), /nashorn|java/i.test(JSON.stringify(e))].join('|');
            };
            """;
    private static final String PLAIN = "undefined|undefined|undefined|undefined|undefined|false|true||false";

    @RegisterExtension
    final TestServer server = new TestServer();

    @TempDir
    Path dataDir;

    private String call(String name, String body) {
        return call(new JsApp(), name, body);
    }

    private String call(JsApp app, String name, String body) {
        server.app(app.webhook(name, INSPECT + body)).start();
        HttpResponse<String> r = server.post(webhookPath(name), "{}");
        assertEquals(200, r.statusCode(), r::body);
        return r.body();
    }

    private void assertPlain(String name, String body) {
        assertEquals("\"" + PLAIN + "\"", call(name, body));
    }

    @Test
    void anErrorTheScriptThrows() {
        assertPlain("thrown", "exports = () => { try { throw new Error('mine'); } catch (e) { return inspect(e); } };");
    }

    @Test
    void aTypeErrorFromCallingUndefined() {
        assertPlain("typeError", "exports = () => { try { const f = undefined; f(); } catch (e) { return inspect(e); } };");
    }

    @Test
    void aSyntaxErrorFromJsonParse() {
        assertPlain("syntaxError", "exports = () => { try { JSON.parse('{'); } catch (e) { return inspect(e); } };");
    }

    @Test
    void aMongoFailureAwaitedInTryCatch() {
        server.env("HOOKSTEAD_DATA_DIR", dataDir.toString());
        assertEquals("\"" + PLAIN + "|11000\"", call(new JsApp().dataSource("mongodb-atlas"), "duplicate", """
                exports = async () => {
                  const c = context.services.get('mongodb-atlas').db('d').collection('c');
                  await c.insertOne({_id: 1});
                  try { await c.insertOne({_id: 1}); return 'inserted twice'; } catch (e) { return inspect(e) + '|' + e.code; }
                };
                """));
    }

    @Test
    void aRejectedPromiseCaughtWithCatch() {
        assertPlain("rejected", "exports = () => Promise.reject(new TypeError('no')).catch(inspect);");
        assertPlain("asyncThrow", "exports = () => (async () => { null.x; })().catch(inspect);");
        assertPlain("missingFunction", "exports = () => context.functions.execute('nowhere').catch(inspect);");
    }

    @Test
    void aRejectedPromiseAwaitedInTryCatch() {
        assertPlain("awaited", """
                exports = async () => {
                  try { await new Promise((resolve, reject) => reject(new RangeError('late'))); } catch (e) { return inspect(e); }
                };
                """);
        assertPlain("syncInAsync", "exports = async () => { try { null.x; } catch (e) { return inspect(e); } };");
    }

    @Test
    void anErrorMadeButNotThrown() {
        assertPlain("made", "exports = () => inspect(new Error('kept'));");
        assertPlain("madeByConstructor", "exports = () => inspect(new (new TypeError('x').constructor)('again'));");
        assertPlain("frozen", "exports = () => { try { throw Object.freeze(new SyntaxError('x')); } catch (e) { return inspect(e); } };");
    }

    @Test
    void aStackOverflowCaughtInTryCatchStillEndsTheCall() {
        // A stack overflow is a Java error: a catch block cannot hold it, so the call ends as it would without the
        // catch (before, the script caught the java.lang.StackOverflowError object itself).
        server.app(new JsApp().webhook("overflow", INSPECT + """
                exports = () => {
                  const deep = (n) => deep(n + 1) + 1;
                  try { deep(0); return 'no overflow'; } catch (e) { return inspect(e); }
                };
                """).webhook("after", "exports = () => 'still serving';")).start();
        HttpResponse<String> r = server.post(webhookPath("overflow"), "{}");
        assertEquals(400, r.statusCode(), r::body);
        assertTrue(r.body().startsWith("{\"error\":\"execution time limit exceeded: maximum call stack size exceeded"
                + " (infinite recursion?)\",\"error_code\":\"ExecutionTimeLimitExceeded\""), r.body());
        assertEquals("\"still serving\"", server.post(webhookPath("after"), "{}").body());
    }

    @Test
    void theStackListsScriptFramesOnlyAndMessagesStay() {
        String result = call("stack", """
                exports = () => {
                  try { null.x; } catch (e) {
                    return [e.name, e instanceof TypeError, e instanceof Error, String(e), e.stack, new RangeError('r').stack].join('|');
                  }
                };
                """);
        assertTrue(result.startsWith("\"TypeError|true|true|TypeError: Cannot get property \\\"x\\\" of null|"), result);
        assertTrue(result.contains("(scripts/webhooks/stack.js:"), result);
        assertTrue(result.contains("RangeError: r\\n\\tat exports (scripts/webhooks/stack.js:"), result);
        for (String java : new String[]{"jdk.nashorn", "org.openjdk", "dev.hookstead", ".java", "at made"}) {
            assertFalse(result.contains(java), result);
        }
    }

    @Test
    void anUncaughtErrorStillAnswersWithItsMessage() {
        server.app(new JsApp().webhook("uncaught", "exports = () => { try { null.x; } catch (e) { throw e; } };")).start();
        HttpResponse<String> r = server.post(webhookPath("uncaught"), "{}");
        assertEquals(400, r.statusCode(), r::body);
        assertEquals("{\"error\":\"TypeError: Cannot get property \\\"x\\\" of null\",\"error_code\":"
                + "\"FunctionExecutionError\",\"link\":null}", r.body().replaceAll("\"link\":\"[^\"]*\"", "\"link\":null"));
    }
}
