package dev.hookstead.example;

import dev.hookstead.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example's {@code features} and {@code github} webhooks: one per platform feature a migrated app relies on. */
class ExampleFeaturesTest {

    private static final String APP = "/api/client/v2.0/app/hookstead-example-abcde/service/";
    private static final String FEATURES = APP + "features/incoming_webhook/";
    private static final String JWT_KEY = "example-signing-key-at-least-32-characters";

    @RegisterExtension
    final TestServer server = new TestServer();

    @TempDir
    Path data;

    @BeforeEach
    void start() {
        server.env("HOOKSTEAD_DATA_DIR", data.toString())
                .env("HOOKSTEAD_SECRET_PARTNERAPIKEY", "pk_live_0123456789abcd")
                .env("HOOKSTEAD_SECRET_JWTSIGNINGKEY", JWT_KEY)
                // the test client is the trusted proxy, so X-Forwarded-For stands for other callers
                .env("HOOKSTEAD_TRUSTEDPROXIES", "127.0.0.1")
                .webapp(Path.of(System.getProperty("hookstead.example.webapp"))).start();
    }

    @Test
    void runAsUserIdGivesThatUser() {
        HttpResponse<String> r = server.get(FEATURES + "whoAmI");
        assertEquals(200, r.statusCode(), r::body);
        assertEquals("{\"id\":\"5f1a00000000000000000001\",\"type\":\"normal\"}", r.body());
    }

    @Test
    void runAsScriptPicksTheUserFromTheRequestOrSystem() {
        HttpResponse<String> tenant = server.get(FEATURES + "whoAmIScript?tenant=acme");
        assertEquals(200, tenant.statusCode(), tenant::body);
        assertEquals("{\"id\":\"tenant-acme\",\"type\":\"normal\"}", tenant.body());

        HttpResponse<String> anonymous = server.get(FEATURES + "whoAmIScript");
        assertEquals("{\"type\":\"system\"}", anonymous.body().replace("\"id\":null,", ""));
    }

    @Test
    void canEvaluateAdmitsListedAddressesAndTheFunctionReadsValuesAndSecrets() {
        HttpResponse<String> local = server.get(FEATURES + "greet?name=Ann");
        assertEquals(200, local.statusCode(), local::body);
        assertEquals("{\"message\":\"Hello from Hookstead, Ann!\",\"partnerKey\":\"…abcd\"}", local.body());

        HttpResponse<String> outsider = server.send(server.request(FEATURES + "greet")
                .header("X-Forwarded-For", "203.0.113.9").GET().build());
        assertEquals(403, outsider.statusCode(), outsider::body);
        assertTrue(outsider.body().contains("\"error_code\":\"NoMatchingRule\""), outsider.body());
    }

    @Test
    void privateFormatOrderRunsThroughContextFunctionsExecute() {
        HttpResponse<String> r = server.post(FEATURES + "orderSummary",
                "{\"orders\":[{\"id\":\"o-1\",\"status\":\"paid\"},{\"id\":\"o-2\",\"status\":\"shipped\"}]}",
                "Content-Type", "application/json");
        assertEquals(200, r.statusCode(), r::body);
        assertEquals("{\"count\":{\"$numberInt\":\"2\"},\"lines\":[\"o-1: paid\",\"o-2: shipped\"]}", r.body());
    }

    @Test
    void gitHubPushIsVerifiedByItsSignature() throws Exception {
        String push = "{\"repository\":{\"full_name\":\"acme/shop\"},\"head_commit\":{\"id\":\"abc123\",\"message\":\"fix\"}}";
        HttpResponse<String> signed = server.post(APP + "github/incoming_webhook/onPush", push,
                "Content-Type", "application/json", "X-GitHub-Event", "push",
                "X-Hub-Signature-256", "sha256=" + hex(hmacSha256("gh-example-secret", push)));
        assertEquals(200, signed.statusCode(), signed::body);
        assertEquals("{\"repo\":\"acme/shop\",\"sha\":\"abc123\"}", signed.body());

        HttpResponse<String> forged = server.post(APP + "github/incoming_webhook/onPush", push,
                "Content-Type", "application/json", "X-Hub-Signature-256", "sha256=" + hex(hmacSha256("guess", push)));
        assertEquals(401, forged.statusCode(), forged::body);
    }

    @Test
    void stripeEventIsVerifiedOnceAndHandled() throws Exception {
        String event = "{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"data\":{\"object\":{\"id\":\"in_1\","
                + "\"metadata\":{\"orderId\":\"o-9\"}}}}";
        long t = System.currentTimeMillis() / 1000;
        String header = "t=" + t + ",v1=" + hex(hmacSha256("whsec_hooksteadExampleStripeSecret", t + "." + event));
        HttpResponse<String> first = server.post(FEATURES + "stripeEvents", event,
                "Content-Type", "application/json", "Stripe-Signature", header);
        assertEquals(200, first.statusCode(), first::body);
        assertEquals("{\"received\":true,\"handled\":true}", first.body());

        HttpResponse<String> replayed = server.post(FEATURES + "stripeEvents", event,
                "Content-Type", "application/json", "Stripe-Signature", header);
        assertEquals(401, replayed.statusCode(), replayed::body);
    }

    private static byte[] hmacSha256(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void applicationAuthenticationWithACustomJwt() throws Exception {
        String token = jwt(JWT_KEY, "hookstead-example-abcde");
        HttpResponse<String> me = server.send(server.request(FEATURES + "myProfile").header("jwtTokenString", token)
                .GET().build());
        assertEquals(200, me.statusCode(), me::body);
        assertTrue(me.body().contains("\"type\":\"normal\",\"name\":\"Ada\",\"providers\":[\"custom-token\"]"), me.body());

        HttpResponse<String> anonymous = server.get(FEATURES + "myProfile");
        assertEquals(400, anonymous.statusCode());
        assertTrue(anonymous.body().contains("InvalidParameter"), anonymous.body());

        HttpResponse<String> forged = server.send(server.request(FEATURES + "myProfile")
                .header("jwtTokenString", jwt("some-other-key-that-is-32-characters-long", "hookstead-example-abcde"))
                .GET().build());
        assertEquals(401, forged.statusCode());
        assertTrue(forged.body().contains("InvalidSession"), forged.body());
    }

    /** shop.orders' rules.json says write: false; a webhook run as the caller cannot insert into it. */
    @Test
    void theRulesOfShopOrdersRefuseTheCallersInsert() throws Exception {
        String token = jwt(JWT_KEY, "hookstead-example-abcde");
        HttpResponse<String> placed = server.send(server.request(FEATURES + "placeOrder").header("jwtTokenString", token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"item\":\"book\",\"qty\":1}")).build());
        assertEquals(403, placed.statusCode(), placed::body);
        assertTrue(placed.body().startsWith("{\"error\":\"insert not permitted\",\"error_code\":\"NoMatchingRuleFound\""),
                placed.body());

        server.stop();
        try (dev.hookstead.services.mongodb.MongoServices direct = new dev.hookstead.services.mongodb.MongoServices(
                java.util.List.of("mongodb-atlas"), java.util.Map.of("hookstead.data.dir", data.toString())::get)) {
            assertEquals(0, direct.client("mongodb-atlas").getDatabase("shop").getCollection("orders")
                    .countDocuments(), "nothing was written");
        }
    }

    private static String jwt(String key, String audience) throws Exception {
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("user-42").audience(audience).claim("name", "Ada")
                        .expirationTime(new java.util.Date(System.currentTimeMillis() + 3_600_000)).build());
        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(key));
        return jwt.serialize();
    }
}
