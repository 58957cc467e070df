package dev.hookstead.pipeline;

import dev.hookstead.expression.Expression;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.pipeline.FunctionRunner.PayloadStyle;

/**
 * What one method of one route serves, resolved once at start-up from the webhook or endpoint (and the function an
 * endpoint calls), so that no stage asks again what kind of route it serves.
 *
 * @param name                the route for logs: {@code service/webhook} or {@code endpoint <route>}
 * @param description         who an operator fixes: {@code webhook service/name} or {@code endpoint <method> <route>}
 * @param path                the route's path inside the webapp, without trailing '/'
 * @param service             {@code context.request.service}: the webhook's service, null for endpoints
 * @param action              {@code context.request.action}: the webhook's name or the endpoint's function
 * @param url                 {@code context.request.webhookUrl} when fixed (an endpoint's route); null for the URL
 *                            as the caller used it
 * @param function            the name of the function the route runs, for errors
 * @param script              the function's script; null when the endpoint names no function the app has
 * @param payload             how the function gets the request
 * @param runName             the run's name in logs and stack traces
 * @param validation          how the request proves it comes from a holder of the secret
 * @param auth                who the function runs as
 * @param canEvaluate         the authorization expression, {@link Expression#ALWAYS} when there is none
 * @param reply               how the result becomes the response
 * @param returnType          an endpoint's {@code return_type}, which picks the response format
 * @param disableArgLogs      leaves the request's arguments out of the invocation log
 */
public record Target(String name, String description, String path, String service, String action, String url,
                     String function, ScriptRef script, PayloadStyle payload, String runName, Validation validation,
                     Auth auth, Expression canEvaluate, Reply reply, String returnType, boolean disableArgLogs) {

    /** The signature or secret check, as the validation stage runs it. */
    public enum Scheme {
        NONE(null), GITHUB(null), TWILIO(null),
        VERIFY_PAYLOAD(ValidationMethod.VERIFY_PAYLOAD),
        SECRET_AS_QUERY_PARAM(ValidationMethod.SECRET_AS_QUERY_PARAM),
        STANDARD_WEBHOOKS(ValidationMethod.STANDARD_WEBHOOKS),
        SVIX(ValidationMethod.SVIX),
        STRIPE(ValidationMethod.STRIPE),
        SLACK(ValidationMethod.SLACK);

        private final ValidationMethod method;

        Scheme(ValidationMethod method) {
            this.method = method;
        }

        /** The manifest's validation method this scheme serves; null for the service types' own schemes. */
        public ValidationMethod method() {
            return method;
        }
    }

    /**
     * @param secret     the inline secret (webhooks), or null
     * @param secretName the runtime secret to use without an inline one, or null
     * @param header     the header carrying a {@link Scheme#VERIFY_PAYLOAD} signature
     */
    public record Validation(Scheme scheme, String secret, String secretName, String header) {
    }

    /** Who the function runs as, and what an application user gets. */
    public record Auth(RunAs runAs, boolean createUserOnAuth, boolean fetchCustomUserData) {
    }

    /** The response rules: a webhook's (with or without its result) or an endpoint's (with or without one). */
    public enum Reply { WEBHOOK, WEBHOOK_RESULT, ENDPOINT, ENDPOINT_NO_RESULT }
}
