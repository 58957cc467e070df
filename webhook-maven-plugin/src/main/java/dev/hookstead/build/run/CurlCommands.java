package dev.hookstead.build.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.hookstead.manifest.AuthProviderDef;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.FunctionDef;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.request.QueryString;
import dev.hookstead.validation.GitHubSignature;
import dev.hookstead.validation.RealmSignature;
import dev.hookstead.validation.SlackSignature;
import dev.hookstead.validation.StandardWebhooksSignature;
import dev.hookstead.validation.StripeSignature;
import dev.hookstead.validation.TwilioSignature;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Ready-to-paste curl commands for every webhook and endpoint of an app, with valid signature headers or
 * {@code ?secret=} for every validation method and for GitHub and Twilio service webhooks.
 */
public final class CurlCommands {

    /** The seed docs' example body. */
    public static final String SAMPLE_BODY = "{\"message\":\"MESSAGE\"}";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.Set<String> BODYLESS = java.util.Set.of("GET", "HEAD", "DELETE");

    private final Manifest manifest;
    private final String baseUrl;
    private final UnaryOperator<String> secrets;
    private final Clock clock;

    /**
     * @param baseUrl e.g. http://127.0.0.1:8080 plus the context path
     * @param secrets runtime secret by name, or null when not configured
     */
    public CurlCommands(Manifest manifest, String baseUrl, UnaryOperator<String> secrets) {
        this(manifest, baseUrl, secrets, Clock.systemUTC());
    }

