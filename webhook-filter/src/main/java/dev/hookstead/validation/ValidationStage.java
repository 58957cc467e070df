package dev.hookstead.validation;

import dev.hookstead.config.Settings;
import dev.hookstead.filter.Exchange;
import dev.hookstead.filter.Stage;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.request.QueryString;
import dev.hookstead.request.RequestReader;
import dev.hookstead.response.ErrorCode;
import dev.hookstead.response.HookError;
import dev.hookstead.routing.Route;
import dev.hookstead.script.HttpRequestData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the request (size limit included) and checks that it comes from a holder of the secret. A small dispatcher:
 * each scheme is its own class.
 * <ul>
 *   <li>GitHub service webhooks with a secret: {@link GitHubSignature}; without one, no check (the build warned).</li>
 *   <li>Twilio service webhooks: {@link TwilioSignature} with the runtime secret the service's
 *       {@code secret_config.auth_token} names, over the URL as called ({@code hookstead.publicBaseUrl} behind a
 *       proxy).</li>
 *   <li>VERIFY_PAYLOAD: {@link RealmSignature} in {@code X-Hook-Signature} (webhooks) or {@code Endpoint-Signature}
 *       (endpoints);</li>
 *   <li>SECRET_AS_QUERY_PARAM: {@code ?secret=} equals the secret; every {@code secret} pair is then removed from
 *       {@code rawQueryString} and {@code query};</li>
 *   <li>STANDARD_WEBHOOKS, SVIX, STRIPE, SLACK: the scheme's class, with the timestamp checked against the clock and
 *       the message id recorded by the {@link ReplayGuard};</li>
 *   <li>NO_VALIDATION: nothing.</li>
 * </ul>
 * Webhooks use the inline secret, else the runtime secret {@code secretName}; endpoints use {@code secretName}.
 * A missing secret is the operator's to fix: 500 for the caller, the setting to define in the server log.
 */
public final class ValidationStage implements Stage {

    private static final Logger LOG = LoggerFactory.getLogger(ValidationStage.class);
    static final String QUERY_SECRET = "secret";

    private final RequestReader reader;
    private final Settings settings;
    private final ReplayGuard replay;
    private final Freshness freshness;
    private final String publicBaseUrl;

    public ValidationStage(RequestReader reader, Settings settings, ReplayGuard replay) {
        this(reader, settings, replay, Clock.systemUTC());
    }

    /** @param clock the time the timestamped schemes compare against; tests pin it */
    ValidationStage(RequestReader reader, Settings settings, ReplayGuard replay, Clock clock) {
        this.reader = reader;
        this.settings = settings;
        this.replay = replay;
        this.freshness = new Freshness(clock, settings.signatureTolerance());
        this.publicBaseUrl = settings.publicBaseUrl();
    }

    @Override
    public void apply(Exchange exchange) throws IOException {
        Route route = exchange.route();
        HttpRequestData data = reader.read(exchange.request(), route, exchange.path());
        exchange.data(data);
        String serviceType = route.isWebhook() ? route.webhook().serviceType() : null;
        if ("github".equals(serviceType)) {
            if (route.webhook().secret() != null) GitHubSignature.verify(route.webhook().secret(), data);
            return;
        }
        if ("twilio".equals(serviceType)) {
            TwilioSignature.verify(secret(exchange), TwilioSignature.calledUrl(exchange.request(), publicBaseUrl),
                    data);
            return;
        }
        ValidationMethod method = route.isWebhook() ? route.webhook().validationMethod()
                : exchange.endpoint().validationMethod();
        switch (method) {
            case NO_VALIDATION -> { }
            case VERIFY_PAYLOAD -> {
                String header = route.isWebhook() ? "X-Hook-Signature" : "Endpoint-Signature";
                String secret = secret(exchange);
                String given = data.header(header);
                if (given == null) {
                    throw new HookError(ErrorCode.IncomingWebhookAuthFailed, "missing " + header + " header");
                }
                if (!RealmSignature.verify(secret, data.body(), given)) {
                    throw new HookError(ErrorCode.IncomingWebhookAuthFailed, "invalid signature in " + header);
                }
            }
            case SECRET_AS_QUERY_PARAM -> {
                String given = QueryString.first(data.rawQueryString(), QUERY_SECRET);
                if (given == null || !constantTimeEquals(secret(exchange), given)) {
                    throw new HookError(ErrorCode.IncomingWebhookAuthFailed, "invalid secret");
                }
                exchange.data(withoutQuerySecret(data));
            }
            case STANDARD_WEBHOOKS, SVIX -> {
                StandardWebhooksSignature scheme = method == ValidationMethod.SVIX ? StandardWebhooksSignature.SVIX
                        : StandardWebhooksSignature.STANDARD;
                replay.check(route.path(), method, scheme.verify(standardKey(exchange), data, freshness));
            }
            case STRIPE -> replay.check(route.path(), method, StripeSignature.verify(secret(exchange), data,
                    freshness));
            case SLACK -> replay.check(route.path(), method, SlackSignature.verify(secret(exchange), data,
                    freshness));
        }
    }

    private byte[] standardKey(Exchange exchange) {
        byte[] key = StandardWebhooksSignature.key(secret(exchange));
        if (key == null) {
            LOG.error("{}: its secret is not a Standard Webhooks key; use the whsec_<base64> secret the sender shows",
                    exchange.route().displayName());
            throw new HookError(ErrorCode.InternalServerError, "the server is not configured for this request");
        }
        return key;
    }

    private String secret(Exchange exchange) {
        Route route = exchange.route();
        String secretName;
        if (route.isWebhook()) {
            WebhookDef webhook = route.webhook();
            if (webhook.secret() != null) return webhook.secret();
            secretName = webhook.secretName();
        } else {
            secretName = exchange.endpoint().secretName();
        }
        String secret = secretName == null ? null : settings.secret(secretName);
        if (secret == null) {
            String where = route.isWebhook() ? "webhook " + route.displayName() : describe(exchange.endpoint());
            if (secretName == null) {
                LOG.error("{} validates requests but has no secret in the manifest; set options.secret (webhook) or "
                        + "secret_name (endpoint) in the app export", where);
            } else {
                String setting = Settings.secretSetting(secretName);
                LOG.error("{} needs the secret \"{}\": define {} (init-param or system property) or environment "
                        + "variable {}", where, secretName, setting, Settings.environmentName(setting));
            }
            throw new HookError(ErrorCode.InternalServerError, "the server is not configured for this request");
        }
        return secret;
    }

    private static String describe(EndpointDef endpoint) {
        return "endpoint " + endpoint.httpMethod() + " " + endpoint.route();
    }

    /** Compares SHA-256 digests so that neither content nor length leaks through timing. */
    private static boolean constantTimeEquals(String expected, String given) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] a = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
            byte[] b = sha.digest(given.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(a, b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static HttpRequestData withoutQuerySecret(HttpRequestData d) {
        Map<String, String> query = new LinkedHashMap<>(d.query());
        query.remove(QUERY_SECRET);
        return new HttpRequestData(d.httpMethod(), d.headers(), query, QueryString.without(d.rawQueryString(),
                QUERY_SECRET), d.body(), d.remoteIPAddress(), d.webhookUrl(), d.service(), d.action());
    }
}
