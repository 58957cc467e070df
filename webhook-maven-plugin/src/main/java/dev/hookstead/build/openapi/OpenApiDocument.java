package dev.hookstead.build.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.routing.Route;
import dev.hookstead.routing.RouteTable;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 document of an app's webhooks and endpoints: every path and method the filter serves, how each
 * proves its caller (signature header, {@code secret} query parameter, application-user credentials), the request
 * content types and every error status with the {@code {"error","error_code","link"}} body. Tool-neutral: the compile
 * goal puts it beside the manifest, {@code webhook:openapi} writes it to target/.
 */
public final class OpenApiDocument {

    public static final String FILE_NAME = "openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String ANY_APP_SEGMENT = "/*/";
    private static final String APP_PARAMETER = "clientAppId";
    private static final List<String> NO_BODY = List.of("GET", "HEAD", "DELETE");

    /** A security scheme: its OpenAPI name and definition. */
    private record Scheme(String name, String type, String in, String header, String description) {
    }

    private static final Scheme BEARER = new Scheme("bearerToken", "http", null, null,
            "An access token from the app's login route (Authorization: Bearer <token>).");
    private static final Scheme API_KEY = new Scheme("apiKey", "apiKey", "header", "api-key",
            "An application user's API key.");
    private static final Scheme CUSTOM_JWT = new Scheme("customJwt", "apiKey", "header", "jwtTokenString",
            "A JWT of the Custom JWT auth provider.");
    private static final Scheme EMAIL = new Scheme("email", "apiKey", "header", "email",
            "Email/password provider: the user's email, sent with the password header.");
    private static final Scheme PASSWORD = new Scheme("password", "apiKey", "header", "password",
            "Email/password provider: the user's password, sent with the email header.");

    private OpenApiDocument() {
    }

