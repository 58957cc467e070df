package dev.hookstead.build.export;

import dev.hookstead.build.problems.Problem;
import dev.hookstead.manifest.AuthProviderDef;
import dev.hookstead.manifest.DataSourceDef;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.ExportLayout;
import dev.hookstead.manifest.FunctionDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ManifestJson;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.manifest.ServiceDef;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.ValueDef;
import dev.hookstead.manifest.WebhookDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The four realistic exports read into the manifest the runtime expects. */
class LayoutsTest {

    @Test
    void stitchExport() {
        ExportResult r = Fixtures.read("stitch");
        Manifest m = r.manifest();
        assertFalse(r.problems().hasErrors(), r.problems()::format);
        assertEquals(ExportLayout.STITCH_CLI, m.app().layout());
        assertEquals("hookstead-stitch-abcde", m.app().clientAppId());
        assertNull(m.app().appId());
        assertEquals(20180301L, m.app().configVersion());
        assertEquals(List.of("https://app.example.com"), m.app().allowedRequestOrigins());

        assertEquals(List.of("gh/onPush", "http1/pushData", "http1/status", "sms/onSms"), webhookKeys(m));
        WebhookDef push = webhook(m, "http1", "pushData");
        assertEquals("POST", push.httpMethod());
        assertEquals(ValidationMethod.VERIFY_PAYLOAD, push.validationMethod());
        assertEquals("s3cr3t-push", push.secret());
        assertTrue(push.respondResult());
        assertTrue(push.disableArgLogs());
        assertEquals(RunAs.Mode.SCRIPT, push.runAs().mode());
        String scriptName = "services/http1/incoming_webhooks/pushData/config.json#run_as_user_id_script_source";
        assertEquals(scriptName, push.runAs().script().original());
        assertTrue(r.sources().get(scriptName).contains("runAsSystem"));
        assertEquals("248.88.57.58", push.canEvaluate().at("/%%request.remoteIPAddress/$nin/0").asText());
        assertEquals("services/http1/incoming_webhooks/pushData/source.js", push.script().original());

        WebhookDef status = webhook(m, "http1", "status");
        assertEquals("GET", status.httpMethod());
        assertEquals(new RunAs(RunAs.Mode.USER_ID, "5c1d0a7f3b5b1a2b3c4d5eff", null), status.runAs());
        assertNull(status.canEvaluate());

        WebhookDef github = webhook(m, "gh", "onPush");
        assertEquals("github", github.serviceType());
        assertEquals(ValidationMethod.NO_VALIDATION, github.validationMethod());
        assertEquals("mongostitchgithub", github.secret());
        assertEquals("ANY", github.httpMethod());
        assertEquals(RunAs.SYSTEM, github.runAs());

        WebhookDef twilio = webhook(m, "sms", "onSms");
        assertEquals("sms_auth_token", twilio.secretName());
        assertNull(twilio.secret());

        assertEquals(List.of("gh", "http1", "sms"), m.services().stream().map(ServiceDef::name).toList());
        assertEquals(Map.of("auth_token", "sms_auth_token"), m.service("sms").secretConfig());
        assertEquals("example.com", m.service("http1").rules().get("allowExampleCom")
                .at("/when/%%args.url.host/%in/0").asText());
        DataSourceDef atlas = m.dataSources().get(0);
        assertEquals("mongodb-atlas", atlas.name());
        assertEquals("Cluster0", atlas.config().get("clusterName").asText());
        assertEquals(List.of("db.c", "db.legacy"), List.copyOf(atlas.rules().keySet()));

        assertEquals(List.of("getGreeting", "isAuthorizedUser"), functionNames(m));
        assertEquals(RunAs.Mode.APPLICATION, m.function("getGreeting").runAs().mode());
        assertNull(m.function("getGreeting").canEvaluate());
        assertTrue(m.function("isAuthorizedUser").isPrivate());
        assertEquals(RunAs.SYSTEM, m.function("isAuthorizedUser").runAs());
        assertEquals("functions/getGreeting/source.js", m.function("getGreeting").script().original());

        assertEquals(List.of("adminIds", "greeting", "smsToken"), m.values().stream().map(ValueDef::name).toList());
        ValueDef secret = m.values().get(2);
        assertTrue(secret.fromSecret());
        assertEquals("sms_auth_token", secret.secretName());
        assertNull(secret.value());
        assertEquals(Boolean.TRUE, m.values().get(0).isPrivate());

        assertEquals(List.of("anon-user", "api-key", "custom-token"), providerNames(m));
        AuthProviderDef jwt = m.authProviders().get(2);
        assertEquals("jwt_signing_key", jwt.secretConfig().at("/signingKeys/0").asText());
        assertEquals(1, jwt.metadataFields().size());

        assertEquals("mongodb-atlas", m.customUserData().serviceName(), "mongo_service_id resolved to its name");
        assertEquals("user_id", m.customUserData().userIdField());
        assertTrue(m.customUserData().enabled());
    }

