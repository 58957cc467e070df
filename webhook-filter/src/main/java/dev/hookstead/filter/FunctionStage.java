package dev.hookstead.filter;

import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.FunctionDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.FunctionRunner.PayloadStyle;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.Stage;

/**
 * Runs the function a request is for: a webhook's own script, with the payload its service type calls for (the raw
 * request for {@code http}, the parsed JSON event for {@code github}, the parsed form for {@code twilio}); or the
 * named function an endpoint calls, with the raw request. Private functions may back endpoints: "private" only keeps
 * them from client SDK calls.
 */
public final class FunctionStage implements Stage {

    private final Manifest manifest;
    private final FunctionRunner runner;

    public FunctionStage(Manifest manifest, FunctionRunner runner) {
        this.manifest = manifest;
        this.runner = runner;
    }

    @Override
    public void apply(Exchange exchange) {
        if (exchange.route().isWebhook()) {
            webhook(exchange);
        } else {
            endpoint(exchange);
        }
    }

    private void webhook(Exchange exchange) {
        WebhookDef webhook = exchange.route().webhook();
        exchange.result(runner.runHttp(webhook.script(), payloadStyle(webhook.serviceType()), exchange.data(),
                exchange.user(), exchange.route().displayName()));
    }

    private void endpoint(Exchange exchange) {
        EndpointDef endpoint = exchange.endpoint();
        FunctionDef function = manifest.function(endpoint.functionName());
        if (function == null || function.script() == null) {
            throw new HookError(ErrorCode.FunctionNotFound, "function not found: '" + endpoint.functionName() + "'");
        }
        exchange.result(runner.runHttp(function.script(), PayloadStyle.RAW, exchange.data(), exchange.user(),
                "endpoint " + endpoint.httpMethod() + " " + endpoint.route() + " -> " + function.name()));
    }

    static PayloadStyle payloadStyle(String serviceType) {
        if ("github".equals(serviceType)) return PayloadStyle.JSON_EVENT;
        if ("twilio".equals(serviceType)) return PayloadStyle.FORM;
        return PayloadStyle.RAW;
    }
}
