package dev.hookstead.hardening;

import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestServer;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, item 1: a regex, literal or built from the request at run time, cannot hold a worker past the function's
 * deadline, and a pool full of such calls leaves the server serving. Over HTTP into embedded Tomcat.
 */
class RegexDeadlineTest {
    /** Catastrophic for every backtracking engine (polynomial of degree 12), and not refused at build time. */
    private static final String CATASTROPHIC = "^(.*a){12}$";
    private static final String ALMOST = "'a'.repeat(50) + 'b'";

    @RegisterExtension
    final TestServer server = new TestServer();

    private static String errorCode(HttpResponse<String> r) {
        return BsonDocument.parse(r.body()).getString("error_code").getValue();
    }

    private void serve() {
        server.env("HOOKSTEAD_FUNCTION_TIMEOUT", "1").env("HOOKSTEAD_ENGINE_POOLSIZE", "2").app(new JsApp()
                .webhook("search", "exports = (payload) => new RegExp(payload.query.q).test(" + ALMOST + ");")
                .webhook("literal", "exports = () => /" + CATASTROPHIC + "/.test(" + ALMOST + ");")
                .webhook("caught", "exports = () => { for (;;) { try { return /" + CATASTROPHIC + "/.test("
                        + ALMOST + "); } catch (e) { } } };")
                .webhook("other", "exports = () => 'still serving';")).start();
    }

    private HttpResponse<String> timed(String path, long maxMillis) {
        long start = System.nanoTime();
        HttpResponse<String> r = server.post(path, "{}");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < maxMillis, path + " answered after " + millis + " ms");
        return r;
    }

    @Test
    void aRegexBuiltFromTheRequestEndsAtTheDeadline() {
        serve();
        String q = URLEncoder.encode(CATASTROPHIC, StandardCharsets.UTF_8);
        HttpResponse<String> r = timed(webhookPath("search") + "?q=" + q, 10_000);
        assertEquals(400, r.statusCode(), r::body);
        assertEquals("ExecutionTimeLimitExceeded", errorCode(r));
    }

    @Test
    void theIssuesPatternAnswersAtOnce() {
        serve();
        HttpResponse<String> r = timed(webhookPath("search") + "?q=" + URLEncoder.encode("^(a+)+$",
                StandardCharsets.UTF_8), 10_000);
        assertEquals(200, r.statusCode(), r::body);
        assertEquals("false", r.body());
    }

    @Test
    void aLiteralRegexEndsAtTheDeadlineEvenWhenTheScriptCatchesAndRetries() {
        serve();
        for (String hook : List.of("literal", "caught")) {
            HttpResponse<String> r = timed(webhookPath(hook), 10_000);
            assertEquals(400, r.statusCode(), r::body);
            assertEquals("ExecutionTimeLimitExceeded", errorCode(r));
        }
    }

    @Test
    void moreCatastrophicCallsThanWorkersLeaveOtherWebhooksServing() {
        serve();
        String path = webhookPath("search") + "?q=" + URLEncoder.encode(CATASTROPHIC, StandardCharsets.UTF_8);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) calls.add(CompletableFuture.supplyAsync(() -> server.post(path, "{}")));
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> r = call.join();
            assertTrue(r.statusCode() == 400 || r.statusCode() == 503, r::body);
        }
        HttpResponse<String> other = timed(webhookPath("other"), 10_000);
        assertEquals(200, other.statusCode(), other::body);
        assertEquals("\"still serving\"", other.body());
    }

    @Test
    void regexesKeepJavaScriptMeaningUnderTheGuardedEngine() {
        server.app(new JsApp().webhook("semantics", """
                exports = () => [
                  /^\\s+$/.test('\\u00a0\\u2028 \\t\\ufeff'), /^[\\s]$/.test('\\u3000'), /^\\S$/.test('\\u00a0'),
                  /[^\\s]/.test('\\u2029'), 'a b\\u00a0c'.split(/\\s/).length, /(\\w+)@(\\w+)/.exec('me@host')[2],
                  'aXbXc'.replace(/x/gi, '-'), /^("(?:[^"\\\\]|\\\\.)*")$/.test('"' + 'ab'.repeat(40000) + '"'),
                  /(a)|b/.exec('b')[1] === undefined, 'x1y22'.match(/\\d+/g).join(',')
                ];
                """)).start();
        HttpResponse<String> r = server.post(webhookPath("semantics"), "{}");
        assertEquals(200, r.statusCode(), r::body);
        assertEquals("[true,true,false,false,{\"$numberInt\":\"3\"},\"host\",\"a-b-c\",true,true,\"1,22\"]", r.body());
    }
}
