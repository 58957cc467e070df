package dev.hookstead.operations;

import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestServer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.locks.LockSupport;

import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The meters, read from the deployer's registry (a servlet context attribute) after real requests. */
class MetricsTest {

    private static final String ATTRIBUTE = "io.micrometer.core.instrument.MeterRegistry";
    private static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private static final JsApp APP = new JsApp().dataSource("mongodb-atlas")
            .webhook("hello", "exports = () => 'hi';")
            .webhook("boom", "exports = () => { throw new Error('boom'); };")
            .webhook("spin", "exports = () => { while (true) {} };")
            .webhook("save", "exports = async () => (await context.services.get('mongodb-atlas').db('d')"
                    + ".collection('c').insertOne({a: 1})).insertedId.toHexString();")
            .webhook("fetch", "exports = async (payload) => (await context.http.get({url: payload.query.url}))"
                    + ".statusCode;")
            .webhook(hook("guarded", ValidationMethod.SECRET_AS_QUERY_PARAM, "s3cret"), "exports = () => 'ok';")
            .webhook(hook("slack", ValidationMethod.SLACK, SLACK_SECRET), "exports = () => 'ok';");

    @RegisterExtension
    final TestServer server = new TestServer();

    @TempDir
    Path data;

    private static WebhookDef hook(String name, ValidationMethod method, String secret) {
        return new WebhookDef("svc", "http", name, "POST", method, secret, null, true, RunAs.SYSTEM, null, false,
                false, false, null, "http_endpoints/svc/incoming_webhooks/" + name + "/config.json");
    }

