package dev.hookstead.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import dev.hookstead.manifest.DataSourceDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.services.mongodb.MongoServices;
import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestServer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Every scheme over real HTTP in embedded Tomcat, with functions compiled by the real toolchain. Signatures here are
 * computed with javax.crypto, independently of the code under test (whose MACs the unit tests pin to published
 * vectors), because a live server needs a current timestamp and its own URL.
 */
class SignatureSchemesHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GITHUB_SECRET = "It's a Secret to Everybody";
    private static final String WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String ECHO = "exports = function(payload) { return payload; };";
    private static final String RAW_ECHO = "exports = function({ body }) { return JSON.parse(body.text()); };";

    @RegisterExtension
    final TestServer server = new TestServer();

    @TempDir
    Path dataDir;

    @BeforeEach
    void oneEngineIsEnough() {
        server.env("HOOKSTEAD_ENGINE_POOLSIZE", "1");
    }

    private static WebhookDef hook(String serviceType, String name, ValidationMethod method, String secret,
                                   String secretName) {
        return new WebhookDef("svc", serviceType, name, "POST", method, secret, secretName, true, RunAs.SYSTEM, null,
                false, false, false, null, "http_endpoints/svc/incoming_webhooks/" + name + "/config.json");
    }

    private static byte[] hmac(String algorithm, byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static String field(HttpResponse<String> r, String name) throws Exception {
        return JSON.readTree(r.body()).get(name).asText();
    }

    private static void assertRejected(HttpResponse<String> r, String message) throws Exception {
        assertEquals(401, r.statusCode(), r::body);
        assertEquals("IncomingWebhookAuthFailed", field(r, "error_code"));
        assertTrue(field(r, "error").contains(message), r.body());
    }

    // ---- GitHub ----

    @Test
    void gitHubDeliveriesAreVerifiedWithSha256OrLegacySha1AndTheFunctionGetsTheEvent() throws Exception {
        server.app(new JsApp()
                .webhook(hook("github", "push", ValidationMethod.NO_VALIDATION, GITHUB_SECRET, null), ECHO)
                .webhook(hook("github", "open", ValidationMethod.NO_VALIDATION, null, null), ECHO)).start();
        String event = "{\"action\":\"opened\",\"number\":7}";
        byte[] key = GITHUB_SECRET.getBytes(StandardCharsets.UTF_8);
        String sha256 = "sha256=" + hex(hmac("HmacSHA256", key, event));
        String sha1 = "sha1=" + hex(hmac("HmacSHA1", key, event));

        HttpResponse<String> ok = server.post(webhookPath("push"), event, "Content-Type", "application/json",
                "X-GitHub-Event", "pull_request", "X-Hub-Signature-256", sha256, "X-Hub-Signature", sha1);
        assertEquals(200, ok.statusCode(), ok::body);
        assertEquals("{\"action\":\"opened\",\"number\":{\"$numberInt\":\"7\"}}", ok.body());

        HttpResponse<String> legacy = server.post(webhookPath("push"), event, "Content-Type", "application/json",
                "X-Hub-Signature", sha1);
        assertEquals(200, legacy.statusCode(), legacy::body);

        assertRejected(server.post(webhookPath("push"), event.replace('7', '8'), "Content-Type", "application/json",
                "X-Hub-Signature-256", sha256), "invalid signature in X-Hub-Signature-256");
        assertRejected(server.post(webhookPath("push"), event, "Content-Type", "application/json"),
                "missing X-Hub-Signature-256");

        HttpResponse<String> noSecret = server.post(webhookPath("open"), event, "Content-Type", "application/json");
        assertEquals(200, noSecret.statusCode(), "without options.secret deliveries are accepted, as the build warns");
    }

    // ---- Twilio ----

    private static String twilioSignature(String url, Map<String, String> form) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", "12345".getBytes(StandardCharsets.UTF_8),
                data.toString()));
    }

    private static String formBody(Map<String, String> form) {
        List<String> pairs = new ArrayList<>();
        form.forEach((k, v) -> pairs.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    private void twilioApp() {
        server.env("HOOKSTEAD_SECRET_TWILIOTOKEN", "12345").app(new JsApp()
                .webhook(hook("twilio", "sms", ValidationMethod.NO_VALIDATION, null, "twilioToken"), ECHO));
    }

    private static final Map<String, String> SMS = Map.of("From", "+12349013030", "To", "+18005551212",
            "Body", "Hello there", "MessageSid", "SM1234567890ABCDE");

    @Test
    void twilioFormPostsAreVerifiedAgainstTheUrlTwilioCalled() throws Exception {
        twilioApp();
        server.start();
        String pathAndQuery = webhookPath("sms") + "?foo=1&bar=2";
        String signature = twilioSignature(server.uri(pathAndQuery).toString(), SMS);

        HttpResponse<String> ok = server.post(pathAndQuery, formBody(SMS),
                "Content-Type", "application/x-www-form-urlencoded", "X-Twilio-Signature", signature);
        assertEquals(200, ok.statusCode(), ok::body);
        assertEquals(Map.of("From", "+12349013030", "To", "+18005551212", "Body", "Hello there",
                "MessageSid", "SM1234567890ABCDE"), JSON.readValue(ok.body(), Map.class), "the parsed form fields");

        assertRejected(server.post(webhookPath("sms") + "?foo=1", formBody(SMS),
                "Content-Type", "application/x-www-form-urlencoded", "X-Twilio-Signature", signature),
                "invalid signature in X-Twilio-Signature");
        assertRejected(server.post(pathAndQuery, formBody(SMS), "Content-Type", "application/x-www-form-urlencoded"),
                "missing X-Twilio-Signature");
    }

    @Test
    void behindAProxyTwilioSignsThePublicBaseUrl() throws Exception {
        twilioApp();
        server.env("HOOKSTEAD_PUBLICBASEURL", "https://hooks.example.com/base").start();
        String pathAndQuery = webhookPath("sms") + "?foo=1";
        String publicSignature = twilioSignature("https://hooks.example.com/base" + pathAndQuery, SMS);

        HttpResponse<String> ok = server.post(pathAndQuery, formBody(SMS),
                "Content-Type", "application/x-www-form-urlencoded", "X-Twilio-Signature", publicSignature);
        assertEquals(200, ok.statusCode(), ok::body);
        assertRejected(server.post(pathAndQuery, formBody(SMS), "Content-Type", "application/x-www-form-urlencoded",
                "X-Twilio-Signature", twilioSignature(server.uri(pathAndQuery).toString(), SMS)),
                "invalid signature");
    }

    @Test
    void twilioWithoutItsAuthTokenIsAServerError() throws Exception {
        server.app(new JsApp().webhook(hook("twilio", "sms", ValidationMethod.NO_VALIDATION, null, "twilioToken"),
                ECHO)).start();
        HttpResponse<String> r = server.post(webhookPath("sms"), formBody(SMS),
                "Content-Type", "application/x-www-form-urlencoded", "X-Twilio-Signature", "x");
        assertEquals(500, r.statusCode());
        assertTrue(server.logs().contains("HOOKSTEAD_SECRET_TWILIOTOKEN"), server.logs());
    }

    // ---- Standard Webhooks, Svix, Stripe, Slack ----

    private static final String EVENT = "{\"type\": \"invoice.paid\", \"n\": 1}";

    private static String standardSignature(String id, long ts, String body) throws Exception {
        byte[] key = Base64.getDecoder().decode(WHSEC.substring("whsec_".length()));
        return "v1," + Base64.getEncoder().encodeToString(hmac("HmacSHA256", key, id + "." + ts + "." + body));
    }

    private static String stripeHeader(long t, String body) throws Exception {
        return "t=" + t + ",v1=" + hex(hmac("HmacSHA256", WHSEC.getBytes(StandardCharsets.UTF_8), t + "." + body));
    }

    private static String slackSignature(long ts, String body) throws Exception {
        return "v0=" + hex(hmac("HmacSHA256", SLACK_SECRET.getBytes(StandardCharsets.UTF_8), "v0:" + ts + ":" + body));
    }

    /** Compiled once: the toolchain dominates these tests' run time. */
    private static final JsApp MODERN = new JsApp()
                .webhook(hook("http", "standard", ValidationMethod.STANDARD_WEBHOOKS, WHSEC, null), RAW_ECHO)
                .webhook(hook("http", "svix", ValidationMethod.SVIX, WHSEC, null), RAW_ECHO)
                .webhook(hook("http", "stripe", ValidationMethod.STRIPE, WHSEC, null), RAW_ECHO)
                .webhook(hook("http", "slack", ValidationMethod.SLACK, SLACK_SECRET, null),
                        "exports = function(payload) { return payload.query; };");

    private void modernApp() {
        server.app(MODERN);
    }

    @Test
    void standardWebhooksAndSvix() throws Exception {
        modernApp();
        server.start();
        long ts = now();
        String good = standardSignature("msg_1", ts, EVENT);
        HttpResponse<String> ok = server.post(webhookPath("standard"), EVENT, "webhook-id", "msg_1",
                "webhook-timestamp", String.valueOf(ts), "webhook-signature", good);
        assertEquals(200, ok.statusCode(), ok::body);
        assertEquals("{\"type\":\"invoice.paid\",\"n\":{\"$numberInt\":\"1\"}}", ok.body());

        assertEquals(200, server.post(webhookPath("standard"), EVENT, "webhook-id", "msg_2",
                "webhook-timestamp", String.valueOf(ts), "webhook-signature",
                "v1,bm9wZQ== " + standardSignature("msg_2", ts, EVENT)).statusCode(), "valid inside a list");
        assertRejected(server.post(webhookPath("standard"), EVENT, "webhook-id", "msg_3",
                "webhook-timestamp", String.valueOf(ts), "webhook-signature", "v1,bm9wZQ=="),
                "no valid signature in webhook-signature");
        long stale = ts - 1000;
        assertRejected(server.post(webhookPath("standard"), EVENT, "webhook-id", "msg_4",
                "webhook-timestamp", String.valueOf(stale), "webhook-signature", standardSignature("msg_4", stale, EVENT)),
                "more than 300 s away");

        assertEquals(200, server.post(webhookPath("svix"), EVENT, "svix-id", "msg_5",
                "svix-timestamp", String.valueOf(ts), "svix-signature", standardSignature("msg_5", ts, EVENT))
                .statusCode());
    }

    @Test
    void stripe() throws Exception {
        modernApp();
        server.start();
        long t = now();
        String header = stripeHeader(t, EVENT);
        assertTrue(header.matches("t=\\d+,v1=[0-9a-f]{64}"), header);
        assertEquals(200, server.post(webhookPath("stripe"), EVENT, "Stripe-Signature", stripeHeader(t - 1, EVENT)
                .replace(",v1=", ",v1=" + "0".repeat(64) + ",v1=")).statusCode(), "one valid v1 among wrong ones");
        assertRejected(server.post(webhookPath("stripe"), EVENT + " ", "Stripe-Signature", header),
                "no valid v1 signature");
        assertRejected(server.post(webhookPath("stripe"), EVENT, "Stripe-Signature", stripeHeader(t - 301, EVENT)),
                "more than 300 s away");
    }

    @Test
    void slackSlashCommands() throws Exception {
        modernApp();
        server.start();
        String form = "command=%2Fweather&text=94070&user_name=roadrunner";
        long ts = now();
        HttpResponse<String> ok = server.post(webhookPath("slack"), form,
                "Content-Type", "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp", String.valueOf(ts), "X-Slack-Signature", slackSignature(ts, form));
        assertEquals(200, ok.statusCode(), ok::body);
        assertEquals("{\"command\":\"/weather\",\"text\":\"94070\",\"user_name\":\"roadrunner\"}", ok.body());
        assertRejected(server.post(webhookPath("slack"), form, "X-Slack-Request-Timestamp", String.valueOf(ts),
                "X-Slack-Signature", slackSignature(ts, form + "&x=1")), "invalid signature in X-Slack-Signature");
        long stale = ts - 301;
        assertRejected(server.post(webhookPath("slack"), form, "X-Slack-Request-Timestamp", String.valueOf(stale),
                "X-Slack-Signature", slackSignature(stale, form)), "X-Slack-Request-Timestamp");
    }

    // ---- Replay ----

    @Test
    void aSecondDeliveryIsAReplayARetryIsNotAndTheIdsAreStoredInMongoDb() throws Exception {
        server.app(MODERN).manifest(withDataSource(MODERN.manifest())).env("HOOKSTEAD_DATA_DIR", dataDir.toString()).start();
        long t = now();
        String stripe = stripeHeader(t, EVENT);
        assertEquals(200, server.post(webhookPath("stripe"), EVENT, "Stripe-Signature", stripe).statusCode());
        assertRejected(server.post(webhookPath("stripe"), EVENT, "Stripe-Signature", stripe),
                "duplicate message id " + t + ".");
        assertTrue(field(server.post(webhookPath("stripe"), EVENT, "Stripe-Signature", stripe), "error")
                .endsWith("(replay): this message was already delivered"));

        String[] standard = {"webhook-id", "msg_1", "webhook-timestamp", String.valueOf(t), "webhook-signature",
                standardSignature("msg_1", t, EVENT)};
        assertEquals(200, server.post(webhookPath("standard"), EVENT, standard).statusCode());
        assertRejected(server.post(webhookPath("standard"), EVENT, standard), "duplicate message id msg_1." + t);
        HttpResponse<String> retry = server.post(webhookPath("standard"), EVENT, "webhook-id", "msg_1",
                "webhook-timestamp", String.valueOf(t + 1), "webhook-signature", standardSignature("msg_1", t + 1, EVENT));
        assertEquals(200, retry.statusCode(), "a sender's retry is signed with a new timestamp: " + retry.body());

        String form = "text=hi";
        String[] slack = {"X-Slack-Request-Timestamp", String.valueOf(t), "X-Slack-Signature", slackSignature(t, form)};
        assertEquals(200, server.post(webhookPath("slack"), form, slack).statusCode());
        assertRejected(server.post(webhookPath("slack"), form, slack), "(replay)");

        server.context().stop(); // closes the filter's MongoServices, committing the embedded database
        try (MongoServices mongo = new MongoServices(List.of("mongodb-atlas"),
                name -> name.equals("hookstead.data.dir") ? dataDir.toString() : null)) {
            MongoCollection<Document> replay = mongo.client("mongodb-atlas").getDatabase("hookstead")
                    .getCollection("replay");
            List<String> ids = replay.find().map(d -> d.getString("_id")).into(new ArrayList<>());
            String mac = stripe.substring(stripe.indexOf("v1=") + 3);
            assertEquals(4, ids.size(), ids::toString);
            assertTrue(ids.contains(webhookPath("stripe") + " STRIPE " + t + "." + mac), ids::toString);
            assertTrue(ids.contains(webhookPath("standard") + " STANDARD_WEBHOOKS msg_1." + t), ids::toString);
            assertTrue(ids.contains(webhookPath("standard") + " STANDARD_WEBHOOKS msg_1." + (t + 1)), ids::toString);
            long expires = replay.find().first().getDate("expiresAt").getTime() / 1000;
            assertTrue(Math.abs(expires - (now() + 600)) < 30, "kept for twice the tolerance: " + expires);
            assertTrue(replay.listIndexes().into(new ArrayList<>()).stream()
                    .anyMatch(i -> i.get("key", Document.class).containsKey("expiresAt")), "TTL index");
        }
    }

    @Test
    void withoutADataSourceReplayProtectionIsOffAndSaysSo() throws Exception {
        modernApp();
        server.start();
        String stripe = stripeHeader(now(), EVENT);
        assertEquals(200, server.post(webhookPath("stripe"), EVENT, "Stripe-Signature", stripe).statusCode());
        assertEquals(200, server.post(webhookPath("stripe"), EVENT, "Stripe-Signature", stripe).statusCode());
        assertTrue(server.logs().contains("Replay protection is off"), server.logs());
    }

    @Test
    void aReplayServiceThatIsNoDataSourceFailsDeployment() {
        server.app(MODERN).manifest(withDataSource(MODERN.manifest())).env("HOOKSTEAD_DATA_DIR", dataDir.toString())
                .env("HOOKSTEAD_REPLAY_SERVICE", "mongodb-atlass").start();
        assertFalse(server.started());
        assertTrue(server.filter().initFailure.getMessage().contains(
                "hookstead.replay.service: \"mongodb-atlass\" is not a MongoDB data source"),
                server.filter().initFailure.getMessage());
    }

    private static Manifest withDataSource(Manifest m) {
        return new Manifest(m.format(), m.formatVersion(), m.generator(), m.app(), m.prelude(), m.services(),
                m.webhooks(), m.endpoints(), m.functions(), m.values(), m.environments(), m.authProviders(),
                m.customUserData(), List.of(new DataSourceDef("mongodb-atlas", "mongodb-atlas", null, null,
                "data_sources/mongodb-atlas/config.json")));
    }
}
