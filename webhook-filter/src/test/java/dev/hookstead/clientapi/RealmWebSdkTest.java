package dev.hookstead.clientapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.hookstead.manifest.AuthProviderDef;
import dev.hookstead.manifest.CustomUserDataDef;
import dev.hookstead.manifest.FunctionDef;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestApps;
import dev.hookstead.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official realm-web SDK (2.0.1 from npm, unmodified, only its baseUrl set) in Node.js against the filter on an
 * embedded Tomcat: {@code src/test/node/sdk-client.js} registers, confirms, logs in with email/password, API key and
 * custom JWT, calls functions with EJSON arguments, an endpoint with its token, refreshes (custom user data too),
 * manages API keys, resets passwords, logs out and deletes a user. Each step's printed outcome is asserted here.
 */
class RealmWebSdkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JWT_KEY = "a-test-signing-key-of-at-least-32-characters";
    private static final String SAVE_TOKEN = """
            exports = async function({token, tokenId, username}, mode) {
              await context.services.get("mongodb-atlas").db("test").collection("tokens")
                .updateOne({_id: username}, {$set: {token, tokenId}}, {upsert: true});
              return {status: username.startsWith("later") || mode === "wait" ? "pending" : "success"};
            };
            """;

    @RegisterExtension
    final TestServer server = new TestServer();
    private MongoServer mongo;

    @AfterEach
    void stopMongo() {
        if (mongo != null) mongo.shutdown();
    }

    private static AuthProviderDef provider(String type, String config, String secretConfig, String... metadata)
            throws Exception {
        List<JsonNode> fields = new java.util.ArrayList<>();
        for (String f : metadata) fields.add(JSON.readTree(f));
        return new AuthProviderDef(type, type, false, config == null ? null : JSON.readTree(config),
                secretConfig == null ? null : JSON.readTree(secretConfig), fields, "auth/providers.json");
    }

    private static FunctionDef function(String name, boolean isPrivate, RunAs runAs, String canEvaluate)
            throws Exception {
        return new FunctionDef(name, isPrivate, runAs, canEvaluate == null ? null : JSON.readTree(canEvaluate), false,
                null, "functions/config.json");
    }

    static JsApp sdkApp() throws Exception {
        RunAs caller = new RunAs(RunAs.Mode.APPLICATION, null, null);
        return new JsApp()
                .dataSource("mongodb-atlas")
                .authProvider(provider("local-userpass", "{\"autoConfirm\": false, \"runConfirmationFunction\": true,"
                        + " \"confirmationFunctionName\": \"confirmUser\", \"runResetFunction\": true,"
                        + " \"resetFunctionName\": \"resetPassword\"}", null))
                .authProvider(provider("api-key", null, null))
                .authProvider(provider("custom-token", "{\"signingAlgorithm\": \"HS256\"}",
                        "{\"signingKeys\": [\"jwtKey\"]}", "{\"required\": true, \"name\": \"name\"}"))
                .function(function("sum", false, caller, null), "exports = (a, b) => a + b;")
                .function(function("echo", false, caller, null), """
                        exports = (o) => ({when: o.when, id: o.id, big: o.big, dec: o.dec, types: [
                          o.when instanceof Date, o.id instanceof BSON.ObjectId, o.big instanceof BSON.Long,
                          o.dec instanceof BSON.Decimal128, o.big.toString()]});
                        """)
                .function(function("whoami", false, caller, null), "exports = () => context.user.id;")
                .function(function("asSystem", false, RunAs.SYSTEM, null),
                        "exports = () => ({system: context.runningAsSystem(), type: context.user.type});")
                .function(function("hidden", true, caller, null), "exports = () => 'secret';")
                .function(function("thrower", false, caller, null), "exports = () => { throw new Error('boom'); };")
                .function(function("onlyServers", false, caller, "{\"%%user.type\": \"server\"}"), "exports = () => 1;")
                .function(function("confirmUser", true, RunAs.SYSTEM, null), SAVE_TOKEN)
                .function(function("resetPassword", true, RunAs.SYSTEM, null), SAVE_TOKEN)
                .function(function("lastToken", false, RunAs.SYSTEM, null), """
                        exports = async (email) => {
                          const d = await context.services.get("mongodb-atlas").db("test").collection("tokens")
                            .findOne({_id: email});
                          return {token: d.token, tokenId: d.tokenId};
                        };
                        """)
                .customUserData(new CustomUserDataDef(true, "mongodb-atlas", "test", "custom", "user_id", null))
                .function(function("setPlan", false, RunAs.SYSTEM, null), """
                        exports = (userId, plan) => context.services.get("mongodb-atlas").db("test").collection("custom")
                          .updateOne({user_id: userId}, {$set: {plan}}, {upsert: true}).then(() => plan);
                        """)
                .function(function("hello", false, caller, null),
                        "exports = (request, response) => ({hello: context.user.id});")
                .endpoint(TestApps.endpoint("/hello", "GET", "hello", "JSON"));
    }

    void startServer() throws Exception {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        server.env("HOOKSTEAD_SERVICE_MONGODB_ATLAS_URI", uri)
                .env("HOOKSTEAD_SECRET_JWTKEY", JWT_KEY)
                .env("HOOKSTEAD_ENGINE_POOLSIZE", "2")
                .app(sdkApp())
                .start();
    }

    @Test
    void realmWebWorksUnmodified() throws Exception {
        startServer();
        String base = server.uri("").toString();
        NodeSdk.Result run = NodeSdk.node(NodeSdk.SOURCES.resolve("sdk-client.js"), Map.of(
                "HOOKSTEAD_BASE_URL", base, "HOOKSTEAD_APP_ID", TestApps.APP_ID, "HOOKSTEAD_JWT_KEY", JWT_KEY), 180);
        Map<String, JsonNode> steps = run.steps();
        String all = run.out() + run.err();
        assertTrue(steps.containsKey("done"), all);

        assertValue(steps, "register", "null");
        assertError(steps, "registerTaken", 409, "AccountNameInUse");
        assertError(steps, "registerShortPassword", 400, "BadRequest");
        JsonNode profile = value(steps, "profile");
        assertEquals("ada@example.com", profile.path("email").asText(), all);
        assertEquals("[\"local-userpass\"]", profile.path("providers").toString(), all);
        assertEquals("active", profile.path("state").asText(), all);

        assertValue(steps, "sum", "5");
        // the function gets the exact Int64; the SDK's own relaxed EJSON reading makes the returned one a JS number
        JsonNode echo = value(steps, "echo");
        assertEquals("{\"whenIsDate\":true,\"when\":\"1970-01-02T00:00:00.000Z\",\"id\":\"5f0a1b2c3d4e5f6a7b8c9d01\","
                + "\"big\":\"9007199254740992\",\"dec\":\"1.10\",\"types\":[true,true,true,true,\"9007199254740993\"]}", echo.toString(), all);
        assertEquals(profile.path("id").asText(), value(steps, "whoami").asText(), "runs as the calling user");
        assertValue(steps, "asSystem", "{\"system\":true,\"type\":\"system\"}");
        assertError(steps, "private", 404, "FunctionNotFound");
        assertEquals("function not found: 'hidden'", steps.get("private").at("/error/error").asText());
        assertError(steps, "unknown", 404, "FunctionNotFound");
        assertError(steps, "throws", 400, "FunctionExecutionError");
        assertError(steps, "denied", 403, "NoMatchingRule");
        assertEquals("{\"status\":200,\"body\":{\"hello\":\"" + profile.path("id").asText() + "\"}}",
                value(steps, "endpoint").toString());

        assertValue(steps, "refresh", "{\"changed\":true,\"sum\":2}");
        assertValue(steps, "expiredAccessTokenIsRefreshed", "42");
        assertValue(steps, "customData", "{\"before\":{},\"after\":\"gold\"}");

        JsonNode key = value(steps, "apiKeyCreate");
        assertEquals("laptop", key.path("name").asText());
        assertFalse(key.path("disabled").asBoolean(true));
        assertEquals(64, key.path("key").asText().length());
        assertError(steps, "apiKeyCreateTaken", 409, "ApiKeyAlreadyExists");
        assertValue(steps, "apiKeyList", "[{\"_id\":\"" + key.path("_id").asText()
                + "\",\"name\":\"laptop\",\"disabled\":false}]");
        assertValue(steps, "apiKeyFetch", "{\"_id\":\"" + key.path("_id").asText()
                + "\",\"name\":\"laptop\",\"disabled\":false}");
        assertValue(steps, "apiKeyLogin", "true");
        assertValue(steps, "apiKeyDisable", "null");
        assertError(steps, "apiKeyDisabledLogin", 401, "InvalidSession");
        assertValue(steps, "apiKeyEnable", "true");
        assertValue(steps, "apiKeyDelete", "[]");
        assertError(steps, "apiKeyDeletedFetch", 404, "ApiKeyNotFound");
        assertError(steps, "apiKeyDeletedLogin", 401, "InvalidSession");

        assertValue(steps, "registerPending", "null");
        assertError(steps, "pendingLogin", 401, "InvalidPassword");
        assertValue(steps, "retryConfirmation", "null");
        assertValue(steps, "confirm", "null");
        assertError(steps, "confirmAgain", 400, "BadRequest");
        assertValue(steps, "confirmedLogin", "\"later@example.com\"");
        assertError(steps, "confirmationEmail", 400, "BadRequest");

        assertValue(steps, "resetNow", "null");
        assertError(steps, "oldPassword", 401, "InvalidPassword");
        assertValue(steps, "newPassword", "true");
        assertValue(steps, "resetWait", "null");
        assertValue(steps, "reset", "null");
        assertValue(steps, "resetPasswordLogin", "true");
        assertError(steps, "resetUnknownUser", 404, "UserNotFound");
        assertError(steps, "resetEmail", 400, "BadRequest");

        assertValue(steps, "jwtLogin", "{\"name\":\"Grace\",\"whoami\":true}");

        assertValue(steps, "logout", "\"logged-out\"");
        assertEquals(401, value(steps, "refreshAfterLogout").path("status").asInt(), all);
        assertEquals("InvalidSession", value(steps, "refreshAfterLogout").at("/body/error_code").asText(), all);
        assertEquals("invalid session: failed to find refresh token",
                value(steps, "logoutAgain").at("/body/error").asText(), all);
        assertValue(steps, "deleteUser", "false");
        assertError(steps, "deletedLogin", 401, "InvalidPassword");
        assertEquals(0, run.exit(), all);
    }

    private static JsonNode value(Map<String, JsonNode> steps, String step) {
        JsonNode node = steps.get(step);
        assertTrue(node != null && node.has("value"), () -> step + ": " + node);
        return node.get("value");
    }

    private static void assertValue(Map<String, JsonNode> steps, String step, String expected) {
        assertEquals(expected, value(steps, step).toString(), () -> step + ": " + steps.get(step));
    }

    private static void assertError(Map<String, JsonNode> steps, String step, int status, String code) {
        JsonNode node = steps.get(step);
        assertTrue(node != null && node.has("error"), () -> step + " should fail: " + node);
        assertEquals(status, node.at("/error/statusCode").asInt(), () -> step + ": " + node);
        assertEquals(code, node.at("/error/errorCode").asText(), () -> step + ": " + node);
    }
}
