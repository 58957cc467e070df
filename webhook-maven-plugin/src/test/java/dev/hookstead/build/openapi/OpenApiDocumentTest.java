package dev.hookstead.build.openapi;

import dev.hookstead.build.AppCompiler;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.pipeline.ErrorCode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The document, read back by swagger-parser, against the manifest it was made from. */
class OpenApiDocumentTest {

    private static final Path LAYOUT = Path.of("..", "src-it", "layout-realm-cli-v2", "src", "main", "app");

    @TempDir
    Path tmp;

    static OpenAPI parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(), () -> "parser messages: "
                + result.getMessages() + "\n" + json);
        assertNotNull(result.getOpenAPI());
        return result.getOpenAPI();
    }

    @Test
    void theCompiledWarCarriesADocumentOfEveryEnabledEndpointAndMethod() throws IOException {
        AppCompiler.Result r = new AppCompiler(tmp.resolve("cache"), "test", 2).compile(LAYOUT, null, tmp.resolve("out"));
        assertFalse(r.problems().hasErrors(), r.problems()::format);
        OpenAPI api = parse(Files.readString(tmp.resolve("out").resolve(OpenApiDocument.FILE_NAME)));
        assertEquals("3.1.0", api.getOpenapi());

        String app = r.manifest().app().clientAppId();
        PathItem hello = api.getPaths().get("/app/" + app + "/endpoint/hello");
        assertNotNull(hello, api.getPaths().keySet()::toString);
        assertNotNull(hello.getGet());
        assertNull(hello.getPost(), "the disabled ANY /hello endpoint is left out");
        assertNull(hello.getGet().getSecurity(), "NO_VALIDATION, run as system: no security");
        assertNull(hello.getGet().getRequestBody(), "GET has no body");

        Operation items = api.getPaths().get("/app/" + app + "/endpoint/items").getPost();
        assertEquals(RunAs.Mode.APPLICATION, r.manifest().function("insertItems").runAs().mode());
        assertEquals(List.of("realmEndpointSignature", "bearerToken"), schemeNames(items.getSecurity().get(0)),
                "the signature AND the application user's credentials");
        assertEquals(4, items.getSecurity().size());
        assertTrue(items.getSecurity().stream().allMatch(req -> req.containsKey("realmEndpointSignature")));
        SecurityScheme signature = api.getComponents().getSecuritySchemes().get("realmEndpointSignature");
        assertEquals(SecurityScheme.In.HEADER, signature.getIn());
        assertEquals("Endpoint-Signature", signature.getName());
        assertTrue(items.getRequestBody().getContent().containsKey("application/json"));

        PathItem echo = api.getPaths().get("/api/client/v2.0/app/" + app + "/service/legacy/incoming_webhook/echo");
        assertNotNull(echo, api.getPaths().keySet()::toString);

        int operations = api.getPaths().values().stream().mapToInt(p -> p.readOperations().size()).sum();
        WebhookDef w = r.manifest().webhooks().get(0);
        int webhookMethods = w.httpMethod() == null || w.httpMethod().equals("ANY") ? 6 : 1;
        assertEquals(webhookMethods + 2, operations, "echo's methods, GET /hello and POST /items");
    }

    @Test
    void everySchemeAndEveryErrorStatusIsDescribed() {
        List<WebhookDef> webhooks = new ArrayList<>();
        for (ValidationMethod method : ValidationMethod.values()) {
            webhooks.add(webhook("http", method.name().toLowerCase(Locale.ROOT), method, RunAs.SYSTEM));
        }
        webhooks.add(webhook("github", "push", ValidationMethod.NO_VALIDATION, RunAs.SYSTEM));
        webhooks.add(webhook("twilio", "sms", ValidationMethod.NO_VALIDATION, RunAs.SYSTEM));
        webhooks.add(webhook("http", "asUser", ValidationMethod.SECRET_AS_QUERY_PARAM,
                new RunAs(RunAs.Mode.APPLICATION, null, null)));
        Manifest manifest = new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, "test", null, null, List.of(),
                webhooks, List.of(new EndpointDef("/any", "ANY", "f", ValidationMethod.STRIPE, "s", true, false, false,
                false, "JSON", null, "http_endpoints/config.json")), List.of(), null, null, null, null, null);
        OpenAPI api = parse(new String(OpenApiDocument.write(manifest), StandardCharsets.UTF_8));

        Map<String, SecurityScheme> schemes = api.getComponents().getSecuritySchemes();
        Map<String, String> headers = Map.of("realmWebhookSignature", "X-Hook-Signature",
                "standardWebhooksSignature", "webhook-signature", "svixSignature", "svix-signature",
                "stripeSignature", "Stripe-Signature", "slackSignature", "X-Slack-Signature",
                "githubSignature", "X-Hub-Signature-256", "twilioSignature", "X-Twilio-Signature",
                "apiKey", "api-key", "customJwt", "jwtTokenString");
        headers.forEach((scheme, header) -> {
            assertEquals(SecurityScheme.In.HEADER, schemes.get(scheme).getIn(), scheme);
            assertEquals(header, schemes.get(scheme).getName(), scheme);
        });
        assertEquals(SecurityScheme.In.QUERY, schemes.get("secretQueryParam").getIn());
        assertEquals("secret", schemes.get("secretQueryParam").getName());
        assertEquals(SecurityScheme.Type.HTTP, schemes.get("bearerToken").getType());
        assertEquals("bearer", schemes.get("bearerToken").getScheme());

        String base = "/api/client/v2.0/app/{clientAppId}/service/";
        Operation asUser = api.getPaths().get(base + "http/incoming_webhook/asUser").getPost();
        assertEquals(Set.of(List.of("secretQueryParam", "bearerToken"), List.of("secretQueryParam", "apiKey"),
                List.of("secretQueryParam", "customJwt"), List.of("secretQueryParam", "email", "password")),
                asUser.getSecurity().stream().map(OpenApiDocumentTest::schemeNames).collect(Collectors.toSet()),
                "the secret AND one of the application-user credentials");
        Operation standard = api.getPaths().get(base + "http/incoming_webhook/standard_webhooks").getPost();
        assertEquals(List.of("webhook-id", "webhook-timestamp"),
                standard.getParameters().stream().map(p -> p.getName()).toList());
        assertEquals("application/json", api.getPaths().get(base + "github/incoming_webhook/push").getPost()
                .getRequestBody().getContent().keySet().iterator().next());
        assertEquals("application/x-www-form-urlencoded", api.getPaths().get(base + "twilio/incoming_webhook/sms")
                .getPost().getRequestBody().getContent().keySet().iterator().next());
        assertNull(api.getPaths().get(base + "http/incoming_webhook/no_validation").getPost().getSecurity());

        PathItem any = api.getPaths().get("/app/{clientAppId}/endpoint/any");
        assertEquals(5, any.readOperations().size(), "an ANY endpoint answers GET, POST, PUT, PATCH and DELETE");
        assertEquals("clientAppId", any.getParameters().get(0).getName());

        Map<String, ApiResponse> responses = api.getComponents().getResponses();
        for (ErrorCode code : ErrorCode.values()) {
            ApiResponse response = responses.get("Error" + code.status());
            assertNotNull(response, code::name);
            assertTrue(response.getDescription().contains(code.name()), code::name);
        }
        Schema<?> error = api.getComponents().getSchemas().get("Error");
        assertEquals(List.of("error", "error_code", "link"), error.getRequired());
        Operation stripe = any.getPost();
        assertEquals("#/components/responses/Error401", stripe.getResponses().get("401").get$ref());
        assertEquals("#/components/responses/Error503", stripe.getResponses().get("503").get$ref());
        assertNull(api.getPaths().get(base + "http/incoming_webhook/no_validation").getPost().getResponses()
                .get("401"), "no credentials, no 401");
    }

    private static List<String> schemeNames(SecurityRequirement requirement) {
        return new ArrayList<>(requirement.keySet());
    }

    private static WebhookDef webhook(String type, String name, ValidationMethod method, RunAs runAs) {
        return new WebhookDef(type, type, name, "POST", method, "s3cret", null, true, runAs, null, false, false,
                false, new ScriptRef("scripts/" + name + ".js", "sources/" + name + ".js", "00", List.of()),
                "incoming_webhooks/" + name + "/config.json");
    }
}