    @Test
    void stitchSecretsAreNamedButNeverCopied() {
        ExportResult r = Fixtures.read("stitch");
        Problem warning = r.problems().warnings().stream().filter(p -> p.file().equals("secrets.json"))
                .findFirst().orElseThrow();
        assertTrue(warning.message().contains("services.sms.auth_token"), warning::format);
        assertTrue(warning.message().contains("auth_providers.custom-token.signingKey"), warning::format);
        assertTrue(warning.fix().contains("hookstead.secret."), warning::format);
        for (Problem p : r.problems().all()) {
            assertFalse(p.format().contains("DO-NOT-LEAK"), p::format);
        }
        String json = new String(ManifestJson.write(r.manifest()), StandardCharsets.UTF_8);
        assertFalse(json.contains("DO-NOT-LEAK"));
        assertFalse(r.sources().values().stream().anyMatch(s -> s.contains("DO-NOT-LEAK")));
    }

    @Test
    void inlineWebhookSecretsWarnWithoutRepeatingTheSecret() {
        ExportResult r = Fixtures.read("stitch");
        List<Problem> inline = r.problems().warnings().stream()
                .filter(p -> "options.secret".equals(p.field())).toList();
        assertEquals(List.of("services/gh/incoming_webhooks/onPush/config.json",
                "services/http1/incoming_webhooks/pushData/config.json"), inline.stream().map(Problem::file).toList());
        assertTrue(inline.get(0).message().contains("anyone with the WAR can read it"));
        assertTrue(inline.stream().noneMatch(p -> p.format().contains("mongostitchgithub")));
        // the third and fourth: secrets.json, and the Stitch pre-roles rule converted (RulesLayoutsTest)
        assertEquals(4, r.problems().warnings().size(), r.problems()::format);
    }

    @Test
    void realmCliV1Export() {
        ExportResult r = Fixtures.read("realm-v1");
        Manifest m = r.manifest();
        assertFalse(r.problems().hasErrors(), r.problems()::format);
        assertEquals(ExportLayout.REALM_CLI_V1, m.app().layout());
        assertEquals("hookstead-v1-fghij", m.app().clientAppId());
        assertEquals("LOCAL", m.app().deploymentModel());
        assertEquals("production", m.app().environment());
        assertEquals(List.of("http://localhost:8000"), m.app().allowedRequestOrigins(), "security.allowed_request_origins");
        assertEquals(List.of("", "production"), List.copyOf(m.environments().keySet()));
        assertEquals("prod", m.environments().get("production").get("tier").asText());

        WebhookDef hook = webhook(m, "http1", "createItem");
        assertEquals(new RunAs(RunAs.Mode.APPLICATION, null, null), hook.runAs());
        assertEquals(ValidationMethod.SECRET_AS_QUERY_PARAM, hook.validationMethod());
        assertEquals("qp-secret", hook.secret());
        assertTrue(hook.fetchCustomUserData());
        assertEquals("isAuthorizedUser", hook.canEvaluate().at("/%%true/%function/name").asText());

        assertEquals(List.of("app.items", "app.notes", "default_rule"), List.copyOf(m.dataSources().get(0).rules().keySet()));
        assertEquals("mongodb-atlas", m.customUserData().serviceName());
        assertEquals(List.of("local-userpass"), providerNames(m));
        assertTrue(m.authProviders().get(0).config().get("autoConfirm").asBoolean());
        assertEquals(List.of("isAuthorizedUser"), functionNames(m));
    }

