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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example app exactly as the plugin compiled it into the webapp folder, served by the self-registering filter in
 * an embedded Tomcat, answering the curl commands the README shows.
 */
class ExampleAppTest {

    private static final String HOOKS = "/api/client/v2.0/app/hookstead-example-abcde/service/orders/incoming_webhook/";
    private static final String SEED_BODY = "{\"message\":\"MESSAGE\"}";
    private static final String SEED_SIGNATURE = "sha256=828ee180512eaf8a6229eda7eea72323f68e9c0f0093b11a578b0544c5777862";

    @RegisterExtension
    final TestServer server = new TestServer();

    @TempDir
    Path data;

    @BeforeEach
    void start() {
        // the embedded database writes under hookstead.data.dir: keep it out of the repository
        server.env("HOOKSTEAD_DATA_DIR", data.toString())
                .webapp(Path.of(System.getProperty("hookstead.example.webapp"))).start();
    }

    @Test
    void theSaveOrderSeedStoresSomeFieldWithZeroConfiguration() throws Exception {
        // curl -H "X-Hook-Signature:sha256=<hmac of the body with 12345>" -d '{"someField":"hello"}' <url>
        String body = "{\"someField\":\"hello\"}";
        HttpResponse<String> saved = server.post(HOOKS + "saveOrder", body, "Content-Type", "application/json",
                "X-Hook-Signature", "sha256=" + hmacSha256Hex("12345", body));
        assertEquals(200, saved.statusCode(), saved::body);
        assertTrue(saved.body().matches("Successfully saved \"someField\" with _id: [0-9a-f]{24}\\."), saved.body());

        String empty = "{\"other\":1}";
        HttpResponse<String> missing = server.post(HOOKS + "saveOrder", empty, "Content-Type", "application/json",
                "X-Hook-Signature", "sha256=" + hmacSha256Hex("12345", empty));
        assertEquals(400, missing.statusCode(), missing::body);
        assertEquals("Could not find \"someField\" in the webhook request body.", missing.body());
        assertTrue(Files.exists(data.resolve("embedded-mongodb.mv.db")), "the data lives in hookstead.data.dir");
    }

    private static String hmacSha256Hex(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pingAnswersWithCanonicalEjson() {
        HttpResponse<String> r = server.get(HOOKS + "ping?name=ann");
        assertEquals(200, r.statusCode(), r::body);
        assertEquals("{\"pong\":true,\"items\":{\"$numberInt\":\"3\"},\"pi\":{\"$numberDouble\":\"3.14159\"},\"who\":\"ann\"}",
                r.body());
    }

    @Test
    void theSeedSignatureCurl() {
        // curl -H "Content-Type: application/json" -H "X-Hook-Signature:sha256=828ee1…" -d '{"message":"MESSAGE"}' <url>
        HttpResponse<String> r = server.post(HOOKS + "signedEcho", SEED_BODY,
                "Content-Type", "application/json", "X-Hook-Signature", SEED_SIGNATURE);
        assertEquals(201, r.statusCode(), r::body);
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("{\"message\":\"MESSAGE\",\"length\":7,\"summary\":\"MESSAGE (7 chars)\"}", r.body());
        assertEquals(401, server.post(HOOKS + "signedEcho", SEED_BODY, "X-Hook-Signature", "sha256=0").statusCode());
    }

    @Test
    void theSecretQueryCurlAndTheMethodSwitch() {
        // curl '<url>?secret=12345&id=7' and curl -X POST '<url>?secret=12345' -d '{...}'
        HttpResponse<String> get = server.get(HOOKS + "orderStatus?secret=12345&id=7");
        assertEquals("{\"order\":\"7\",\"status\":\"shipped\",\"query\":\"id=7\"}", get.body());
        HttpResponse<String> post = server.post(HOOKS + "orderStatus?secret=12345",
                "{\"id\":\"o-1\",\"status\":\"paid\",\"note\":\"gift\"}", "Content-Type", "application/json");
        assertEquals("{\"order\":\"o-1\",\"status\":\"paid\",\"extra\":[\"note\"]}", post.body());
        assertEquals(401, server.get(HOOKS + "orderStatus?secret=wrong").statusCode());
    }

    @Test
    void otherPathsReachTheRestOfTheWebapp() {
        assertEquals(404, server.get(HOOKS + "nope").statusCode());
        assertEquals("fallback /health", server.get("/health").body(), "the filter passes other paths down the chain");
    }
}
