package dev.hookstead.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.hookstead.auth.admin.UserAdmin;
import dev.hookstead.manifest.AuthProviderDef;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestApps;
import dev.hookstead.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards running several Hookstead instances behind one load balancer: two filters on two embedded Tomcats share one
 * MongoDB-wire server (mongo-java-server) and nothing else, and agree on replayed messages, access tokens and
 * disabled users.
 */
class SeveralInstancesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STRIPE_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String EVENT = "{\"type\": \"invoice.paid\", \"n\": 1}";
    private static final String LOGIN = "/api/client/v2.0/app/" + TestApps.APP_ID + "/auth/providers/local-userpass/login";
    private static final String WHOAMI = "exports = function() { return { id: context.user.id }; };";

    @RegisterExtension
    final TestServer one = new TestServer();
    @RegisterExtension
    final TestServer two = new TestServer();
    private MongoServer mongo;
    private String mongoUri;

    @BeforeEach
    void startBoth() throws Exception {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        mongoUri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        JsApp app = app();
        for (TestServer instance : List.of(one, two)) {
            instance.env("HOOKSTEAD_ENGINE_POOLSIZE", "1")
                    .env("HOOKSTEAD_SERVICE_MONGODB_ATLAS_URI", mongoUri)
                    .app(app).start();
            assertTrue(instance.started(), instance::logs);
        }
        assertTrue(one.uri("/").getPort() != two.uri("/").getPort());
    }

    @AfterEach
    void stopMongo() {
        mongo.shutdown();
    }

    private static JsApp app() throws Exception {
        WebhookDef base = TestApps.webhook("whoami");
        WebhookDef whoami = new WebhookDef(base.service(), base.serviceType(), "whoami", "POST",
                ValidationMethod.NO_VALIDATION, null, null, true, new RunAs(RunAs.Mode.APPLICATION, null, null), null,
                false, false, false, null, base.source());
        return new JsApp()
                .dataSource("mongodb-atlas")
                .authProvider(new AuthProviderDef("local-userpass", "local-userpass", false,
                        JSON.readTree("{\"autoConfirm\": true}"), null, List.of(), "auth/providers.json"))
                .webhook(TestApps.webhook("stripe", "POST", ValidationMethod.STRIPE, STRIPE_SECRET, true),
                        "exports = function({ body }) { return JSON.parse(body.text()); };")
                .webhook(whoami, WHOAMI);
    }

    private static String stripeSignature(long t) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(STRIPE_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + EVENT)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void aMessageDeliveredToOneInstanceIsAReplayOnTheOther() throws Exception {
        String signature = stripeSignature(System.currentTimeMillis() / 1000);
        HttpResponse<String> first = one.post(webhookPath("stripe"), EVENT, "Stripe-Signature", signature);
        assertEquals(200, first.statusCode(), first::body);
        HttpResponse<String> replay = two.post(webhookPath("stripe"), EVENT, "Stripe-Signature", signature);
        assertEquals(401, replay.statusCode(), replay::body);
        assertEquals("IncomingWebhookAuthFailed", json(replay).path("error_code").asText());
        assertTrue(json(replay).path("error").asText().endsWith("(replay): this message was already delivered"),
                replay::body);
    }

    @Test
    void aTokenIssuedByOneInstanceIsAcceptedByTheOther() throws Exception {
        String id;
        try (UserAdmin admin = UserAdmin.connect(mongoUri, "hookstead-users")) {
            id = admin.addUser("ann@example.com", "correct horse");
        }
        HttpResponse<String> login = one.post(LOGIN, "{\"username\": \"ann@example.com\", \"password\":"
                + " \"correct horse\"}", "Content-Type", "application/json");
        assertEquals(200, login.statusCode(), login::body);
        String access = json(login).path("access_token").asText();
        String refresh = json(login).path("refresh_token").asText();

        HttpResponse<String> onTwo = two.post(webhookPath("whoami"), "{}", "Authorization", "Bearer " + access);
        assertEquals(200, onTwo.statusCode(), onTwo::body);
        assertEquals(id, json(onTwo).path("id").asText());
        HttpResponse<String> renewed = two.post("/api/client/v2.0/auth/session", "", "Authorization",
                "Bearer " + refresh);
        assertEquals(201, renewed.statusCode(), renewed::body);
        HttpResponse<String> backOnOne = one.post(webhookPath("whoami"), "{}", "Authorization", "Bearer "
                + json(renewed).path("access_token").asText());
        assertEquals(id, json(backOnOne).path("id").asText(), backOnOne::body);
    }

    @Test
    void aUserDisabledThroughOneInstanceIsRefusedByBoth() throws Exception {
        try (UserAdmin admin = UserAdmin.connect(mongoUri, "hookstead-users")) {
            admin.addUser("bob@example.com", "battery staple");
        }
        String credentials = "{\"username\": \"bob@example.com\", \"password\": \"battery staple\"}";
        HttpResponse<String> login = one.post(LOGIN, credentials, "Content-Type", "application/json");
        assertEquals(200, login.statusCode(), login::body);
        String access = json(login).path("access_token").asText();
        for (TestServer instance : List.of(one, two)) {
            assertEquals(200, instance.post(webhookPath("whoami"), "{}", "Authorization", "Bearer " + access)
                    .statusCode(), "both accept bob before he is disabled");
        }

        // there is no HTTP route to disable a user: the operator's admin code does it on instance one's user store,
        // which is the one MongoDB both instances use
        try (UserAdmin admin = UserAdmin.connect(mongoUri, "hookstead-users")) {
            admin.setDisabled("bob@example.com", true);
        }
        for (TestServer instance : List.of(one, two)) {
            HttpResponse<String> token = instance.post(webhookPath("whoami"), "{}", "Authorization",
                    "Bearer " + access);
            assertEquals(401, token.statusCode(), token::body);
            assertEquals("InvalidSession", json(token).path("error_code").asText());
            HttpResponse<String> again = instance.post(LOGIN, credentials, "Content-Type", "application/json");
            assertEquals(401, again.statusCode(), again::body);
        }
    }
}
