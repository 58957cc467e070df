package dev.hookstead.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.hookstead.auth.admin.UserAdmin;
import dev.hookstead.manifest.AuthProviderDef;
import dev.hookstead.manifest.CustomUserDataDef;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestApps;
import dev.hookstead.testing.TestServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static dev.hookstead.testing.TestApps.endpointPath;
import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.*;

/** Application authentication end to end: real HTTP, real compiled functions, a real (in-memory) MongoDB. */
class ApplicationAuthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HS_KEY = "a-test-signing-key-of-at-least-32-characters";
    private static final String WHOAMI = """
            exports = function() {
              console.log("FUNCTION-RAN");
              const u = context.user;
              return { id: u.id, type: u.type, data: u.data, custom: u.custom_data, system: context.runningAsSystem(),
                       identities: u.identities.map((i) => ({ id: i.id, provider_type: i.provider_type, data: i.data })) };
            };
            """;
    private static final String LOGIN = "/api/client/v2.0/app/" + TestApps.APP_ID + "/auth/providers/%s/login";

    @RegisterExtension
    final TestServer server = new TestServer();
    private MongoServer mongo;
    private String mongoUri;

    @BeforeEach
    void startMongo() {
        server.env("HOOKSTEAD_ENGINE_POOLSIZE", "1");
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        mongoUri = "mongodb://127.0.0.1:" + address.getPort();
    }

    @AfterEach
    void stopMongo() {
        mongo.shutdown();
    }

    // ---- apps ----

    private static WebhookDef authed(String name, boolean createUserOnAuth, boolean fetchCustomUserData,
                                     String canEvaluate) throws Exception {
        WebhookDef w = TestApps.webhook(name);
        return new WebhookDef(w.service(), w.serviceType(), name, "POST", ValidationMethod.NO_VALIDATION, null, null,
                true, new RunAs(RunAs.Mode.APPLICATION, null, null),
                canEvaluate == null ? null : JSON.readTree(canEvaluate), false, fetchCustomUserData, createUserOnAuth,
                null, w.source());
    }

    private static AuthProviderDef provider(String type, boolean disabled, String config, String secretConfig,
                                            String... metadataFields) throws Exception {
        List<JsonNode> fields = new java.util.ArrayList<>();
        for (String f : metadataFields) fields.add(JSON.readTree(f));
        return new AuthProviderDef(type, type, disabled, config == null ? null : JSON.readTree(config),
                secretConfig == null ? null : JSON.readTree(secretConfig), fields, "auth/providers.json");
    }

    private JsApp app(AuthProviderDef... providers) throws Exception {
        JsApp app = new JsApp()
                .webhook(authed("whoami", false, false, null), WHOAMI)
                .webhook(authed("create", true, false, null), WHOAMI)
                .webhook(authed("serversOnly", false, false, "{\"%%user.type\": \"server\"}"), WHOAMI);
        for (AuthProviderDef p : providers) app.authProvider(p);
        server.env("HOOKSTEAD_SERVICE_HOOKSTEAD_USERS_URI", mongoUri);
        return app;
    }

    private JsApp standardApp() throws Exception {
        return app(provider("local-userpass", false, "{\"autoConfirm\": true}", null),
                provider("api-key", false, null, null),
                provider("custom-token", false, "{\"signingAlgorithm\": \"HS256\"}", "{\"signingKeys\": [\"jwtKey\"]}",
                        "{\"required\": true, \"name\": \"profile\\\\.v1.name\", \"field_name\": \"name\"}",
                        "{\"required\": false, \"name\": \"email\"}"));
    }

    private UserAdmin admin() {
        return UserAdmin.connect(mongoUri, "hookstead-users");
    }

    // ---- helpers ----

    private HttpResponse<String> post(String path, String body, String... headers) {
        return server.post(path, body, headers);
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    private static void assertError(HttpResponse<String> r, int status, String code, String message) {
        assertEquals(status, r.statusCode(), r::body);
        assertEquals(code, json(r).path("error_code").asText(), r::body);
        if (message != null) assertEquals(message, json(r).path("error").asText(), r::body);
    }

    private static String hs256(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(HS_KEY));
        return jwt.serialize();
    }

    private static JWTClaimsSet.Builder claims(String sub) {
        return new JWTClaimsSet.Builder().subject(sub).audience(TestApps.APP_ID)
                .expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }

    // ---- tests ----

    @Test
    void emailAndPasswordInHeadersOrBody() throws Exception {
        server.app(standardApp()).start();
        String id;
        try (UserAdmin admin = admin()) {
            id = admin.addUser("Ann@Example.com", "correct horse");
        }
        HttpResponse<String> headers = post(webhookPath("whoami"), "{}", "email", "ann@example.com",
                "password", "correct horse");
        assertEquals(200, headers.statusCode(), headers::body);
        JsonNode user = json(headers);
        assertEquals(id, user.path("id").asText());
        assertEquals("normal", user.path("type").asText());
        assertFalse(user.path("system").asBoolean());
        assertEquals("local-userpass", user.path("identities").get(0).path("provider_type").asText());
        assertEquals("ann@example.com", user.path("identities").get(0).path("data").path("email").asText());

        HttpResponse<String> body = post(webhookPath("whoami"),
                "{\"email\": \"ann@example.com\", \"password\": \"correct horse\", \"other\": 1}",
                "Content-Type", "application/json");
        assertEquals(id, json(body).path("id").asText(), body::body);
    }

    @Test
    void unknownUserAndWrongPasswordGiveTheSameError() throws Exception {
        server.app(standardApp()).start();
        try (UserAdmin admin = admin()) {
            admin.addUser("ann@example.com", "correct horse");
        }
        HttpResponse<String> wrong = post(webhookPath("whoami"), "{}", "email", "ann@example.com", "password", "nope!!");
        HttpResponse<String> unknown = post(webhookPath("whoami"), "{}", "email", "bob@example.com", "password", "nope!!");
        assertError(wrong, 401, "InvalidSession", "invalid session: error finding user for endpoint");
        assertError(unknown, 401, "InvalidSession", "invalid session: error finding user for endpoint");
        assertFalse(server.logs().contains("FUNCTION-RAN"));
    }

    @Test
    void missingIncompleteAmbiguousAndTwoPlaceCredentialsAreRefusedBeforeTheFunction() throws Exception {
        server.app(standardApp()).start();
        assertError(post(webhookPath("whoami"), "{}"), 400, "InvalidParameter",
                "no authentication methods were specified");
        assertError(post(webhookPath("whoami"), "{}", "email", "ann@example.com"), 400, "MissingParameter",
                "must specify some form of authentication (either email+password, api-key, or jwt) in the request "
                        + "header or body");
        assertError(post(webhookPath("whoami"), "{\"password\": \"x\"}"), 400, "MissingParameter", null);
        assertError(post(webhookPath("whoami"), "{\"email\": \"a@b.c\", \"password\": \"secret1\"}", "api-key", "k"),
                400, "InvalidParameter", CredentialReader.BOTH_PLACES);
        assertError(post(webhookPath("whoami"), "{}", "api-key", "k", "jwtTokenString", "t"),
                400, "InvalidParameter", CredentialReader.SEVERAL);
        assertFalse(server.logs().contains("FUNCTION-RAN"), "the function never ran");
    }

    @Test
    void apiKeysFromTheAdminCodeAuthenticateServerUsersUntilRevoked() throws Exception {
        server.app(standardApp()).start();
        UserAdmin.NewApiKey key;
        try (UserAdmin admin = admin()) {
            key = admin.createApiKey("billing");
        }
        for (String header : new String[]{"api-key", "apiKey"}) {
            HttpResponse<String> r = post(webhookPath("whoami"), "{}", header, key.key());
            assertEquals(200, r.statusCode(), r::body);
            assertEquals(key.userId(), json(r).path("id").asText());
            assertEquals("server", json(r).path("type").asText());
            assertEquals("api-key", json(r).path("identities").get(0).path("provider_type").asText());
        }
        HttpResponse<String> inBody = post(webhookPath("whoami"), "{\"api-key\": \"" + key.key() + "\"}");
        assertEquals(key.userId(), json(inBody).path("id").asText(), inBody::body);

        // %%user in can_evaluate sees the authenticated user
        assertEquals(200, post(webhookPath("serversOnly"), "{}", "api-key", key.key()).statusCode());
        try (UserAdmin admin = admin()) {
            admin.addUser("ann@example.com", "correct horse");
            assertError(post(webhookPath("serversOnly"), "{}", "email", "ann@example.com", "password", "correct horse"),
                    403, "NoMatchingRule", null);
            admin.revokeApiKey("billing");
        }
        assertError(post(webhookPath("whoami"), "{}", "api-key", key.key()), 401, "InvalidSession", null);
        assertError(post(webhookPath("whoami"), "{}", "api-key", "x".repeat(64)), 401, "InvalidSession",
                "invalid session: error finding user for endpoint");
    }

    @Test
    void aDisabledProviderOrUserIsRefused() throws Exception {
        server.app(app(provider("local-userpass", true, null, null), provider("api-key", false, null, null))).start();
        try (UserAdmin admin = admin()) {
            admin.addUser("ann@example.com", "correct horse");
            assertError(post(webhookPath("whoami"), "{}", "email", "ann@example.com", "password", "correct horse"),
                    401, "InvalidSession", "authentication provider 'local-userpass' (local-userpass) is disabled");
            UserAdmin.NewApiKey key = admin.createApiKey("ops");
            admin.setDisabled(key.userId(), true);
            assertError(post(webhookPath("whoami"), "{}", "api-key", key.key()), 401, "InvalidSession",
                    "invalid session: the user is disabled");
        }
        assertError(post(webhookPath("whoami"), "{}", "jwtTokenString", "x.y.z"), 401, "InvalidSession",
                "authentication provider custom-token is not configured for this app");
    }

    @Test
    void customJwtHs256CreatesTheUserOnAuthAndMapsMetadata() throws Exception {
        server.env("HOOKSTEAD_SECRET_JWTKEY", HS_KEY).app(standardApp()).start();
        String token = hs256(claims("ext-42").claim("profile.v1", Map.of("name", "Ann"))
                .claim("email", "ann@example.com").build());

        assertError(post(webhookPath("whoami"), "{}", "jwtTokenString", token), 401, "InvalidSession",
                "invalid session: error finding user for endpoint");
        HttpResponse<String> created = post(webhookPath("create"), "{}", "jwtTokenString", token);
        assertEquals(200, created.statusCode(), created::body);
        JsonNode user = json(created);
        assertEquals("Ann", user.path("data").path("name").asText());
        assertEquals("ann@example.com", user.path("data").path("email").asText());
        assertEquals("ext-42", user.path("identities").get(0).path("id").asText());
        assertEquals("custom-token", user.path("identities").get(0).path("provider_type").asText());

        HttpResponse<String> again = post(webhookPath("whoami"), "{\"jwtTokenString\": \"" + token + "\"}");
        assertEquals(user.path("id").asText(), json(again).path("id").asText(), again::body);
    }

    @Test
    void customJwtChecksSignatureAudienceTimesAndRequiredMetadata() throws Exception {
        server.env("HOOKSTEAD_SECRET_JWTKEY", HS_KEY).app(standardApp()).start();
        Map<String, Object> profile = Map.of("name", "Ann");
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put(hs256(claims("u").claim("profile.v1", profile).expirationTime(Date.from(Instant.now().minusSeconds(5)))
                .build()), "invalid custom JWT: the token expired");
        cases.put(hs256(claims("u").claim("profile.v1", profile).notBeforeTime(Date.from(Instant.now().plusSeconds(300)))
                .build()), "invalid custom JWT: the token is not valid yet (nbf)");
        cases.put(hs256(claims("u").claim("profile.v1", profile).audience("someone-else").build()),
                "invalid custom JWT: the token's aud does not match the provider's audience");
        cases.put(hs256(claims("u").build()), "invalid custom JWT: the token lacks the required metadata field "
                + "'profile\\.v1.name'");
        String good = hs256(claims("u").claim("profile.v1", profile).build());
        cases.put(good.substring(0, good.length() - 4) + "AAAA", "invalid custom JWT: the signature is invalid");
        cases.put("not-a-jwt", "invalid custom JWT: the token is not a signed JWT");
        cases.forEach((token, message) ->
                assertError(post(webhookPath("create"), "{}", "jwtTokenString", token), 401, "InvalidSession", message));
        assertEquals(200, post(webhookPath("create"), "{}", "jwtTokenString", good).statusCode());
    }

    @Test
    void customJwtRs256WithAPemKeyAndAConfiguredAudience() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).generate();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                rsa.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----";
        server.env("HOOKSTEAD_SECRET_RSAPUB", pem).app(app(provider("custom-token", false,
                "{\"signingAlgorithm\": \"RS256\", \"audience\": [\"a\", \"b\"], \"requireAnyAudience\": true}",
                "{\"signingKeys\": [\"rsaPub\"]}"))).start();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims("rs-user").audience("b").build());
        jwt.sign(new RSASSASigner(rsa));
        HttpResponse<String> ok = post(webhookPath("create"), "{}", "jwtTokenString", jwt.serialize());
        assertEquals(200, ok.statusCode(), ok::body);

        SignedJWT hs = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims("rs-user").audience("b").build());
        hs.sign(new MACSigner(HS_KEY));
        assertError(post(webhookPath("create"), "{}", "jwtTokenString", hs.serialize()), 401, "InvalidSession",
                "invalid custom JWT: the token is signed with HS256, expected RS256");
    }

    @Test
    void customJwtRs256FromAJwkUri() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("k1").generate();
        HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] set = new JWKSet(rsa.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, set.length);
            exchange.getResponseBody().write(set);
            exchange.close();
        });
        jwks.start();
        try {
            String uri = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json";
            server.app(app(provider("custom-token", false, "{\"useJWKURI\": true, \"jwkURI\": \"" + uri + "\"}",
                    null))).start();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                    claims("jwk-user").build());
            jwt.sign(new RSASSASigner(rsa));
            HttpResponse<String> ok = post(webhookPath("create"), "{}", "jwtTokenString", jwt.serialize());
            assertEquals(200, ok.statusCode(), ok::body);
            assertEquals("jwk-user", json(ok).path("identities").get(0).path("id").asText());

            SignedJWT noKid = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims("jwk-user").build());
            noKid.sign(new RSASSASigner(rsa));
            assertError(post(webhookPath("create"), "{}", "jwtTokenString", noKid.serialize()), 401, "InvalidSession",
                    "invalid custom JWT: the token has no kid, which a JWK URI provider needs");
        } finally {
            jwks.stop(0);
        }
    }

    @Test
    void customUserDataIsLoadedWhenTheWebhookAsksForIt() throws Exception {
        server.env("HOOKSTEAD_SERVICE_MONGODB_ATLAS_URI", mongoUri)
                .app(new JsApp().dataSource("mongodb-atlas")
                        .customUserData(new CustomUserDataDef(true, "mongodb-atlas", "app", "profiles", "user_id", null))
                        .authProvider(provider("local-userpass", false, null, null))
                        .webhook(authed("with", false, true, null), WHOAMI)
                        .webhook(authed("without", false, false, null), WHOAMI))
                .start();
        String id;
        try (UserAdmin admin = admin(); MongoClient client = MongoClients.create(mongoUri)) {
            id = admin.addUser("ann@example.com", "correct horse");
            client.getDatabase("app").getCollection("profiles").insertMany(List.of(
                    new Document("user_id", "someone-else").append("colour", "red"),
                    new Document("user_id", id).append("colour", "blue"),
                    new Document("user_id", id).append("colour", "green")));
        }
        HttpResponse<String> with = post(webhookPath("with"), "{}", "email", "ann@example.com", "password", "correct horse");
        assertEquals("blue", json(with).path("custom").path("colour").asText(), with::body);
        HttpResponse<String> without = post(webhookPath("without"), "{}", "email", "ann@example.com",
                "password", "correct horse");
        assertEquals(0, json(without).path("custom").size(), without::body);
    }

    @Test
    void theLoginRouteHandsOutBearerTokensForWebhooksAndEndpoints() throws Exception {
        JsApp app = standardApp()
                .function("whoamiFn", false, new RunAs(RunAs.Mode.APPLICATION, null, null), WHOAMI)
                .endpoint(new EndpointDef("/whoami", "GET", "whoamiFn", ValidationMethod.NO_VALIDATION, null, true,
                        false, false, false, "JSON", null, "http_endpoints/config.json"));
        server.env("HOOKSTEAD_SECRET_JWTKEY", HS_KEY).app(app).start();
        String id;
        try (UserAdmin admin = admin()) {
            id = admin.addUser("ann@example.com", "correct horse");
        }
        HttpResponse<String> login = post(String.format(LOGIN, "local-userpass"),
                "{\"username\": \"ann@example.com\", \"password\": \"correct horse\"}", "Content-Type", "application/json");
        assertEquals(200, login.statusCode(), login::body);
        JsonNode session = json(login);
        assertEquals(id, session.path("user_id").asText());
        assertEquals("000000000000000000000000", session.path("device_id").asText());
        String access = session.path("access_token").asText();

        HttpResponse<String> hook = post(webhookPath("whoami"), "{}", "Authorization", "Bearer " + access);
        assertEquals(id, json(hook).path("id").asText(), hook::body);
        HttpResponse<String> endpoint = server.send(server.request(endpointPath("/whoami"))
                .header("Authorization", "Bearer " + access).GET().build());
        assertEquals(200, endpoint.statusCode(), endpoint::body);
        assertEquals(id, json(endpoint).path("id").asText());
        assertError(server.get(endpointPath("/whoami")), 400, "InvalidParameter", "no authentication methods were specified");
        assertError(server.send(server.request(endpointPath("/whoami")).header("email", "ann@example.com")
                .header("password", "wrong-pass").GET().build()), 401, "InvalidSession", null);

        // a bad bearer token fails without detail, even when other credentials are present
        assertError(post(webhookPath("whoami"), "{}", "Authorization", "Bearer " + access + "x",
                "email", "ann@example.com", "password", "correct horse"), 401, "InvalidSession", "invalid session");
        String refresh = session.path("refresh_token").asText();
        assertError(post(webhookPath("whoami"), "{}", "Authorization", "Bearer " + refresh), 401, "InvalidSession",
                "invalid session");

        HttpResponse<String> profile = server.send(server.request("/api/client/v2.0/auth/profile")
                .header("Authorization", "Bearer " + access).GET().build());
        assertEquals(id, json(profile).path("user_id").asText(), profile::body);
        assertEquals("ann@example.com", json(profile).path("identities").get(0).path("provider_data").path("email").asText());
        HttpResponse<String> renewed = post("/api/client/v2.0/auth/session", "", "Authorization", "Bearer " + refresh);
        assertEquals(201, renewed.statusCode(), renewed::body);
        assertEquals(id, json(post(webhookPath("whoami"), "{}", "Authorization", "Bearer "
                + json(renewed).path("access_token").asText())).path("id").asText());

        assertError(post(String.format(LOGIN, "local-userpass"), "{\"username\": \"ann@example.com\", \"password\": \"x\"}"),
                401, "InvalidPassword", "invalid username/password");
        try (UserAdmin admin = admin()) {
            UserAdmin.NewApiKey key = admin.createApiKey("robot");
            HttpResponse<String> keyLogin = post(String.format(LOGIN, "api-key"), "{\"key\": \"" + key.key() + "\"}");
            assertEquals(key.userId(), json(keyLogin).path("user_id").asText(), keyLogin::body);
        }
        String jwt = hs256(claims("sdk-user").claim("profile.v1", Map.of("name", "Sam")).build());
        HttpResponse<String> jwtLogin = post(String.format(LOGIN, "custom-token"), "{\"token\": \"" + jwt + "\","
                + " \"options\": {\"device\": {\"deviceId\": \"dev-1\"}}}");
        assertEquals(200, jwtLogin.statusCode(), jwtLogin::body);
        assertEquals("dev-1", json(jwtLogin).path("device_id").asText());
    }
}
