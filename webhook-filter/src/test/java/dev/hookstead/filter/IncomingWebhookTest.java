package dev.hookstead.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestApps;
import dev.hookstead.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.*;

/** Incoming webhooks end to end: real HTTP, functions compiled by the real toolchain, the real script runtime. */
class IncomingWebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED_BODY = "{\"message\":\"MESSAGE\"}";
    private static final String SEED_SIGNATURE = "sha256=828ee180512eaf8a6229eda7eea72323f68e9c0f0093b11a578b0544c5777862";

    @RegisterExtension
    final TestServer server = new TestServer();

    private static WebhookDef hook(String name, String method, ValidationMethod validation, boolean respondResult) {
        return TestApps.webhook(name, method, validation, validation == ValidationMethod.NO_VALIDATION ? null : "12345",
                respondResult);
    }

    private static WebhookDef withCanEvaluate(WebhookDef w, String expression) throws Exception {
        return new WebhookDef(w.service(), w.serviceType(), w.name(), w.httpMethod(), w.validationMethod(), w.secret(),
                w.secretName(), w.respondResult(), w.runAs(), JSON.readTree(expression), w.disableArgLogs(),
                w.fetchCustomUserData(), w.createUserOnAuth(), w.script(), w.source());
    }

    @Test
    void theSeedSignatureCurlReachesAnAsyncFunction() {
        server.app(new JsApp().webhook(hook("signed", "POST", ValidationMethod.VERIFY_PAYLOAD, true), """
                exports = async function({ body }, response) {
                  const { message } = JSON.parse(body.text());
                  const later = await new Promise((resolve) => setTimeout(() => resolve(message.length), 0));
                  return { message, length: later, items: [1, 2, 3].length, pi: 3.14159 };
                };
                """)).start();
        HttpResponse<String> ok = server.post(webhookPath("signed"), SEED_BODY,
                "Content-Type", "application/json", "X-Hook-Signature", SEED_SIGNATURE);
        assertEquals(200, ok.statusCode(), ok::body);
        assertEquals("{\"message\":\"MESSAGE\",\"length\":{\"$numberInt\":\"7\"},\"items\":{\"$numberInt\":\"3\"},"
                + "\"pi\":{\"$numberDouble\":\"3.14159\"}}", ok.body());

        HttpResponse<String> forged = server.post(webhookPath("signed"), SEED_BODY, "X-Hook-Signature", "sha256=00");
        assertEquals(401, forged.statusCode());
        assertEquals("IncomingWebhookAuthFailed", field(forged, "error_code"));
        assertEquals("invalid signature in X-Hook-Signature", field(forged, "error"));

        HttpResponse<String> unsigned = server.post(webhookPath("signed"), SEED_BODY);
        assertEquals(401, unsigned.statusCode());
        assertEquals("IncomingWebhookAuthFailed", field(unsigned, "error_code"));
        assertEquals("missing X-Hook-Signature header", field(unsigned, "error"), "tells the caller what to add");
    }

    @Test
    void theSecretQueryCurlAndTheMethodSwitch() {
        server.app(new JsApp().webhook(hook("status", "ANY", ValidationMethod.SECRET_AS_QUERY_PARAM, true), """
                exports = function(payload, response) {
                  switch (context.request.httpMethod) {
                    case "GET": return { raw: context.request.rawQueryString, query: payload.query, body: typeof payload.body };
                    case "POST": return { got: JSON.parse(payload.body.text()).message };
                    default: response.setStatusCode(405); response.setBody("no " + context.request.httpMethod);
                  }
                };
                """)).start();
        HttpResponse<String> get = server.get(webhookPath("status") + "?secret=12345&someParam=42");
        assertEquals(200, get.statusCode(), get::body);
        assertEquals("{\"raw\":\"someParam=42\",\"query\":{\"someParam\":\"42\"},\"body\":\"undefined\"}", get.body());

        HttpResponse<String> post = server.post(webhookPath("status") + "?secret=12345", SEED_BODY,
                "Content-Type", "application/json");
        assertEquals("{\"got\":\"MESSAGE\"}", post.body());

        HttpResponse<String> put = server.send(server.request(webhookPath("status") + "?secret=12345")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("x")).build());
        assertEquals(405, put.statusCode());
        assertEquals("no PUT", put.body());

        assertEquals(401, server.get(webhookPath("status") + "?secret=nope").statusCode());
    }

    @Test
    void onceAResponseMethodIsCalledTheReturnValueIsIgnored() {
        server.app(new JsApp().webhook(hook("hello", "GET", ValidationMethod.NO_VALIDATION, true), """
                exports = function(payload, response) {
                  response.setStatusCode(202);
                  response.addHeader("X-Trace", "a");
                  response.addHeader("X-Trace", "b");
                  return "Hello world";
                };
                """)).start();
        HttpResponse<String> r = server.get(webhookPath("hello"));
        assertEquals(202, r.statusCode());
        assertEquals("", r.body());
        assertEquals(java.util.List.of("a", "b"), r.headers().allValues("X-Trace"));
    }

    @Test
    void aThrownErrorIsAFunctionExecutionErrorWithTheJsMessageOnly() {
        server.app(new JsApp().webhook("boom", """
                class PaymentError extends Error {}
                exports = async function() {
                  await null;
                  throw new PaymentError("card declined");
                };
                """)).start();
        HttpResponse<String> r = server.post(webhookPath("boom"), "{}");
        assertEquals(400, r.statusCode());
        assertEquals("FunctionExecutionError", field(r, "error_code"));
        assertTrue(field(r, "error").contains("card declined"), r.body());
        assertFalse(r.body().contains("java.") || r.body().contains("jdk.") || r.body().contains("Exception"), r.body());
        assertTrue(server.logs().contains("sources/webhooks/boom.js:4"),
                "the server log points at the user's own line\n" + server.logs());
    }

    @Test
    void runawayCodeEndsWithinTheLimitAndTheServerKeepsServing() {
        // The swallowing loop allocates past the default memory budget within 2 s; this test is about time.
        server.env("HOOKSTEAD_FUNCTION_TIMEOUT", "2").env("HOOKSTEAD_FUNCTION_MAXMEMORY", "100000")
                .app(new JsApp()
                        .webhook("spin", "exports = function() { while (true) {} };")
                        .webhook("swallow", "exports = function() { for (;;) { try { JSON.parse('{'); } catch (e) {} } };")
                        .webhook("recurse", "function f(n) { return f(n + 1) + 1; } exports = function() { return f(0); };")
                        .webhook("ok", "exports = function() { return 'fine'; };"))
                .start();
        for (String name : new String[]{"spin", "swallow", "recurse"}) {
            CompletableFuture<HttpResponse<String>> stuck = CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                HttpResponse<String> r = server.post(webhookPath(name), "{}");
                assertTrue(System.nanoTime() - start < 2_200_000_000L + 300_000_000L, name + " ended too late");
                return r;
            });
            HttpResponse<String> meanwhile = server.post(webhookPath("ok"), "{}");
            assertEquals("\"fine\"", meanwhile.body(), "other requests are served while " + name + " runs");
            HttpResponse<String> r = stuck.join();
            assertEquals(400, r.statusCode(), name + ": " + r.body());
            assertEquals("ExecutionTimeLimitExceeded", field(r, "error_code"), name + ": " + r.body());
        }
        assertEquals("\"fine\"", server.post(webhookPath("ok"), "{}").body());
    }

    @Test
    void theSandboxHoldsOverHttp() {
        server.app(new JsApp().webhook("escape", """
                exports = function() {
                  const tries = [
                    () => Java.type("java.lang.System").exit(1),
                    () => this.engine.factory.getScriptEngine(),
                    () => quit(),
                    () => load("/etc/passwd"),
                    () => Function("return this")().Packages,
                  ];
                  return tries.map((t) => { try { t(); return "escaped"; } catch (e) { return "blocked"; } });
                };
                """)).start();
        HttpResponse<String> r = server.post(webhookPath("escape"), "{}");
        assertEquals("[\"blocked\",\"blocked\",\"blocked\",\"blocked\",\"blocked\"]", r.body());
    }

    @Test
    void canEvaluateDeniesByIpAndDelegatesToAFunction() throws Exception {
        server.app(new JsApp()
                .function("isAllowed", true, "exports = function(ip) { return ip === '127.0.0.1'; };")
                .webhook(withCanEvaluate(hook("denied", "POST", ValidationMethod.NO_VALIDATION, true),
                        "{\"%%request.remoteIPAddress\": {\"$nin\": [\"127.0.0.1\", \"::1\"]}}"), "exports = () => 'in';")
                .webhook(withCanEvaluate(hook("viaFunction", "POST", ValidationMethod.NO_VALIDATION, true),
                        "{\"%%true\": {\"%function\": {\"name\": \"isAllowed\", \"arguments\": [\"%%request.remoteIPAddress\"]}}}"),
                        "exports = () => 'in';"))
                .start();
        HttpResponse<String> denied = server.post(webhookPath("denied"), "{}");
        assertEquals(403, denied.statusCode(), denied::body);
        assertEquals("NoMatchingRule", field(denied, "error_code"));
        HttpResponse<String> allowed = server.post(webhookPath("viaFunction"), "{}");
        assertEquals("\"in\"", allowed.body(), allowed::body);
    }

    @Test
    void canEvaluateSeesTheEnvironmentsValuesAsContextDoes() throws Exception {
        server.app(new JsApp().environment("production", "{\"region\": \"eu\"}")
                .webhook(withCanEvaluate(hook("eu", "POST", ValidationMethod.NO_VALIDATION, true),
                        "{\"%%environment.values.region\": \"eu\", \"%%environment.tag\": \"production\"}"),
                        "exports = () => context.environment.values.region;")
                .webhook(withCanEvaluate(hook("us", "POST", ValidationMethod.NO_VALIDATION, true),
                        "{\"%%environment.values.region\": \"us\"}"), "exports = () => 'in';"))
                .start();
        HttpResponse<String> eu = server.post(webhookPath("eu"), "{}");
        assertEquals(200, eu.statusCode(), eu::body);
        assertEquals("\"eu\"", eu.body());
        HttpResponse<String> us = server.post(webhookPath("us"), "{}");
        assertEquals(403, us.statusCode(), us::body);
        assertEquals("NoMatchingRule", field(us, "error_code"));
    }

    @Test
    void aRunAsScriptPicksTheUser() {
        JsApp app = new JsApp();
        WebhookDef base = hook("whoami", "POST", ValidationMethod.NO_VALIDATION, true);
        RunAs script = new RunAs(RunAs.Mode.SCRIPT, null, app.compile("runAs/whoami", """
                exports = function(payload) {
                  const { user } = JSON.parse(payload.body.text());
                  return user ? user : { runAsSystem: true };
                };
                """));
        app.webhook(new WebhookDef(base.service(), base.serviceType(), base.name(), base.httpMethod(),
                base.validationMethod(), null, null, true, script, null, false, false, false, null, base.source()),
                "exports = () => ({ id: context.user.id ?? null, type: context.user.type, system: context.runningAsSystem() });");
        server.app(app).start();
        assertEquals("{\"id\":\"alice\",\"type\":\"normal\",\"system\":false}",
                server.post(webhookPath("whoami"), "{\"user\":\"alice\"}").body());
        assertEquals("{\"id\":null,\"type\":\"system\",\"system\":true}",
                server.post(webhookPath("whoami"), "{}").body());
    }

    private static String field(HttpResponse<String> response, String name) {
        try {
            JsonNode body = JSON.readTree(response.body());
            return body.path(name).asText();
        } catch (Exception e) {
            throw new AssertionError("not a JSON error body: " + response.body(), e);
        }
    }
}
