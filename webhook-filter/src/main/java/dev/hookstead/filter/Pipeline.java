package dev.hookstead.filter;

import dev.hookstead.auth.ApplicationAuth;
import dev.hookstead.auth.AuthenticationStage;
import dev.hookstead.auth.CanEvaluateStage;
import dev.hookstead.config.Settings;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.operations.log.InvocationLog;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.InvocationListener;
import dev.hookstead.pipeline.Stage;
import dev.hookstead.request.BodyReader;
import dev.hookstead.request.BodyStage;
import dev.hookstead.request.ClientAddress;
import dev.hookstead.request.RequestReader;
import dev.hookstead.response.ErrorResponder;
import dev.hookstead.response.ResponseStage;
import dev.hookstead.routing.MethodStage;
import dev.hookstead.routing.RouteStage;
import dev.hookstead.routing.RouteTable;
import dev.hookstead.services.mongodb.MongoServices;
import dev.hookstead.validation.ReplayGuard;
import dev.hookstead.validation.ValidationStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * The request path: route → method → body → validation → authentication → can_evaluate → function → response,
 * each a {@link Stage}. A {@link HookError} from any stage becomes the error body; anything else becomes a generic
 * 500 whose details stay in the server log. Every invocation ends with one {@link InvocationLog} line.
 */
public final class Pipeline {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    static final String GENERIC_MESSAGE = "internal server error; the server log has the details";

    private final List<Stage> stages;
    private final ErrorResponder errors;
    private final InvocationLog log;
    private final InvocationListener listener;

    public Pipeline(List<Stage> stages, ErrorResponder errors, InvocationLog log) {
        this(stages, errors, log, InvocationListener.NONE);
    }

    /** @param listener told of every finished invocation (metrics, the invocation log page) */
    public Pipeline(List<Stage> stages, ErrorResponder errors, InvocationLog log, InvocationListener listener) {
        this.stages = List.copyOf(stages);
        this.errors = errors;
        this.log = log;
        this.listener = listener;
    }

    /** The stages in order; the can_evaluate stage belongs between authentication and function. */
    public static Pipeline standard(Manifest manifest, RouteTable routes, Settings settings, FunctionRunner runner,
                                    MongoServices mongo, ApplicationAuth auth) {
        return standard(manifest, routes, settings, runner, mongo, auth, InvocationListener.NONE);
    }

    public static Pipeline standard(Manifest manifest, RouteTable routes, Settings settings, FunctionRunner runner,
                                    MongoServices mongo, ApplicationAuth auth, InvocationListener listener) {
        RequestReader reader = new RequestReader(new BodyReader(settings.requestMaxBytes()),
                new ClientAddress(settings.trustedProxies()), settings.publicBaseUrl());
        return new Pipeline(List.of(
                new RouteStage(routes),
                new MethodStage(),
                new BodyStage(reader),
                new ValidationStage(settings, ReplayGuard.create(manifest, settings, mongo)),
                new AuthenticationStage(runner, auth),
                new CanEvaluateStage(manifest, settings, runner),
                new FunctionStage(runner),
                new ResponseStage()),
                new ErrorResponder(settings.errorLinkBase()),
                new InvocationLog(), listener);
    }

    public void handle(Exchange exchange) {
        int status;
        String errorCode = null;
        HookError failure = null;
        try {
            for (Stage stage : stages) stage.apply(exchange);
            status = exchange.response().getStatus();
        } catch (HookError e) {
            if (e.status() >= 500) {
                LOG.error("invocation={} failed: {}", exchange.invocationId(), e.getMessage(), e.getCause());
            }
            status = e.status();
            errorCode = e.code().name();
            failure = e;
            respond(exchange, e);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            // Out of memory too: the call's garbage is gone by now, and the caller still gets an answer.
            LOG.error("invocation={} failed unexpectedly", exchange.invocationId(), e);
            HookError generic = new HookError(ErrorCode.InternalServerError, GENERIC_MESSAGE);
            status = generic.status();
            errorCode = generic.code().name();
            failure = generic;
            respond(exchange, generic);
        }
        log.log(exchange, status, errorCode);
        listener.completed(exchange, status, failure);
    }

    private void respond(Exchange exchange, HookError error) {
        if (exchange.response().isCommitted()) {
            LOG.warn("invocation={}: response already sent, cannot report {}", exchange.invocationId(), error.code());
            return;
        }
        try {
            errors.write(exchange.response(), error, exchange.invocationId());
        } catch (IOException e) {
            LOG.warn("invocation={}: cannot send the error response: {}", exchange.invocationId(), e.toString());
        }
    }
}