    @Test
    void realmCliV2Export() {
        ExportResult r = Fixtures.read("realm-v2");
        Manifest m = r.manifest();
        assertEquals(List.of(), r.problems().all());
        assertEquals(ExportLayout.REALM_CLI_V2, m.app().layout());
        assertEquals("hookstead-v2-klmno", m.app().clientAppId());
        assertEquals("5f0a1b2c3d4e5f6a7b8c9d01", m.app().appId(), "internal id kept apart from the client id");
        assertEquals(List.of("https://app.example.com", "http://localhost:3000"), m.app().allowedRequestOrigins());

        assertEquals(List.of("/hello ANY", "/hello GET", "/items POST"),
                m.endpoints().stream().map(e -> e.route() + " " + e.httpMethod()).toList());
        EndpointDef any = m.endpoints().get(0);
        assertTrue(any.disabled());
        assertNull(any.returnType());
        EndpointDef hello = m.endpoints().get(1);
        assertEquals("endpoint/hello/latest", hello.functionName());
        assertEquals("JSON", hello.returnType());
        EndpointDef items = m.endpoints().get(2);
        assertEquals(ValidationMethod.VERIFY_PAYLOAD, items.validationMethod());
        assertEquals("itemsSigningKey", items.secretName());
        assertEquals("EJSON", items.returnType());
        assertTrue(items.createUserOnAuth());
        assertTrue(items.fetchCustomUserData());
        assertEquals("http_endpoints/config.json", items.source());

        WebhookDef echo = webhook(m, "legacy", "echo");
        assertEquals("ANY", echo.httpMethod());
        assertEquals(RunAs.SYSTEM, echo.runAs());
        assertEquals("http_endpoints/legacy/incoming_webhooks/echo/source.js", echo.script().original());
        assertEquals("http_endpoints/legacy/config.json", m.service("legacy").source());

        assertEquals(List.of("endpoint/hello/latest", "insertItems", "util/format"), functionNames(m));
        FunctionDef latest = m.function("endpoint/hello/latest");
        assertEquals("functions/endpoint/hello/latest.js", latest.script().original());
        assertEquals("functions/config.json", latest.source());
        assertEquals(RunAs.SYSTEM, latest.runAs());
        FunctionDef insert = m.function("insertItems");
        assertEquals(RunAs.Mode.APPLICATION, insert.runAs().mode());
        assertTrue(insert.disableArgLogs());
        assertEquals("normal", insert.canEvaluate().get("%%user.type").asText());
        assertEquals(new RunAs(RunAs.Mode.USER_ID, "5f0a1b2c3d4e5f6a7b8c9dff", null), m.function("util/format").runAs());

        DataSourceDef atlas = m.dataSources().get(0);
        assertEquals(List.of("app.audit", "app.items", "app.tags", "default_rule"), List.copyOf(atlas.rules().keySet()));
        assertEquals("Item", atlas.rules().get("app.items").at("/schema/title").asText());

        assertEquals(List.of("anon-user", "api-key", "local-userpass"), providerNames(m));
        assertTrue(m.authProviders().get(2).disabled());
        assertEquals("util/format", m.customUserData().onUserCreationFunctionName());
        assertEquals(List.of("", "development", "production"), List.copyOf(m.environments().keySet()));
        assertEquals("http://localhost:3000", m.environments().get("development").get("baseUrl").asText());

        ValueDef key = m.values().get(0);
        assertEquals("itemsKey", key.name());
        assertTrue(key.fromSecret());
        assertNull(key.value());
        assertEquals(50, m.values().get(1).value().asInt());
        assertNull(m.values().get(1).isPrivate());
    }