    public static byte[] write(Manifest manifest) {
        try {
            return JSON.writeValueAsBytes(build(manifest));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode build(Manifest manifest) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        String appName = manifest.app() == null || manifest.app().name() == null ? "app" : manifest.app().name();
        info.put("title", appName + ": webhooks and HTTPS endpoints");
        info.put("version", manifest.generator() == null ? "unversioned" : manifest.generator());
        info.put("description", "Served by Hookstead. Paths are relative to the web application's base URL.");
        ObjectNode paths = doc.putObject("paths");
        Map<String, Scheme> used = new TreeMap<>();
        List<Route> routes = new ArrayList<>(RouteTable.of(manifest).routes());
        routes.sort(Comparator.comparing(Route::path));
        for (Route route : routes) {
            String path = route.path().replace(ANY_APP_SEGMENT, "/{" + APP_PARAMETER + "}/");
            ObjectNode item = paths.putObject(path);
            if (!path.equals(route.path())) item.putArray("parameters").add(appParameter());
            for (String method : route.allowedMethods()) {
                item.set(method.toLowerCase(Locale.ROOT), operation(manifest, route, method, used));
            }
        }
        ObjectNode components = doc.putObject("components");
        components.set("schemas", schemas());
        components.set("responses", errorResponses());
        ObjectNode schemes = components.putObject("securitySchemes");
        used.values().forEach(s -> schemes.set(s.name(), scheme(s)));
        return doc;
    }

    private static ObjectNode operation(Manifest manifest, Route route, String method, Map<String, Scheme> used) {
        ObjectNode op = JSON.createObjectNode();
        List<Scheme> signature;
        RunAs runAs;
        String contentType;
        if (route.isWebhook()) {
            WebhookDef w = route.webhook();
            op.putArray("tags").add("webhooks");
            op.put("summary", "Incoming webhook " + w.service() + "/" + w.name());
            op.put("operationId", id("webhook_" + w.service() + "_" + w.name() + "_" + method));
            signature = webhookSignature(w);
            runAs = w.runAs();
            contentType = "github".equals(w.serviceType()) ? "application/json"
                    : "twilio".equals(w.serviceType()) ? "application/x-www-form-urlencoded" : null;
            timestampHeaders(op, w.validationMethod());
        } else {
            EndpointDef e = route.endpointFor(method);
            op.putArray("tags").add("endpoints");
            op.put("summary", "HTTPS endpoint " + e.route() + " (function " + e.functionName() + ")");
            op.put("operationId", id("endpoint_" + method + "_" + e.route()));
            signature = validationScheme(e.validationMethod(), "Endpoint-Signature", "realmEndpointSignature");
            runAs = manifest.function(e.functionName()) == null ? RunAs.SYSTEM : manifest.function(e.functionName()).runAs();
            contentType = null;
            timestampHeaders(op, e.validationMethod());
        }
        if (!NO_BODY.contains(method)) op.set("requestBody", requestBody(contentType));
        ArrayNode security = securityRequirements(signature, runAs != null && runAs.mode() == RunAs.Mode.APPLICATION,
                used);
        if (!security.isEmpty()) op.set("security", security);
        ObjectNode responses = op.putObject("responses");
        responses.putObject("200").put("description", "What the function answered: the response it built, or its"
                + " return value as JSON when respond_result is on.").putObject("content").putObject("*/*")
                .putObject("schema");
        for (int status : errorStatuses()) {
            if (status == 401 && security.isEmpty()) continue;
            responses.putObject(String.valueOf(status)).put("$ref", "#/components/responses/Error" + status);
        }
        return op;
    }

    private static List<Scheme> webhookSignature(WebhookDef w) {
        if ("github".equals(w.serviceType())) {
            return w.secret() == null ? List.of() : List.of(new Scheme("githubSignature", "apiKey", "header",
                    "X-Hub-Signature-256", "sha256=<hex HMAC-SHA256 of the body> (X-Hub-Signature with sha1= is"
                    + " accepted too)."));
        }
        if ("twilio".equals(w.serviceType())) {
            return List.of(new Scheme("twilioSignature", "apiKey", "header", "X-Twilio-Signature",
                    "Base64 HMAC-SHA1 of the URL and the sorted form fields, keyed with the account's auth token."));
        }
        return validationScheme(w.validationMethod(), "X-Hook-Signature", "realmWebhookSignature");
    }

    private static List<Scheme> validationScheme(ValidationMethod method, String realmHeader, String realmName) {
        return switch (method) {
            case NO_VALIDATION -> List.of();
            case VERIFY_PAYLOAD -> List.of(new Scheme(realmName, "apiKey", "header", realmHeader,
                    "sha256=<hex HMAC-SHA256 of the body, keyed with the secret>."));
            case SECRET_AS_QUERY_PARAM -> List.of(new Scheme("secretQueryParam", "apiKey", "query", "secret",
                    "The secret itself as the secret query parameter."));
            case STANDARD_WEBHOOKS -> List.of(new Scheme("standardWebhooksSignature", "apiKey", "header",
                    "webhook-signature", "Standard Webhooks: v1,<base64 HMAC-SHA256 of id.timestamp.body>."));
            case SVIX -> List.of(new Scheme("svixSignature", "apiKey", "header", "svix-signature",
                    "Svix: v1,<base64 HMAC-SHA256 of id.timestamp.body>."));
            case STRIPE -> List.of(new Scheme("stripeSignature", "apiKey", "header", "Stripe-Signature",
                    "t=<unix time>,v1=<hex HMAC-SHA256 of t.body>."));
            case SLACK -> List.of(new Scheme("slackSignature", "apiKey", "header", "X-Slack-Signature",
                    "v0=<hex HMAC-SHA256 of v0:timestamp:body>."));
        };
    }

    /** The headers the timestamped schemes read beside the signature. */
    private static void timestampHeaders(ObjectNode op, ValidationMethod method) {
        List<String> headers = switch (method) {
            case STANDARD_WEBHOOKS -> List.of("webhook-id", "webhook-timestamp");
            case SVIX -> List.of("svix-id", "svix-timestamp");
            case SLACK -> List.of("X-Slack-Request-Timestamp");
            default -> List.of();
        };
        if (headers.isEmpty()) return;
        ArrayNode parameters = op.putArray("parameters");
        for (String header : headers) {
            ObjectNode p = parameters.addObject();
            p.put("name", header).put("in", "header").put("required", true);
            p.putObject("schema").put("type", "string");
        }
    }

    /**
     * Every signature requirement, combined with each way an application user can prove itself when the function runs
     * as the application user: OpenAPI ANDs the schemes of one requirement and ORs the requirements.
     */
    private static ArrayNode securityRequirements(List<Scheme> signature, boolean applicationUser,
                                                  Map<String, Scheme> used) {
        ArrayNode requirements = JSON.createArrayNode();
        List<List<Scheme>> alternatives = applicationUser
                ? List.of(List.of(BEARER), List.of(API_KEY), List.of(CUSTOM_JWT), List.of(EMAIL, PASSWORD))
                : List.of(List.of());
        for (List<Scheme> user : alternatives) {
            List<Scheme> all = new ArrayList<>(signature);
            all.addAll(user);
            if (all.isEmpty()) continue;
            ObjectNode requirement = requirements.addObject();
            for (Scheme s : all) {
                requirement.putArray(s.name());
                used.put(s.name(), s);
            }
        }
        return requirements;
    }

    private static ObjectNode requestBody(String contentType) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode content = body.putObject("content");
        if (contentType != null) {
            body.put("required", true);
            content.putObject(contentType).putObject("schema").put("type", "object");
        } else {
            body.put("description", "Any body; the function reads it raw (payload.body).");
            content.putObject("application/json").putObject("schema");
            content.putObject("*/*").putObject("schema").put("type", "string").put("contentMediaType",
                    "application/octet-stream");
        }
        return body;
    }

