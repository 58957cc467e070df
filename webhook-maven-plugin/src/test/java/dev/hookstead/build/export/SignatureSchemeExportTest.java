package dev.hookstead.build.export;

import dev.hookstead.build.problems.Problem;
import dev.hookstead.build.problems.Problems;
import dev.hookstead.manifest.ValidationMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Hookstead's signature schemes as validationMethod / validation_method values in an export. */
class SignatureSchemeExportTest {

    private static final String PING = "http_endpoints/hooks/incoming_webhooks/ping/config.json";
    private static final String EPS = "http_endpoints/config.json";
    private static final String WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = ValidationMethod.class, names = {"STANDARD_WEBHOOKS", "SVIX", "STRIPE", "SLACK"})
    void webhooksAndEndpointsAcceptTheSchemesWithASecret(ValidationMethod method) throws IOException {
        copyMini();
        write(PING, "{\"name\":\"ping\",\"respond_result\":true,\"options\":{\"httpMethod\":\"POST\","
                + "\"validationMethod\":\"" + method + "\",\"secret\":\"" + WHSEC + "\"}}");
        write(EPS, "[{\"route\":\"/hello\",\"http_method\":\"POST\",\"function_name\":\"hello\",\"validation_method\":\""
                + method + "\",\"secret_name\":\"helloKey\",\"respond_result\":true}]");
        ExportResult r = read();
        assertFalse(r.problems().hasErrors(), r.problems()::format);
        assertEquals(method, r.manifest().webhooks().get(0).validationMethod());
        assertEquals(method, r.manifest().endpoints().get(0).validationMethod());
        assertEquals("helloKey", r.manifest().endpoints().get(0).secretName());
    }

    @Test
    void anEndpointSchemeNeedsASecretName() throws IOException {
        copyMini();
        write(EPS, "[{\"route\":\"/hello\",\"http_method\":\"POST\",\"function_name\":\"hello\","
                + "\"validation_method\":\"SLACK\",\"respond_result\":true}]");
        Problem p = single(read().problems());
        assertEquals("[0].secret_name", p.field());
        assertTrue(p.message().contains("validation_method is SLACK and needs it"), p::format);
    }

    @Test
    void aStandardWebhooksSecretMustBeWhsecBase64() throws IOException {
        copyMini();
        write(PING, "{\"name\":\"ping\",\"respond_result\":true,\"options\":{\"httpMethod\":\"POST\","
                + "\"validationMethod\":\"SVIX\",\"secret\":\"whsec_not base64!\"}}");
        Problem p = single(read().problems());
        assertEquals("options.secret", p.field());
        assertNull(p.value(), "the secret itself is never echoed");
        assertTrue(p.message().contains("SVIX signing secret"), p::format);
    }

    @Test
    void anUnknownMethodListsEveryAllowedValue() throws IOException {
        copyMini();
        write(PING, "{\"name\":\"ping\",\"respond_result\":true,\"options\":{\"httpMethod\":\"POST\","
                + "\"validationMethod\":\"GITHUB\",\"secret\":\"x\"}}");
        Problem p = single(read().problems());
        assertEquals("use one of NO_VALIDATION, SECRET_AS_QUERY_PARAM, VERIFY_PAYLOAD, STANDARD_WEBHOOKS, SVIX, "
                + "STRIPE, SLACK", p.fix());
    }

    @Test
    void aSchemeWithoutItsSecretFailsTheBuild() {
        Problem p = single(Fixtures.read("broken/stripe-missing-secret").problems());
        assertEquals(PING, p.file());
        assertEquals("options.secret", p.field());
        assertEquals("is missing, but options.validationMethod is STRIPE and needs it", p.message());
    }

    private static Problem single(Problems problems) {
        List<Problem> errors = problems.errors();
        assertEquals(1, errors.size(), problems::format);
        return errors.get(0);
    }

    private ExportResult read() {
        return ExportReader.read(dir, null);
    }

    private void write(String relative, String content) throws IOException {
        Files.writeString(dir.resolve(relative), content);
    }

    private void copyMini() throws IOException {
        Path mini = Fixtures.export("mini");
        try (Stream<Path> files = Files.walk(mini)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = dir.resolve(mini.relativize(from).toString());
                if (Files.isDirectory(from)) Files.createDirectories(to);
                else Files.copy(from, to);
            }
        }
    }
}
