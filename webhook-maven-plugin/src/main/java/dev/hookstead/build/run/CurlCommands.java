package dev.hookstead.build.run;

import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.validation.RealmSignature;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Ready-to-paste curl commands for every webhook and endpoint of an app, with a valid signature header or
 * {@code ?secret=} where the validation method needs one.
 */
public final class CurlCommands {

    /** The seed docs' example body. */
    public static final String SAMPLE_BODY = "{\"message\":\"MESSAGE\"}";

    private final Manifest manifest;
    private final String baseUrl;
    private final UnaryOperator<String> secrets;

    /**
     * @param baseUrl e.g. http://127.0.0.1:8080 plus the context path
     * @param secrets runtime secret by name, or null when not configured
     */
    public CurlCommands(Manifest manifest, String baseUrl, UnaryOperator<String> secrets) {
        this.manifest = manifest;
        this.baseUrl = baseUrl;
        this.secrets = secrets;
    }

    /** One entry per webhook and enabled endpoint: a title line and the command. */
    public List<String> all(String body) {
        List<String> lines = new ArrayList<>();
        for (WebhookDef w : manifest.webhooks()) lines.add(webhook(w, body));
        for (EndpointDef e : manifest.endpoints()) {
            if (!e.disabled()) lines.add(endpoint(e, body));
        }
        return lines;
    }

    public String webhook(WebhookDef w, String body) {
        String url = baseUrl + "/api/client/v2.0/app/" + manifest.app().clientAppId() + "/service/" + w.service()
                + "/incoming_webhook/" + w.name();
        String secret = w.secret() != null ? w.secret() : w.secretName() == null ? null : secrets.apply(w.secretName());
        return command("webhook " + w.service() + "/" + w.name(), w.httpMethod(), url, w.validationMethod(),
                "X-Hook-Signature", secret, w.secretName(), body);
    }

    public String endpoint(EndpointDef e, String body) {
        String url = baseUrl + "/app/" + manifest.app().clientAppId() + "/endpoint" + e.route();
        String secret = e.secretName() == null ? null : secrets.apply(e.secretName());
        return command("endpoint " + e.route() + " -> " + e.functionName(), e.httpMethod(), url,
                e.validationMethod(), "Endpoint-Signature", secret, e.secretName(), body);
    }

    private static String command(String title, String httpMethod, String url, ValidationMethod validation,
                                  String signatureHeader, String secret, String secretName, String body) {
        String method = "ANY".equals(httpMethod) ? "POST" : httpMethod;
        boolean sendsBody = !"GET".equals(method) && !"HEAD".equals(method) && !"DELETE".equals(method);
        StringBuilder curl = new StringBuilder("curl -i -X ").append(method);
        String missing = null;
        if (sendsBody) curl.append(" -H 'Content-Type: application/json'");
        if (validation == ValidationMethod.VERIFY_PAYLOAD) {
            if (secret == null) {
                missing = secretName;
            } else {
                byte[] signed = (sendsBody ? body : "").getBytes(StandardCharsets.UTF_8);
                curl.append(" -H '").append(signatureHeader).append(": ")
                        .append(RealmSignature.sign(secret, signed)).append('\'');
            }
        }
        if (sendsBody) curl.append(" -d ").append(quote(body));
        String target = url;
        if (validation == ValidationMethod.SECRET_AS_QUERY_PARAM) {
            if (secret == null) missing = secretName;
            else target = url + "?secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        }
        curl.append(' ').append(quote(target));
        String note = missing == null ? "" : "  (set hookstead.secret." + missing + " to sign this request)";
        return "  " + title + " [" + httpMethod + ", " + validation + "]" + note + "\n    " + curl;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
