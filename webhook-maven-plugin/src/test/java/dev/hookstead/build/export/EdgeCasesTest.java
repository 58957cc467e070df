package dev.hookstead.build.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstead.build.problems.Problem;
import dev.hookstead.build.problems.Problems;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Single rules checked on a copy of exports/mini with one file changed. */
class EdgeCasesTest {

    private static final String PING = "http_endpoints/hooks/incoming_webhooks/ping/config.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void skipsNodeModulesUnderFunctions() throws IOException {
        // real exports can carry the dependencies of a function's package.json
        copyMini();
        write("functions/node_modules/left-pad/index.js", "module.exports = function leftPad() {};\n");
        ExportResult r = read();
        assertEquals(List.of(), r.problems().all(), r.problems()::format);
        assertTrue(r.sources().keySet().stream().noneMatch(k -> k.contains("node_modules")), r.sources()::toString);
        assertTrue(r.manifest().functions().stream().noneMatch(f -> f.name().contains("node_modules")));
    }

    @Test
    void lowerCaseWebhookMethodIsAcceptedWithAWarning() throws IOException {
        copyMini();
        write(PING, "{\"name\":\"ping\",\"respond_result\":true,\"options\":{\"httpMethod\":\"post\"}}");
        ExportResult r = read();
        assertFalse(r.problems().hasErrors(), r.problems()::format);
        assertEquals("POST", r.manifest().webhooks().get(0).httpMethod());
        assertEquals(List.of("options.httpMethod"), fields(r.problems().warnings()));
    }

    @Test
    void olderSecretAsQueryParamFormIsRead() throws IOException {
        copyMini();
        write(PING, "{\"name\":\"ping\",\"respond_result\":true,"
                + "\"options\":{\"httpMethod\":\"GET\",\"secretAsQueryParam\":true,\"secret\":\"abc\"}}");
        ExportResult r = read();
        assertFalse(r.problems().hasErrors(), r.problems()::format);
        WebhookDef hook = r.manifest().webhooks().get(0);
        assertEquals(ValidationMethod.SECRET_AS_QUERY_PARAM, hook.validationMethod());
        assertEquals("abc", hook.secret());
    }

    @Test
    void runAsSystemOverridesOtherRunAsFieldsWithAWarning() throws IOException {
        copyMini();
        write("functions/config.json", "[{\"name\":\"hello\",\"run_as_system\":true,\"run_as_user_id\":\"u1\"}]");
        ExportResult r = read();
        assertFalse(r.problems().hasErrors(), r.problems()::format);
        assertEquals(RunAs.SYSTEM, r.manifest().function("hello").runAs());
        assertEquals(List.of("[0].run_as_system"), fields(r.problems().warnings()));
    }

    @Test
    void applicationAuthCannotBeCombinedWithAFixedUser() throws IOException {
        copyMini();
        write(PING, "{\"name\":\"ping\",\"respond_result\":true,\"run_as_authed_user\":true,"
                + "\"run_as_user_id\":\"u1\",\"options\":{\"httpMethod\":\"GET\"}}");
        ExportResult r = read();
        assertEquals(List.of("run_as_authed_user"), fields(r.problems().errors()));
    }

    @Test
    void legacyWebhookWithoutItsOwnFolderIsReadWithAWarning() throws IOException {
        copyMini();
        Path hooks = dir.resolve("http_endpoints/hooks/incoming_webhooks");
        Files.move(hooks.resolve("ping/config.json"), hooks.resolve("config.json"));
        Files.move(hooks.resolve("ping/source.js"), hooks.resolve("source.js"));
        Files.delete(hooks.resolve("ping"));
        ExportResult r = read();
        assertFalse(r.problems().hasErrors(), r.problems()::format);
        assertEquals("ping", r.manifest().webhooks().get(0).name());
        assertEquals(List.of("http_endpoints/hooks/incoming_webhooks/config.json"),
                r.problems().warnings().stream().map(Problem::file).toList());
    }

    @Test
    void aServiceWithoutANameTakesItsFoldersAndOneNamedOtherwiseKeepsItsOwnWithAWarning() throws IOException {
        copyMini();
        write("services/alpha/config.json", "{\"type\":\"http\",\"config\":{}}");
        write("services/beta/config.json", "{\"name\":\"gamma\",\"type\":\"http\",\"config\":{}}");
        ExportResult r = read();
        assertFalse(r.problems().hasErrors(), r.problems()::format);
        Set<String> names = Set.copyOf(r.manifest().services().stream().map(s -> s.name()).toList());
        assertTrue(names.containsAll(Set.of("alpha", "gamma")), names::toString);
        List<Problem> warnings = r.problems().warnings();
        assertEquals(List.of("services/alpha/config.json", "services/beta/config.json"),
                warnings.stream().map(Problem::file).sorted().toList(), r.problems()::format);
        assertEquals(List.of("name", "name"), fields(warnings));
        assertTrue(r.problems().format().contains("rename the folder or the service so they match"),
                r.problems()::format);
    }

    @Test
    void twilioServiceNeedsItsAuthTokenSecretName() throws IOException {
        copyMini();
        write("services/sms/config.json", "{\"name\":\"sms\",\"type\":\"twilio\",\"config\":{\"sid\":\"AC1\"}}");
        write("services/sms/incoming_webhooks/in/config.json", "{\"name\":\"in\",\"respond_result\":true}");
        write("services/sms/incoming_webhooks/in/source.js", "exports = function(payload) { return payload.Body; };");
        ExportResult r = read();
        List<Problem> errors = r.problems().errors();
        assertEquals(1, errors.size(), r.problems()::format);
        assertEquals("services/sms/config.json", errors.get(0).file());
        assertEquals("secret_config.auth_token", errors.get(0).field());
    }

    @Test
    void serviceNamesAreOneNamespace() throws IOException {
        copyMini();
        write("services/hooks/config.json", "{\"name\":\"hooks\",\"type\":\"github\",\"config\":{}}");
        ExportResult r = read();
        assertEquals(List.of("http_endpoints/hooks/config.json name"), // services/ is read first
                r.problems().errors().stream().map(p -> p.file() + " " + p.field()).toList());
    }

    @Test
    void v1FunctionFolderNeedsItsSource() throws IOException {
        copyMini();
        Files.delete(dir.resolve("functions/config.json"));
        Files.delete(dir.resolve("functions/hello.js"));
        write("functions/hello/config.json", "{\"name\":\"hello\",\"private\":false,\"run_as_system\":true}");
        ExportResult r = read();
        assertEquals(List.of("functions/hello/source.js"), r.problems().errors().stream().map(Problem::file).toList());
        assertEquals("hello", r.manifest().function("hello").name(), "the endpoint's function still resolves");
    }

    @Test
    void secretValueNeedsASecretName() throws IOException {
        copyMini();
        write("values/token.json", "{\"name\":\"token\",\"value\":\"\",\"from_secret\":true}");
        ExportResult r = read();
        assertEquals(List.of("values/token.json value"),
                r.problems().errors().stream().map(p -> p.file() + " " + p.field()).toList());
    }

    @Test
    void clientAppIdOverrideWins() {
        ExportResult r = ExportReader.read(Fixtures.export("realm-v2"), "other-xyzab");
        assertEquals("other-xyzab", r.manifest().app().clientAppId());
        assertEquals(List.of(), r.problems().all());
    }

    @Test
    void internalHexIdAsClientIdWarns() {
        ExportResult r = ExportReader.read(Fixtures.export("realm-v2"), "5f0a1b2c3d4e5f6a7b8c9d01");
        List<Problem> warnings = r.problems().warnings();
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).fix().contains("-Dwebhook.clientAppId"));
    }

    @Test
    void unreadableDirectoriesThrow() throws IOException {
        ExportException missing = assertThrows(ExportException.class,
                () -> ExportReader.read(dir.resolve("nope"), null));
        assertTrue(missing.getMessage().contains("does not exist"));
        ExportException empty = assertThrows(ExportException.class, () -> ExportReader.read(dir, null));
        for (String name : List.of("root_config.json", "realm_config.json", "config.json", "stitch.json")) {
            assertTrue(empty.getMessage().contains(name), empty.getMessage());
        }
    }

    @Test
    void canEvaluateIsCheckedWithTheRuntimeParser() throws IOException {
        Set<String> fns = Set.of("isAdmin");
        assertEquals(List.of(), check("{\"%%user.id\":{\"%in\":\"%%values.admins\"},\"a\":{\"$gte\":1,\"%lt\":9}}", fns));
        assertEquals(List.of(), check("{\"%or\":[{\"%%prevRoot\":{\"%exists\":false}},true]}", fns));
        assertEquals(List.of(), check("{\"%%root.owner\":{\"%stringToOid\":\"%%user.id\"}}", fns));
        assertEquals(List.of(), check("true", fns));
        assertMentions(check("{\"%and\":{\"a\":1}}", fns), "%and");
        assertMentions(check("{\"x\":{\"%oidToString\":{\"$eq\":1}}}", fns), "%oidToString");
        assertMentions(check("\"yes\"", fns), "expected true, false or an object");
        assertMentions(check("{\"%or\":[{},{\"$where\":\"1\"}]}", fns), "$where");
        assertMentions(check("{\"%%true\":{\"%function\":{\"name\":\"isAdmin\",\"arguments\":[{\"%nope\":1}]}}}", fns),
                "%nope");
        assertMentions(check("{\"%%true\":{\"%function\":{\"name\":\"nobody\"}}}", fns),
                "field \"can_evaluate.%function.name\": value \"nobody\" is not a function of this app");
    }

    private static void assertMentions(List<String> problems, String text) {
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(text), problems.get(0));
    }

    private static List<String> check(String expression, Set<String> functions) throws IOException {
        Problems problems = new Problems();
        JsonNode node = JSON.readTree(expression);
        CanEvaluateCheck.check(CanEvaluateCheck.normalise(node), "f.json", "can_evaluate", functions, problems);
        return problems.errors().stream().map(Problem::format).toList();
    }

    private ExportResult read() {
        return ExportReader.read(dir, null);
    }

    private static List<String> fields(List<Problem> problems) {
        return problems.stream().map(Problem::field).toList();
    }

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void copyMini() throws IOException {
        Fixtures.copy("mini", dir);
    }
}
