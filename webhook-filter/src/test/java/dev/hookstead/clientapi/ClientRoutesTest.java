package dev.hookstead.clientapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.hookstead.auth.admin.AdminException;
import dev.hookstead.auth.admin.UserAdmin;
import dev.hookstead.manifest.AuthProviderDef;
import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestApps;
import dev.hookstead.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client API routes over plain HTTP: shapes, statuses and error bodies the SDK test does not reach. */
class ClientRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP = "/api/client/v2.0/app/" + TestApps.APP_ID;

    @RegisterExtension
    final TestServer server = new TestServer();
    private MongoServer mongo;
    private String mongoUri;

    @BeforeEach
    void startMongo() {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        mongoUri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        server.env("HOOKSTEAD_SERVICE_HOOKSTEAD_USERS_URI", mongoUri)
                .env("HOOKSTEAD_ENGINE_POOLSIZE", "1");
    }

    @AfterEach
    void stopMongo() {
        mongo.shutdown();
    }

    private static JsApp app(String userpassConfig) throws Exception {
        return new JsApp()
                .authProvider(new AuthProviderDef("local-userpass", "local-userpass", false,
                        JSON.readTree(userpassConfig), null, List.of(), "auth/providers.json"))
                .authProvider(new AuthProviderDef("api-key", "api-key", false, null, null, List.of(),
                        "auth/providers.json"))
                .function("add", false, new dev.hookstead.manifest.RunAs(dev.hookstead.manifest.RunAs.Mode.APPLICATION,
                        null, null), "exports = (a, b) => a + b;");
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response::body);
        assertEquals(code, json(response).path("error_code").asText(), response::body);
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
    }

    private String accessToken() throws Exception {
        assertEquals(201, server.post(APP + "/auth/providers/local-userpass/register",
                "{\"email\": \"ada@example.com\", \"password\": \"secret-1\"}").statusCode());
        HttpResponse<String> login = server.post(APP + "/auth/providers/local-userpass/login",
                "{\"username\": \"ada@example.com\", \"password\": \"secret-1\"}");
        return json(login).path("access_token").asText();
    }

    private HttpResponse<String> call(String token, String body) {
        return server.send(server.request(APP + "/functions/call").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void locationIsTheWebappsOwnBaseUrl() throws Exception {
        server.app(app("{\"autoConfirm\": true}")).contextPath("/hooks").start();
        HttpResponse<String> r = server.get(APP + "/location");
        assertEquals(200, r.statusCode(), r::body);
        String base = server.uri("").toString();
        assertEquals("{\"deployment_model\":\"GLOBAL\",\"location\":\"\",\"hostname\":\"" + base
                + "\",\"ws_hostname\":\"" + base.replace("http:", "ws:") + "\"}", r.body());
        assertTrue(base.endsWith("/hooks"), base);
        assertError(server.post(APP + "/location", "{}"), 405, "MethodNotAllowed");
        assertTrue(server.get("/api/client/v2.0/app/otherapp-xyz/location").body().startsWith("fallback"),
                "another app's location is not this filter's to answer");
    }

    @Test
    void locationHonoursThePublicBaseUrl() throws Exception {
        server.env("HOOKSTEAD_PUBLICBASEURL", "https://hooks.example.com/app/").app(app("{\"autoConfirm\": true}"))
                .start();
        JsonNode location = json(server.get(APP + "/location"));
        assertEquals("https://hooks.example.com/app", location.path("hostname").asText());
        assertEquals("wss://hooks.example.com/app", location.path("ws_hostname").asText());
    }

    @Test
    void locationIsServedWithoutAuthProviders() throws Exception {
        server.manifest(TestApps.app(TestApps.webhook("hook"))).start();
        assertEquals(200, server.get(APP + "/location").statusCode());
        assertError(server.post(APP + "/functions/call", "{}"), 404, "IncomingWebhookNotFound");
    }

    @Test
    void functionCallErrors() throws Exception {
        server.app(app("{\"autoConfirm\": true}")).start();
        String token = accessToken();
        HttpResponse<String> ok = call(token, "{\"name\": \"add\", \"arguments\": [{\"$numberInt\": \"2\"}, 3]}");
        assertEquals(200, ok.statusCode(), ok::body);
        assertEquals(JSON.readTree("{\"$numberInt\":\"5\"}"), json(ok));
        assertError(server.post(APP + "/functions/call", "{\"name\": \"add\"}"), 401, "InvalidSession");
        assertError(call("not-a-token", "{\"name\": \"add\"}"), 401, "InvalidSession");
        assertError(call(token, "[1, 2]"), 400, "InvalidParameter");
        assertError(call(token, "{\"arguments\": []}"), 400, "MissingParameter");
        assertError(call(token, "{\"name\": \"add\", \"arguments\": 7}"), 400, "InvalidParameter");
        assertError(call(token, "{\"name\": \"find\", \"service\": \"mongodb-atlas\", \"arguments\": []}"), 404,
                "ServiceNotFound");
        assertError(server.get(APP + "/functions/call"), 405, "MethodNotAllowed");
    }

    @Test
    void registrationWithoutConfirmationSettingIsRefusedSayingWhatToSet() throws Exception {
        server.app(app("{\"autoConfirm\": false}")).start();
        HttpResponse<String> r = server.post(APP + "/auth/providers/local-userpass/register",
                "{\"email\": \"ada@example.com\", \"password\": \"secret-1\"}");
        assertError(r, 400, "BadRequest");
        assertTrue(json(r).path("error").asText().contains("set autoConfirm or runConfirmationFunction"), r::body);
        assertError(server.post(APP + "/auth/providers/local-userpass/register", "{\"email\": \"ada\", \"password\": "
                + "\"secret-1\"}"), 400, "BadRequest");
        assertError(server.post(APP + "/auth/providers/api-key/register", "{}"), 401, "AuthError");
    }

    @Test
    void aConfirmationFunctionMissingFromTheAppFailsDeployment() throws Exception {
        server.app(app("{\"runConfirmationFunction\": true, \"confirmationFunctionName\": \"nope\"}")).start();
        assertNotNull(server.filter().initFailure);
        String message = server.filter().initFailure.getMessage();
        assertTrue(message.contains("confirmationFunctionName 'nope' is not a function of this app"), message);
    }

    @Test
    void userApiKeysAreNotServerKeysForTheAdminGoals() throws Exception {
        server.app(app("{\"autoConfirm\": true}")).start();
        accessToken();
        String refresh = json(server.post(APP + "/auth/providers/local-userpass/login",
                "{\"username\": \"ada@example.com\", \"password\": \"secret-1\"}")).path("refresh_token").asText();
        HttpResponse<String> created = server.post("/api/client/v2.0/auth/api_keys", "{\"name\": \"ops\"}",
                "Authorization", "Bearer " + refresh);
        assertEquals(201, created.statusCode(), created::body);
        try (UserAdmin admin = UserAdmin.connect(mongoUri, "hookstead-users")) {
            assertEquals(List.of(), admin.listApiKeys());
            assertThrows(AdminException.class, () -> admin.revokeApiKey("ops"),
                    "a server-key revoke never takes a user's key");
            assertEquals(List.of(false), admin.listUsers().stream().map(UserAdmin.UserSummary::disabled).toList());
        }
    }

    @Test
    void logoutRevokesOnlyThatRefreshToken() throws Exception {
        server.app(app("{\"autoConfirm\": true}")).start();
        accessToken();
        String login = APP + "/auth/providers/local-userpass/login";
        String body = "{\"username\": \"ada@example.com\", \"password\": \"secret-1\"}";
        String first = json(server.post(login, body)).path("refresh_token").asText();
        String second = json(server.post(login, body)).path("refresh_token").asText();
        HttpResponse<String> logout = server.send(server.request("/api/client/v2.0/auth/session")
                .header("Authorization", "Bearer " + first).DELETE().build());
        assertEquals(204, logout.statusCode(), logout::body);
        assertError(server.post("/api/client/v2.0/auth/session", "", "Authorization", "Bearer " + first), 401,
                "InvalidSession");
        assertEquals(201, server.post("/api/client/v2.0/auth/session", "", "Authorization", "Bearer " + second)
                .statusCode());
        HttpResponse<String> put = server.send(server.request("/api/client/v2.0/auth/session")
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
        assertError(put, 405, "MethodNotAllowed");
        assertEquals("POST, DELETE", put.headers().firstValue("Allow").orElse(""));
    }
}
