package dev.hookstead.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
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

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 18, item 7: a session token signed with the server's own key is refused unless it has the lifetime the
 * server issues (30 minutes for access, 60 days for refresh) and was issued no later than now. Over HTTP.
 */
class TokenLifetimeTest {
    private static final String KEY = "a-test-signing-key-of-at-least-32-characters";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final TestServer server = new TestServer();
    private MongoServer mongo;
    private String userId;

    @BeforeEach
    void serve() throws Exception {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        WebhookDef w = TestApps.webhook("whoami");
        WebhookDef authed = new WebhookDef(w.service(), w.serviceType(), "whoami", "POST",
                ValidationMethod.NO_VALIDATION, null, null, true, new RunAs(RunAs.Mode.APPLICATION, null, null), null,
                false, false, false, null, w.source());
        server.env("HOOKSTEAD_SERVICE_HOOKSTEAD_USERS_URI", uri).env("HOOKSTEAD_AUTH_TOKENSIGNINGKEY", KEY)
                .env("HOOKSTEAD_ENGINE_POOLSIZE", "1")
                .app(new JsApp().webhook(authed, "exports = () => context.user.id;").authProvider(
                        new AuthProviderDef("local-userpass", "local-userpass", false,
                                JSON.readTree("{\"autoConfirm\": true}"), null, List.of(), "auth/providers.json")))
                .start();
        try (UserAdmin admin = UserAdmin.connect(uri, "hookstead-users")) {
            userId = admin.addUser("ann@example.com", "correct horse");
        }
    }

    @AfterEach
    void stopMongo() {
        mongo.shutdown();
    }

    private String token(String type, Instant issued, Instant expires) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(userId).audience(TestApps.APP_ID)
                .expirationTime(Date.from(expires)).claim("typ", type);
        if (issued != null) claims.issueTime(Date.from(issued));
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        jwt.sign(new MACSigner(KEY));
        return jwt.serialize();
    }

    private HttpResponse<String> whoami(String token) {
        return server.post(webhookPath("whoami"), "{}", "Authorization", "Bearer " + token);
    }

    private static void assertRefused(HttpResponse<String> r) throws Exception {
        assertEquals(401, r.statusCode(), r::body);
        JsonNode body = JSON.readTree(r.body());
        assertEquals("InvalidSession", body.path("error_code").asText());
        assertEquals("invalid session", body.path("error").asText());
    }

    @Test
    void aTokenShapedAsTheServerIssuesIsAccepted() throws Exception {
        Instant now = Instant.now();
        HttpResponse<String> r = whoami(token("access", now, now.plus(Duration.ofMinutes(30))));
        assertEquals(200, r.statusCode(), r::body);
        assertEquals("\"" + userId + "\"", r.body());
    }

    @Test
    void anAccessTokenValidForYearsIsRefusedThoughItsSignatureIsGood() throws Exception {
        Instant now = Instant.now();
        assertRefused(whoami(token("access", now, now.plus(Duration.ofDays(3650)))));
        assertRefused(whoami(token("access", now, now.plus(Duration.ofMinutes(31)))));
    }

    @Test
    void anAccessTokenWithoutOrWithAFutureIssueTimeIsRefused() throws Exception {
        Instant now = Instant.now();
        assertRefused(whoami(token("access", null, now.plus(Duration.ofMinutes(10)))));
        Instant later = now.plus(Duration.ofDays(365));
        assertRefused(whoami(token("access", later, later.plus(Duration.ofMinutes(30)))));
    }

    @Test
    void aRefreshTokenValidForLongerThanSixtyDaysCannotRenewASession() throws Exception {
        Instant now = Instant.now();
        HttpResponse<String> forged = server.post("/api/client/v2.0/auth/session", "", "Authorization",
                "Bearer " + token("refresh", now, now.plus(Duration.ofDays(365))));
        assertRefused(forged);
        HttpResponse<String> issued = server.post("/api/client/v2.0/auth/session", "", "Authorization",
                "Bearer " + token("refresh", now, now.plus(Duration.ofDays(60))));
        assertEquals(201, issued.statusCode(), issued::body);
    }
}