    @Test
    void appServicesExport() {
        ExportResult r = Fixtures.read("appservices");
        Manifest m = r.manifest();
        assertFalse(r.problems().hasErrors(), r.problems()::format);
        assertEquals(ExportLayout.APPSERVICES, m.app().layout());
        assertEquals("hookstead-as-pqrst", m.app().clientAppId());
        assertEquals("65a1b2c3d4e5f60718293a4b", m.app().appId());
        assertEquals(20230101L, m.app().configVersion(), "from .mdb/meta.json");
        assertEquals("aws-eu-west-1", m.app().providerRegion());
        assertEquals(List.of("https://shop.example.com"), m.app().allowedRequestOrigins());

        assertEquals(List.of("gh/onPush", "hooks/ping"), webhookKeys(m));
        assertEquals("PUT", webhook(m, "hooks", "ping").httpMethod());
        assertEquals("https_endpoints/hooks/incoming_webhooks/ping/config.json", webhook(m, "hooks", "ping").source());

        EndpointDef items = m.endpoints().get(1);
        assertEquals("/items", items.route());
        assertEquals(ValidationMethod.SECRET_AS_QUERY_PARAM, items.validationMethod(), "verification_method alias");
        assertEquals("https_endpoints/config.json", items.source());

        assertEquals(List.of("hello", "helpers/unlisted", "insertItems"), functionNames(m));
        FunctionDef unlisted = m.function("helpers/unlisted");
        assertFalse(unlisted.isPrivate());
        assertEquals(RunAs.Mode.APPLICATION, unlisted.runAs().mode());
        assertEquals("functions/helpers/unlisted.js", unlisted.script().original());
        assertFalse(m.customUserData().enabled());

        List<String> warned = r.problems().warnings().stream().map(p -> p.file() + " " + p.field()).sorted().toList();
        assertEquals(List.of("functions/helpers/unlisted.js null", "https_endpoints/config.json [0].verification_method",
                "services/gh/incoming_webhooks/onPush/config.json options.secret"), warned);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stitch", "realm-v1", "realm-v2", "appservices", "mini"})
    void scriptsAreUncompiledAndHashed(String fixture) throws Exception {
        ExportResult r = Fixtures.read(fixture);
        Manifest m = r.manifest();
        assertEquals(Manifest.FORMAT, m.format());
        assertEquals(Manifest.FORMAT_VERSION, m.formatVersion());
        assertNull(m.generator());
        assertNull(m.prelude());
        List<ScriptRef> refs = new java.util.ArrayList<>();
        m.webhooks().forEach(w -> {
            refs.add(w.script());
            if (w.runAs().script() != null) refs.add(w.runAs().script());
        });
        m.functions().forEach(f -> refs.add(f.script()));
        assertEquals(refs.size(), r.sources().size());
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        for (ScriptRef ref : refs) {
            assertNotNull(ref);
            assertNull(ref.path());
            assertEquals(List.of(), ref.lines());
            String text = r.sources().get(ref.original());
            assertNotNull(text, ref.original());
            assertEquals(java.util.HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8))),
                    ref.sha256());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"stitch", "realm-v1", "realm-v2", "appservices"})
    void sameExportGivesSameBytes(String fixture) {
        byte[] first = ManifestJson.write(Fixtures.read(fixture).manifest());
        byte[] second = ManifestJson.write(Fixtures.read(fixture).manifest());
        assertArrayEquals(first, second);
        assertEquals(Fixtures.read(fixture).problems().format(), Fixtures.read(fixture).problems().format());
    }

    private static WebhookDef webhook(Manifest m, String service, String name) {
        return m.webhooks().stream().filter(w -> w.service().equals(service) && w.name().equals(name))
                .findFirst().orElseThrow();
    }

    private static List<String> webhookKeys(Manifest m) {
        return m.webhooks().stream().map(w -> w.service() + "/" + w.name()).toList();
    }

    private static List<String> functionNames(Manifest m) {
        return m.functions().stream().map(FunctionDef::name).toList();
    }

    private static List<String> providerNames(Manifest m) {
        return m.authProviders().stream().map(AuthProviderDef::name).toList();
    }
}
