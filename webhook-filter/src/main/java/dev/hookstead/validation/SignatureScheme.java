package dev.hookstead.validation;

import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.HookError;

/**
 * One way a request proves that it comes from a holder of the route's secret. Every scheme implements it, the
 * service types' own (GitHub, Twilio) included; the {@link ValidationStage} picks one per request by the route's
 * {@link dev.hookstead.pipeline.Target.Scheme}.
 */
public interface SignatureScheme {

    /**
     * @param secret    the route's secret
     * @param freshness the clock the timestamped schemes check against
     * @return the message id the {@link ReplayGuard} records, or null for schemes without one
     * @throws HookError IncomingWebhookAuthFailed when the request does not prove it
     */
    String check(String secret, Exchange exchange, Freshness freshness);
}
