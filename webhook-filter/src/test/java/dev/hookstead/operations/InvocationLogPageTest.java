package dev.hookstead.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.services.mongodb.MongoServices;
import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The invocation log's JSON API and its access rules, over HTTP; the page itself is driven by InvocationLogBrowserTest. */
class InvocationLogPageTest {

    static final String TOKEN = "adm1n-t0ken";
    static final String SECRET = "s3cret-value";
    private static final ObjectMapper JSON = new ObjectMapper();

    static final JsApp APP = new JsApp()
            .webhook("hello", "exports = (payload) => { console.log('hello from', payload.query.who); return 'hi'; };")
            .webhook("boom", "exports = () => {\n  const x = 1; console.log('failing with', x);\n  throw new Error('boom ' + x);\n};")
            .webhook(hook("quiet", ValidationMethod.NO_VALIDATION, null, true), "exports = () => 'shh';")
            .webhook(hook("guarded", ValidationMethod.SECRET_AS_QUERY_PARAM, SECRET, false),
                    "exports = () => { console.log('the secret is " + SECRET + "'); return 'ok'; };");

    @RegisterExtension
    final TestServer server = new TestServer();

    @TempDir
    Path data;

    static WebhookDef hook(String name, ValidationMethod method, String secret, boolean disableArgLogs) {
        return new WebhookDef("svc", "http", name, "POST", method, secret, null, true, RunAs.SYSTEM, null,
                disableArgLogs, false, false, null, "http_endpoints/svc/incoming_webhooks/" + name + "/config.json");
    }

    private JsonNode api(String pathAndQuery) throws IOException {
        HttpResponse<String> r = server.send(server.request("/hookstead/log/api/invocations" + pathAndQuery)
                .header("Authorization", "Bearer " + TOKEN).build());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private List<String> routes(JsonNode list) {
        List<String> routes = new ArrayList<>();
        list.get("invocations").forEach(i -> routes.add(i.get("route").asText()));
        return routes;
    }

    @Test
    void listsFiltersAndShowsEachInvocationWithSecretsRedacted() throws IOException {
        server.env("HOOKSTEAD_LOG_ADMINTOKEN", TOKEN).app(APP).start();
        assertEquals(200, server.post(webhookPath("hello") + "?who=ann", "{}", "Authorization", "Bearer user-jwt",
                "Cookie", "session=abc", "X-Trace", "t1").statusCode());
        assertEquals(400, server.post(webhookPath("boom"), "").statusCode());
        assertEquals(200, server.post(webhookPath("quiet") + "?private=yes", "").statusCode());
        assertEquals(200, server.post(webhookPath("guarded") + "?secret=" + SECRET, "").statusCode());

        assertEquals(List.of("svc/guarded", "svc/quiet", "svc/boom", "svc/hello"), routes(api("")), "newest first");
        assertEquals(List.of("svc/boom"), routes(api("?status=400")));
        assertEquals(List.of("svc/boom"), routes(api("?error_code=FunctionExecutionError")));
        assertEquals(List.of("svc/hello"), routes(api("?route=svc/hello")));
        assertEquals(List.of(), routes(api("?user=someone")));
        assertEquals(List.of(), routes(api("?since=2999-01-01T00:00:00Z")));
        assertEquals(4, routes(api("?until=" + System.currentTimeMillis())).size());

        JsonNode hello = api("/" + api("?route=svc/hello").at("/invocations/0/id").asText());
        assertEquals(List.of("hello from ann"), List.of(hello.get("console").get(0).asText()));
        JsonNode args = JSON.readTree(hello.get("args").asText());
        assertEquals("ann", args.at("/query/who").asText());
        assertEquals("[redacted]", args.at("/headers/Authorization/0").asText());
        assertEquals("[redacted]", args.at("/headers/Cookie/0").asText());
        assertEquals("t1", args.at("/headers/X-Trace/0").asText());
        assertEquals("system", hello.get("userType").asText());

        JsonNode boom = api("/" + api("?route=svc/boom").at("/invocations/0/id").asText());
        assertEquals("FunctionExecutionError", boom.get("error_code").asText());
        assertTrue(boom.get("error").asText().contains("boom 1"), boom.toString());
        assertTrue(boom.get("stack").asText().contains("webhooks/boom.js:3"), "mapped to the source line: " + boom);
        assertEquals("failing with 1", boom.get("console").get(0).asText(), "a failed call keeps its console lines");

        JsonNode quiet = api("/" + api("?route=svc/quiet").at("/invocations/0/id").asText());
        assertTrue(quiet.get("args").isNull(), "disable_arg_logs: no arguments, " + quiet);

        JsonNode guarded = api("/" + api("?route=svc/guarded").at("/invocations/0/id").asText());
        assertFalse(guarded.toString().contains(SECRET), guarded.toString());
        assertEquals("the secret is [redacted]", guarded.get("console").get(0).asText());

        assertEquals(404, server.send(server.request("/hookstead/log/api/invocations/nope")
                .header("Authorization", "Bearer " + TOKEN).build()).statusCode());
        HttpResponse<String> bad = server.send(server.request("/hookstead/log/api/invocations?status=abc")
                .header("Authorization", "Bearer " + TOKEN).build());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("status: \\\"abc\\\" is not an HTTP status"), bad.body());
    }