    private static ObjectNode appParameter() {
        ObjectNode p = JSON.createObjectNode();
        p.put("name", APP_PARAMETER).put("in", "path").put("required", true)
                .put("description", "The app's client app id (the manifest names none, so any id is accepted).");
        p.putObject("schema").put("type", "string");
        return p;
    }

    private static ObjectNode scheme(Scheme s) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", s.type());
        if (s.type().equals("http")) {
            node.put("scheme", "bearer").put("bearerFormat", "JWT");
        } else {
            node.put("in", s.in()).put("name", s.header());
        }
        node.put("description", s.description());
        return node;
    }

    private static ObjectNode schemas() {
        ObjectNode schemas = JSON.createObjectNode();
        ObjectNode error = schemas.putObject("Error");
        error.put("type", "object");
        error.putArray("required").add("error").add("error_code").add("link");
        ObjectNode props = error.putObject("properties");
        props.putObject("error").put("type", "string").put("description", "What went wrong.");
        ArrayNode codes = props.putObject("error_code").put("type", "string").putArray("enum");
        for (ErrorCode code : ErrorCode.values()) codes.add(code.name());
        props.putObject("link").put("type", "string").put("description",
                "Names the invocation in the server log (hookstead.error.linkBase + invocation id).");
        return schemas;
    }

    private static ObjectNode errorResponses() {
        ObjectNode responses = JSON.createObjectNode();
        for (int status : errorStatuses()) {
            List<String> codes = new ArrayList<>();
            for (ErrorCode code : ErrorCode.values()) if (code.status() == status) codes.add(code.name());
            ObjectNode response = responses.putObject("Error" + status);
            response.put("description", String.join(", ", codes));
            ObjectNode schema = response.putObject("content").putObject("application/json").putObject("schema");
            ArrayNode allOf = schema.putArray("allOf");
            allOf.addObject().put("$ref", "#/components/schemas/Error");
            ArrayNode only = allOf.addObject().putObject("properties").putObject("error_code").putArray("enum");
            codes.forEach(only::add);
        }
        return responses;
    }

    /** Every status an {@link ErrorCode} answers with, ascending. */
    private static List<Integer> errorStatuses() {
        return java.util.Arrays.stream(ErrorCode.values()).map(ErrorCode::status).distinct().sorted().toList();
    }

    private static String id(String raw) {
        return raw.replaceAll("[^A-Za-z0-9_]+", "_");
    }
}
