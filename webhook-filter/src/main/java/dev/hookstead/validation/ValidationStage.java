package dev.hookstead.validation;

import dev.hookstead.config.Settings;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.Stage;
import dev.hookstead.pipeline.Target;
import dev.hookstead.pipeline.Target.Scheme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * Checks that the request comes from a holder of the secret, with the {@link SignatureScheme} routing resolved for
 * the route:
 * <ul>
 *   <li>GitHub service webhooks with a secret: {@link GitHubSignature}; without one, no check (the build warned).</li>
 *   <li>Twilio service webhooks: {@link TwilioSignature} with the runtime secret the service's
 *       {@code secret_config.auth_token} names, over the URL as called ({@code hookstead.publicBaseUrl} behind a
 *       proxy).</li>
 *   <li>VERIFY_PAYLOAD: {@link RealmSignature} in {@code X-Hook-Signature} (webhooks) or {@code Endpoint-Signature}
 *       (endpoints);</li>
 *   <li>SECRET_AS_QUERY_PARAM: {@link QuerySecret};</li>
 *   <li>STANDARD_WEBHOOKS, SVIX, STRIPE, SLACK: the scheme's class, with the timestamp checked against the clock and
 *       the message id recorded by the {@link ReplayGuard};</li>
 *   <li>NO_VALIDATION: nothing.</li>
 * </ul>
 * Webhooks use the inline secret, else the runtime secret {@code secretName}; endpoints use {@code secretName}.
 * A missing secret is the operator's to fix: 500 for the caller, the setting to define in the server log.
 */
public final class ValidationStage implements Stage {

    private static final Logger LOG = LoggerFactory.getLogger(ValidationStage.class);

    private final Settings settings;
    private final ReplayGuard replay;
    private final Freshness freshness;
    private final Map<Scheme, SignatureScheme> schemes = new EnumMap<>(Scheme.class);

    public ValidationStage(Settings settings, ReplayGuard replay) {
        this.settings = settings;
        this.replay = replay;
        this.freshness = new Freshness(Clock.systemUTC(), settings.signatureTolerance());
        schemes.put(Scheme.GITHUB, new GitHubSignature());
        schemes.put(Scheme.TWILIO, new TwilioSignature(settings.publicBaseUrl()));
        schemes.put(Scheme.VERIFY_PAYLOAD, new RealmSignature());
        schemes.put(Scheme.SECRET_AS_QUERY_PARAM, new QuerySecret());
        schemes.put(Scheme.STANDARD_WEBHOOKS, StandardWebhooksSignature.STANDARD);
        schemes.put(Scheme.SVIX, StandardWebhooksSignature.SVIX);
        schemes.put(Scheme.STRIPE, new StripeSignature());
        schemes.put(Scheme.SLACK, new SlackSignature());
    }

    @Override
    public void apply(Exchange exchange) {
        Target target = exchange.target();
        Scheme scheme = target.validation().scheme();
        if (scheme == Scheme.NONE) return;
        String messageId = schemes.get(scheme).check(secret(target), exchange, freshness);
        if (messageId != null) replay.check(target.path(), scheme.method(), messageId);
    }

    private String secret(Target target) {
        Target.Validation validation = target.validation();
        if (validation.secret() != null) return validation.secret();
        String secretName = validation.secretName();
        String secret = secretName == null ? null : settings.secret(secretName);
        if (secret == null) {
            if (secretName == null) {
                LOG.error("{} validates requests but has no secret in the manifest; set options.secret (webhook) or "
                        + "secret_name (endpoint) in the app export", target.description());
            } else {
                String setting = Settings.secretSetting(secretName);
                LOG.error("{} needs the secret \"{}\": define {} (init-param or system property) or environment "
                        + "variable {}", target.description(), secretName, setting, Settings.environmentName(setting));
            }
            throw new HookError(ErrorCode.InternalServerError, "the server is not configured for this request");
        }
        return secret;
    }
}