    @Test
    void theDataNeedsTheTokenAndThePageIsReadOnly() {
        server.env("HOOKSTEAD_LOG_ADMINTOKEN", TOKEN).app(APP).start();
        server.post(webhookPath("hello"), "");
        HttpResponse<String> anonymous = server.get("/hookstead/log/api/invocations");
        assertEquals(401, anonymous.statusCode());
        assertFalse(anonymous.body().contains("svc/hello"));
        assertEquals(401, server.send(server.request("/hookstead/log/api/invocations")
                .header("Authorization", "Bearer wrong").build()).statusCode());
        assertEquals(405, server.post("/hookstead/log/api/invocations", "").statusCode());
        HttpResponse<String> page = server.get("/hookstead/log/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>Hookstead: invocation log</title>"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertEquals(302, server.get("/hookstead/log?status=400").statusCode());
        assertEquals("/hookstead/log/?status=400", server.get("/hookstead/log?status=400").headers()
                .firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", ""));
    }

    @Test
    void holdersOfTheNamedRoleGetTheDataOthersDoNot() throws IOException {
        server.env("HOOKSTEAD_LOG_ROLE", "operator").basicAuth("/hookstead/log/*", Map.of(
                "ops", new String[]{"ops-pass", "operator"}, "dev", new String[]{"dev-pass", "developer"}))
                .app(APP).start();
        server.post(webhookPath("hello"), "");
        HttpResponse<String> ops = server.send(server.request("/hookstead/log/api/invocations")
                .header("Authorization", basic("ops", "ops-pass")).build());
        assertEquals(200, ops.statusCode(), ops.body());
        assertEquals(List.of("svc/hello"), routes(JSON.readTree(ops.body())));
        HttpResponse<String> dev = server.send(server.request("/hookstead/log/api/invocations")
                .header("Authorization", basic("dev", "dev-pass")).build());
        assertEquals(401, dev.statusCode(), "signed in, but without the role");
        assertTrue(dev.body().contains("or sign in with the role operator"), dev.body());
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void offWithoutATokenOrRole() {
        server.app(APP).start();
        server.post(webhookPath("hello"), "");
        assertEquals("fallback /hookstead/log/api/invocations", server.get("/hookstead/log/api/invocations").body());
    }

    @Test
    void theRingKeepsTheConfiguredNumber() throws IOException {
        server.env("HOOKSTEAD_LOG_ADMINTOKEN", TOKEN).env("HOOKSTEAD_LOG_SIZE", "2").app(APP).start();
        server.post(webhookPath("hello"), "");
        server.post(webhookPath("boom"), "");
        server.post(webhookPath("quiet"), "");
        assertEquals(List.of("svc/quiet", "svc/boom"), routes(api("")));
    }

    @Test
    void aMongoDbLogOutlivesARestartAndExpiresByTtl() throws IOException {
        JsApp app = new JsApp().dataSource("mongodb-atlas").webhook("hello", "exports = () => 'hi';");
        server.env("HOOKSTEAD_LOG_ADMINTOKEN", TOKEN).env("HOOKSTEAD_LOG_SERVICE", "mongodb-atlas")
                .env("HOOKSTEAD_LOG_TTL", "3600").env("HOOKSTEAD_DATA_DIR", data.toString()).app(app).start();
        assertEquals(200, server.post(webhookPath("hello"), "").statusCode());
        awaitListed(1);
        server.stop();
        server.start();
        assertEquals(200, server.post(webhookPath("hello"), "").statusCode());
        awaitListed(2);
        server.stop();
        try (MongoServices direct = new MongoServices(List.of("mongodb-atlas"),
                Map.of("hookstead.data.dir", data.toString())::get)) {
            MongoCollection<Document> log = direct.client("mongodb-atlas").getDatabase("hookstead")
                    .getCollection("invocations");
            assertEquals(2, log.countDocuments());
            assertTrue(log.listIndexes().into(new ArrayList<>()).stream().anyMatch(i ->
                    Long.valueOf(3600).equals(i.get("expireAfterSeconds", Number.class) == null ? null
                            : i.get("expireAfterSeconds", Number.class).longValue())), "a TTL index on at");
        }
    }

    /** Writes to MongoDB are asynchronous: poll. */
    private void awaitListed(int count) throws IOException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (routes(api("")).size() < count && System.nanoTime() < deadline) LockSupport.parkNanos(100_000_000L);
        assertEquals(count, routes(api("")).size());
    }

    @Test
    void anUnknownLogServiceFailsStartUp() {
        server.env("HOOKSTEAD_LOG_ADMINTOKEN", TOKEN).env("HOOKSTEAD_LOG_SERVICE", "nope").app(APP).start();
        assertTrue(server.filter().initFailure.getMessage().startsWith("hookstead.log.service: \"nope\" is not a"
                + " MongoDB data source"), server.filter().initFailure::getMessage);
    }
}