    /** @param clock the time timestamped signatures carry; tests pin it */
    public CurlCommands(Manifest manifest, String baseUrl, UnaryOperator<String> secrets, Clock clock) {
        this.manifest = manifest;
        this.baseUrl = baseUrl;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** One entry per webhook and enabled endpoint: a title line and the command. */
    public List<String> all(String body) {
        return all(body, Map.of());
    }

    /**
     * @param samples per target, a request body or (starting with {@code ?}) a query string, in place of
     *                {@code body}; a webhook's key is {@code <service>.<name>}, an endpoint's is its route
     */
    public List<String> all(String body, Map<String, String> samples) {
        return all(body, samples, ref -> null);
    }

    /**
     * @param sources the original source of a script, or null; a target without a sample whose function reads its
     *                body gets a body that fits what it reads ({@link SampleBodies}), or, when the build cannot
     *                tell, {@code body} and a comment saying to set {@code <samples>}
     */
    public List<String> all(String body, Map<String, String> samples, Function<ScriptRef, String> sources) {
        List<String> lines = new ArrayList<>();
        for (WebhookDef w : manifest.webhooks()) {
            String key = w.service() + "." + w.name();
            // GitHub and Twilio functions get the sender's event, not a body they parse
            ScriptRef script = "http".equals(w.serviceType()) ? w.script() : null;
            lines.add(command(key, w.httpMethod(), script, samples, sources, body, (b, q) -> webhook(w, b, q)));
        }
        for (EndpointDef e : manifest.endpoints()) {
            if (e.disabled()) continue;
            FunctionDef function = manifest.function(e.functionName());
            lines.add(command(e.route(), e.httpMethod(), function == null ? null : function.script(), samples,
                    sources, body, (b, q) -> endpoint(e, b, q)));
        }
        return lines;
    }

    /** One target's command: its sample, else a body fitting its function, else {@code body} and a comment. */
    private static String command(String key, String httpMethod, ScriptRef script, Map<String, String> samples,
                                  Function<ScriptRef, String> sources, String body,
                                  java.util.function.BinaryOperator<String> command) {
        if (samples.containsKey(key) || script == null || BODYLESS.contains(httpMethod)) {
            return sample(samples.get(key), body, command);
        }
        SampleBodies.Sample fitting = SampleBodies.of(sources.apply(script));
        String line = sample(fitting.body(), body, command);
        return fitting.unknown() ? line + "\n    # the body is a placeholder: set <samples> <" + key
                + "> in the plugin's configuration to a body this function reads" : line;
    }

    private static String sample(String sample, String body, java.util.function.BinaryOperator<String> command) {
        if (sample == null) return command.apply(body, "");
        return sample.startsWith("?") ? command.apply(body, sample.substring(1)) : command.apply(sample, "");
    }

    public String webhook(WebhookDef w, String body) {
        return webhook(w, body, "");
    }

    public String endpoint(EndpointDef e, String body) {
        return endpoint(e, body, "");
    }

    private String webhook(WebhookDef w, String body, String query) {
        String url = withQuery(baseUrl + "/api/client/v2.0/app/" + manifest.app().clientAppId() + "/service/"
                + w.service() + "/incoming_webhook/" + w.name(), query);
        String secret = w.secret() != null ? w.secret() : w.secretName() == null ? null : secrets.apply(w.secretName());
        String title = "webhook " + w.service() + "/" + w.name();
        if ("github".equals(w.serviceType())) {
            Request r = new Request(title, w.httpMethod(), "GITHUB", url, body, "application/json");
            if (secret != null) r.header(GitHubSignature.HEADER, GitHubSignature.sign(secret, r.signedBytes()));
            return r.toString();
        }
        if ("twilio".equals(w.serviceType())) return twilio(title, w, url, secret, body);
        Request r = new Request(title, w.httpMethod(), w.validationMethod().name(), url, body, "application/json");
        if (w.runAs().mode() == RunAs.Mode.APPLICATION) applicationCredentials(r);
        return signed(r, w.validationMethod(), "X-Hook-Signature", secret, w.secretName());
    }

    private static String withQuery(String url, String query) {
        if (query.isEmpty()) return url;
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    /**
     * A webhook that runs as the calling user needs credentials: with an HS256 custom-token provider whose signing
     * key is configured, a development JWT (user "dev-user", 30 minutes); otherwise a note saying what to add.
     */
    private void applicationCredentials(Request r) {
        for (AuthProviderDef p : manifest.authProviders()) {
            JsonNode keys = p.secretConfig() == null ? null : p.secretConfig().get("signingKeys");
            String algorithm = p.config() == null ? "HS256" : p.config().path("signingAlgorithm").asText("HS256");
            if (p.disabled() || !"custom-token".equals(p.type()) || !"HS256".equals(algorithm)
                    || keys == null || !keys.isArray() || keys.isEmpty()) {
                continue;
            }
            String key = secrets.apply(keys.get(0).asText());
            if (key == null) {
                r.note("set hookstead.secret." + keys.get(0).asText() + " to get a development JWT");
                return;
            }
            r.header("jwtTokenString", developmentJwt(key, audience(p)));
            r.note("development JWT for user dev-user, valid 30 minutes");
            return;
        }
        r.note("runs as the calling user: add email+password, api-key or jwtTokenString headers");
    }

    private String audience(AuthProviderDef provider) {
        JsonNode audience = provider.config() == null ? null : provider.config().get("audience");
        if (audience != null && audience.isTextual() && !audience.asText().isEmpty()) return audience.asText();
        if (audience != null && audience.isArray() && !audience.isEmpty()) return audience.get(0).asText();
        return manifest.app().clientAppId();
    }

    private String developmentJwt(String key, String audience) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                    .subject("dev-user").audience(audience).issueTime(Date.from(clock.instant()))
                    .expirationTime(Date.from(clock.instant().plusSeconds(1800))).build());
            jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign a development JWT: " + e.getMessage(), e);
        }
    }

    private String endpoint(EndpointDef e, String body, String query) {
        String url = withQuery(baseUrl + "/app/" + manifest.app().clientAppId() + "/endpoint" + e.route(), query);
        String secret = e.secretName() == null ? null : secrets.apply(e.secretName());
        return signed(new Request("endpoint " + e.route() + " -> " + e.functionName(), e.httpMethod(),
                        e.validationMethod().name(), url, body, "application/json"),
                e.validationMethod(), "Endpoint-Signature", secret, e.secretName());
    }

    /** Twilio posts forms: a flat JSON object body becomes its fields, anything else is sent as a form already. */
    private String twilio(String title, WebhookDef w, String url, String secret, String body) {
        Request r = new Request(title, w.httpMethod(), "TWILIO", url, formOf(body),
                "application/x-www-form-urlencoded");
        if (secret == null) {
            r.missing(w.secretName());
        } else {
            List<Map.Entry<String, String>> params = r.sendsBody() ? QueryString.all(r.body) : List.of();
            r.header(TwilioSignature.HEADER, TwilioSignature.sign(secret, url, params));
        }
        return r.toString();
    }

    private String signed(Request r, ValidationMethod validation, String realmHeader, String secret,
                          String secretName) {
        if (validation == ValidationMethod.NO_VALIDATION) return r.toString();
        if (secret == null) {
            r.missing(secretName);
            return r.toString();
        }
        byte[] signed = r.signedBytes();
        long now = clock.instant().getEpochSecond();
        switch (validation) {
            case VERIFY_PAYLOAD -> r.header(realmHeader, RealmSignature.sign(secret, signed));
            case SECRET_AS_QUERY_PARAM -> r.url = withQuery(r.url,
                    "secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8));
            case STANDARD_WEBHOOKS, SVIX -> {
                byte[] key = StandardWebhooksSignature.key(secret);
                if (key == null) {
                    r.note("the secret is not a whsec_<base64> key, so no signature");
                    break;
                }
                String prefix = validation == ValidationMethod.SVIX ? "svix-" : "webhook-";
                String id = "msg_hookstead" + now;
                r.header(prefix + "id", id);
                r.header(prefix + "timestamp", Long.toString(now));
                r.header(prefix + "signature", StandardWebhooksSignature.sign(key, id, now, signed));
            }
            case STRIPE -> r.header(StripeSignature.HEADER, StripeSignature.sign(secret, now, signed));
            case SLACK -> {
                r.header(SlackSignature.TIMESTAMP_HEADER, Long.toString(now));
                r.header(SlackSignature.HEADER, SlackSignature.sign(secret, now, signed));
            }
            default -> throw new IllegalStateException("no curl signing for " + validation);
        }
        if (validation != ValidationMethod.VERIFY_PAYLOAD && validation != ValidationMethod.SECRET_AS_QUERY_PARAM) {
            r.note("timestamped: valid once, within hookstead.signature.tolerance of now");
        }
        return r.toString();
    }

    static String formOf(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException notJson) {
            return body;
        }
        if (node == null || !node.isObject()) return body;
        StringJoiner form = new StringJoiner("&");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String value = f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString();
            form.add(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    /** One curl command being assembled. */
    private static final class Request {
        private final String title;
        private final String httpMethod;
        private final String scheme;
        private final String method;
        private final String body;
        private final String contentType;
        private final List<String> headers = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private String url;

        Request(String title, String httpMethod, String scheme, String url, String body, String contentType) {
            this.title = title;
            this.httpMethod = httpMethod;
            this.scheme = scheme;
            this.method = "ANY".equals(httpMethod) ? "POST" : httpMethod;
            this.url = url;
            this.body = body;
            this.contentType = contentType;
        }

        boolean sendsBody() {
            return !"GET".equals(method) && !"HEAD".equals(method) && !"DELETE".equals(method);
        }

        /** The bytes a signature covers: the body as sent, or nothing when none is sent. */
        byte[] signedBytes() {
            return (sendsBody() ? body : "").getBytes(StandardCharsets.UTF_8);
        }

        void header(String name, String value) {
            headers.add(name + ": " + value);
        }

        void missing(String secretName) {
            note("set hookstead.secret." + secretName + " to sign this request");
        }

        void note(String text) {
            notes.add(text);
        }

        @Override
        public String toString() {
            StringBuilder curl = new StringBuilder("curl -i -X ").append(method);
            if (sendsBody()) curl.append(" -H 'Content-Type: ").append(contentType).append('\'');
            for (String h : headers) curl.append(" -H ").append(quote(h));
            if (sendsBody()) curl.append(" -d ").append(quote(body));
            curl.append(' ').append(quote(url));
            String note = notes.isEmpty() ? "" : "  (" + String.join("; ", notes) + ")";
            return "  " + title + " [" + httpMethod + ", " + scheme + "]" + note + "\n    " + curl;
        }

        private static String quote(String s) {
            return "'" + s.replace("'", "'\\''") + "'";
        }
    }
}
