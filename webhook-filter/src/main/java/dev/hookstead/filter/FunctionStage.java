package dev.hookstead.filter;

import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.response.ErrorCode;
import dev.hookstead.response.HookError;
import dev.hookstead.script.FunctionRunner;
import dev.hookstead.script.FunctionRunner.PayloadStyle;

/**
 * Runs the webhook's function. The payload follows the service type: the raw request for {@code http}, the parsed
 * JSON event for {@code github}, the parsed form for {@code twilio}. Endpoint functions are not served yet.
 */
public final class FunctionStage implements Stage {

    private final FunctionRunner runner;

    public FunctionStage(FunctionRunner runner) {
        this.runner = runner;
    }

    @Override
    public void apply(Exchange exchange) {
        if (!exchange.route().isWebhook()) {
            throw new HookError(ErrorCode.InternalServerError, "HTTPS endpoints are not served yet");
        }
        WebhookDef webhook = exchange.route().webhook();
        exchange.result(runner.runHttp(webhook.script(), payloadStyle(webhook.serviceType()), exchange.data(),
                exchange.user(), exchange.route().displayName()));
    }

    static PayloadStyle payloadStyle(String serviceType) {
        if ("github".equals(serviceType)) return PayloadStyle.JSON_EVENT;
        if ("twilio".equals(serviceType)) return PayloadStyle.FORM;
        return PayloadStyle.RAW;
    }
}
