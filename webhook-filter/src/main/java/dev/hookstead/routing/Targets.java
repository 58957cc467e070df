package dev.hookstead.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.expression.Expression;
import dev.hookstead.expression.ExpressionException;
import dev.hookstead.expression.ExpressionParser;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.FunctionDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.pipeline.FunctionRunner.PayloadStyle;
import dev.hookstead.pipeline.Target;
import dev.hookstead.pipeline.Target.Auth;
import dev.hookstead.pipeline.Target.Reply;
import dev.hookstead.pipeline.Target.Scheme;
import dev.hookstead.pipeline.Target.Validation;

/**
 * Resolves webhooks and endpoints into {@link Target}s, the one place that knows how the two differ:
 * <ul>
 *   <li>a webhook runs its own script, with the payload its service type calls for (the raw request for
 *       {@code http}, the parsed JSON event for {@code github}, the parsed form for {@code twilio}); GitHub and
 *       Twilio services bring their own signature schemes;</li>
 *   <li>an endpoint runs the function it names, with the raw request, as that function's run-as user, authorized by
 *       the function's can_evaluate and its own. Private functions may back endpoints: "private" only keeps them from
 *       client SDK calls.</li>
 * </ul>
 * A can_evaluate that does not parse fails start-up, naming the file that holds it.
 */
final class Targets {

    private Targets() {
    }

    static Target webhook(String path, WebhookDef w) {
        String name = w.service() + "/" + w.name();
        return new Target(name, "webhook " + name, path, w.service(), w.name(), null, w.name(), w.script(),
                payloadStyle(w.serviceType()), name, validation(w),
                new Auth(w.runAs(), w.createUserOnAuth(), w.fetchCustomUserData()),
                parse(w.canEvaluate(), w.source()), w.respondResult() ? Reply.WEBHOOK_RESULT : Reply.WEBHOOK, null,
                w.disableArgLogs());
    }

    static Target endpoint(String path, EndpointDef e, Manifest manifest) {
        FunctionDef function = manifest.function(e.functionName());
        String description = "endpoint " + e.httpMethod() + " " + e.route();
        Validation validation = new Validation(scheme(e.validationMethod()), null, e.secretName(),
                "Endpoint-Signature");
        return new Target("endpoint " + e.route(), description, path, null, e.functionName(), e.route(),
                e.functionName(), function == null ? null : function.script(), PayloadStyle.RAW,
                function == null ? null : description + " -> " + function.name(), validation,
                new Auth(function == null ? RunAs.SYSTEM : function.runAs(), e.createUserOnAuth(),
                        e.fetchCustomUserData()),
                canEvaluate(e, function), e.respondResult() ? Reply.ENDPOINT : Reply.ENDPOINT_NO_RESULT,
                e.returnType(), function != null && function.disableArgLogs());
    }

    /** Parses a disabled endpoint's expressions, which start-up checks although no request reaches them. */
    static void check(EndpointDef e, Manifest manifest) {
        canEvaluate(e, manifest.function(e.functionName()));
    }

    /** An endpoint is authorized by its function's expression; one on the entry itself is honoured too. */
    private static Expression canEvaluate(EndpointDef e, FunctionDef function) {
        Expression own = parse(e.canEvaluate(), e.source());
        Expression fn = function == null ? Expression.ALWAYS : parse(function.canEvaluate(), function.source());
        return own.isAlwaysTrue() ? fn : fn.isAlwaysTrue() ? own : Expression.both(own, fn);
    }

    private static Validation validation(WebhookDef w) {
        Scheme scheme = switch (w.serviceType() == null ? "" : w.serviceType()) {
            // without a secret a GitHub webhook is not checked (the build warned)
            case "github" -> w.secret() == null ? Scheme.NONE : Scheme.GITHUB;
            case "twilio" -> Scheme.TWILIO;
            default -> scheme(w.validationMethod());
        };
        return new Validation(scheme, w.secret(), w.secretName(), "X-Hook-Signature");
    }

    private static Scheme scheme(ValidationMethod method) {
        return method == ValidationMethod.NO_VALIDATION ? Scheme.NONE
                : Scheme.valueOf(method.name());
    }

    private static PayloadStyle payloadStyle(String serviceType) {
        if ("github".equals(serviceType)) return PayloadStyle.JSON_EVENT;
        if ("twilio".equals(serviceType)) return PayloadStyle.FORM;
        return PayloadStyle.RAW;
    }

    private static Expression parse(JsonNode expression, String source) {
        try {
            return ExpressionParser.parse(expression);
        } catch (ExpressionException e) {
            throw new IllegalArgumentException(source + ": can_evaluate: " + e.getMessage(), e);
        }
    }
}