    private TestServer serve(MeterRegistry registry) {
        // context.http may reach the test servlet on loopback only because it is opened on purpose
        return server.env("HOOKSTEAD_DATA_DIR", data.toString()).env("HOOKSTEAD_FUNCTION_TIMEOUT", "5")
                .env("HOOKSTEAD_HTTP_ALLOWPRIVATE", "127.0.0.1")
                .attribute(ATTRIBUTE, registry).servlet("/target", new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                        resp.setStatus(204);
                    }
                }).app(APP).start();
    }

    @Test
    void everyMeterIsTaggedFromTheManifestInTheDeployersRegistry() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        serve(registry);
        awaitReady();
        assertEquals(200, server.post(webhookPath("hello"), "").statusCode());
        assertEquals(200, server.post(webhookPath("hello"), "").statusCode());
        assertEquals(400, server.post(webhookPath("boom"), "").statusCode());
        assertEquals(200, server.post(webhookPath("save"), "").statusCode());
        assertEquals(200, server.post(webhookPath("fetch") + "?url=" + server.uri("/target"), "").statusCode());
        assertEquals(401, server.post(webhookPath("guarded") + "?secret=wrong", "").statusCode());
        assertEquals(404, server.post(webhookPath("nope-" + System.nanoTime()), "").statusCode());
        long ts = System.currentTimeMillis() / 1000;
        String body = "token=x";
        String signature = "v0=" + HexFormat.of().formatHex(hmac(SLACK_SECRET, "v0:" + ts + ":" + body));
        String[] slack = {"X-Slack-Signature", signature, "X-Slack-Request-Timestamp", String.valueOf(ts)};
        assertEquals(200, server.post(webhookPath("slack"), body, slack).statusCode());
        assertEquals(401, server.post(webhookPath("slack"), body, slack).statusCode(), "the replay");
        assertEquals(400, server.post(webhookPath("spin"), "").statusCode());

        Timer hello = registry.find("hookstead.requests").tags("route", "svc/hello", "method", "POST", "status", "200",
                "error_code", "none").timer();
        assertNotNull(hello, () -> meters(registry));
        assertEquals(2, hello.count());
        assertEquals(1, registry.get("hookstead.requests").tags("route", "svc/boom", "status", "400",
                "error_code", "FunctionExecutionError").timer().count());
        assertEquals(1, registry.get("hookstead.requests").tags("route", "unmatched", "status", "404",
                "error_code", "IncomingWebhookNotFound").timer().count());
        assertEquals(2, registry.get("hookstead.function.duration").tag("function", "svc/hello").timer().count());
        assertEquals(1, registry.get("hookstead.function.runaways").tag("function", "svc/spin").counter().count());
        assertEquals(0, registry.get("hookstead.function.runaways").tag("function", "svc/hello").counter().count());
        assertEquals(1, registry.get("hookstead.signature.failures").tag("scheme", "secret_as_query_param")
                .counter().count());
        assertEquals(1, registry.get("hookstead.signature.replays").tag("scheme", "slack").counter().count());
        assertNull(registry.find("hookstead.signature.failures").tag("scheme", "slack").counter(),
                "a replay is no signature failure");
        assertTrue(registry.get("hookstead.mongodb.commands").tags("service", "mongodb-atlas", "command", "insert",
                "outcome", "success").timer().count() >= 1);
        assertEquals(1, registry.get("hookstead.http.client.requests").tags("method", "GET", "outcome", "2xx")
                .timer().count());
        assertTrue(registry.get("hookstead.pool.size").gauge().value() > 0);
        assertEquals(0, registry.get("hookstead.pool.in_use").gauge().value(), "every global is back");
        assertEquals(0, registry.get("hookstead.pool.waiting").gauge().value());
        assertEquals(0, registry.get("hookstead.pool.acquire.timeouts").functionCounter().count());
        for (Meter meter : registry.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                assertTrue(!tag.getValue().contains("/api/") && !tag.getValue().contains("nope-"),
                        "no raw URL in tags: " + meter.getId());
            }
        }

        server.stop();
        assertTrue(registry.getMeters().stream().noneMatch(m -> m.getId().getName().startsWith("hookstead.")),
                "an undeployed filter leaves no meters behind");
    }

    @Test
    void thePrometheusScrapeNeedsTheToken() {
        server.env("HOOKSTEAD_METRICS_PROMETHEUS_TOKEN", "scrape-me").app(new JsApp()
                .webhook("hello", "exports = () => 'hi';")).start();
        server.post(webhookPath("hello"), "");
        HttpResponse<String> anonymous = server.get("/hookstead/metrics");
        assertEquals(401, anonymous.statusCode());
        assertEquals("Bearer realm=\"hookstead metrics\"", anonymous.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(401, server.send(server.request("/hookstead/metrics").header("Authorization", "Bearer wrong")
                .build()).statusCode());
        HttpResponse<String> scrape = server.send(server.request("/hookstead/metrics")
                .header("Authorization", "Bearer scrape-me").build());
        assertEquals(200, scrape.statusCode());
        String type = scrape.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("text/plain") && type.contains("version=0.0.4"), type);
        assertTrue(scrape.body().contains("hookstead_requests_seconds_bucket{error_code=\"none\",method=\"POST\","
                + "route=\"svc/hello\",status=\"200\""), scrape.body());
        assertTrue(scrape.body().contains("hookstead_pool_size "), scrape.body());
    }

    @Test
    void withoutATokenThereIsNoScrapePath() {
        server.app(new JsApp().webhook("hello", "exports = () => 'hi';")).start();
        assertEquals("fallback /hookstead/metrics", server.get("/hookstead/metrics").body());
    }

    @Test
    void switchedOffNothingIsRecorded() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        server.env("HOOKSTEAD_METRICS_ENABLED", "false").attribute(ATTRIBUTE, registry)
                .app(new JsApp().webhook("hello", "exports = () => 'hi';")).start();
        assertEquals(200, server.post(webhookPath("hello"), "").statusCode());
        assertTrue(registry.getMeters().isEmpty(), () -> meters(registry));
    }

    @Test
    void anAttributeThatIsNoRegistryFailsStartUp() {
        server.attribute(ATTRIBUTE, "not a registry").app(new JsApp().webhook("hello", "exports = () => 'hi';"))
                .start();
        assertTrue(server.filter().initFailure.getMessage().startsWith("hookstead.metrics.registryAttribute: servlet"
                + " context attribute " + ATTRIBUTE + " holds a java.lang.String"), server.filter().initFailure::getMessage);
    }

    /** The embedded database has started once readiness is UP, so that no call below pays for its start. */
    private void awaitReady() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (server.get("/hookstead/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(200_000_000L);
        }
    }

    private static String meters(MeterRegistry registry) {
        StringBuilder out = new StringBuilder();
        registry.getMeters().forEach(m -> out.append(m.getId()).append('\n'));
        return out.toString();
    }

    private static byte[] hmac(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
