package dev.hookstead.hardening;

import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestServer;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 18, item 2: a call that allocates more than its budget (hookstead.function.maxMemory) ends with a JSON
 * error, with its invocation line written, and the server keeps serving. Over HTTP into embedded Tomcat.
 */
class MemoryBudgetTest {

    @RegisterExtension
    final TestServer server = new TestServer();

    private static BsonDocument json(HttpResponse<String> r) {
        return BsonDocument.parse(r.body());
    }

    private void assertOverBudget(HttpResponse<String> r, int megabytes) {
        assertEquals(400, r.statusCode(), r::body);
        assertEquals("FunctionExecutionError", json(r).getString("error_code").getValue());
        assertEquals("execution memory limit exceeded: the function allocated more than " + megabytes
                + " MB (hookstead.function.maxMemory)", json(r).getString("error").getValue());
    }

    @Test
    void theIssuesHugeStringsEndWithAJsonErrorUnderTheDefaultBudget() {
        server.app(new JsApp()
                .webhook("returnHuge", "exports = () => 'x'.repeat(3e8);")
                .webhook("upperHuge", "exports = () => 'x'.repeat(1e9).toUpperCase().length;")
                .webhook("small", "exports = () => 'x'.repeat(1000).toUpperCase().length;")).start();
        assertOverBudget(server.post(webhookPath("returnHuge"), "{}"), 350);
        assertOverBudget(server.post(webhookPath("upperHuge"), "{}"), 350);
        HttpResponse<String> small = server.post(webhookPath("small"), "{}");
        assertEquals(200, small.statusCode(), small::body);
        assertEquals("{\"$numberInt\":\"1000\"}", small.body());
        long lines = server.logs().lines().filter(l -> l.contains("status=400 errorCode=FunctionExecutionError")).count();
        assertEquals(2, lines, server::logs);
    }

    @Test
    void aLoopThatKeepsAllocatingIsStoppedByTheGuardsAtTheConfiguredBudget() {
        server.env("HOOKSTEAD_FUNCTION_MAXMEMORY", "64").app(new JsApp()
                .webhook("hoard", "exports = () => { const kept = []; for (;;) kept.push(new Array(1000).fill(1)); };")
                .webhook("churn", """
                        exports = () => { let n = 0; for (let i = 0; i < 1e7; i++) n += [i, i + 1].length; return n; };
                        """)
                .webhook("modest", "exports = () => JSON.stringify(new Array(10000).fill({a: 1})).length;")).start();
        assertOverBudget(server.post(webhookPath("hoard"), "{}"), 64);
        // Garbage counts too: allocated bytes, as JVM sandboxes measure, not what stays reachable.
        assertOverBudget(server.post(webhookPath("churn"), "{}"), 64);
        HttpResponse<String> modest = server.post(webhookPath("modest"), "{}");
        assertEquals(200, modest.statusCode(), modest::body);
    }

    @Test
    void aBudgetThatIsNotANumberFailsDeployment() {
        server.env("HOOKSTEAD_FUNCTION_MAXMEMORY", "lots").app(new JsApp().webhook("any", "exports = () => 1;")).start();
        assertFalse(server.started());
        assertEquals("hookstead.function.maxMemory: value \"lots\" is not a number of megabytes (a whole number above"
                + " 0); set e.g. 350", server.filter().initFailure.getMessage());
    }
}
