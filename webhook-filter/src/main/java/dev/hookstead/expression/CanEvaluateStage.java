package dev.hookstead.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.auth.AppUser;
import dev.hookstead.bson.Ejson;
import dev.hookstead.config.Settings;
import dev.hookstead.filter.Exchange;
import dev.hookstead.filter.Stage;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.FunctionDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ValueDef;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.response.ErrorCode;
import dev.hookstead.response.HookError;
import dev.hookstead.script.FunctionRunner;
import dev.hookstead.script.HttpRequestData;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Authorizes each request with its {@code can_evaluate} expression, after authentication and before the function.
 * Expressions are parsed once at start-up; a false result is 403 {@code NoMatchingRule}, and an expression that
 * cannot be evaluated is an error, never an allow.
 */
public final class CanEvaluateStage implements Stage {

    private final Manifest manifest;
    private final Settings settings;
    private final FunctionRunner runner;
    private final Map<Object, Expression> expressions = new IdentityHashMap<>();

    public CanEvaluateStage(Manifest manifest, Settings settings, FunctionRunner runner) {
        this.manifest = manifest;
        this.settings = settings;
        this.runner = runner;
        for (WebhookDef webhook : manifest.webhooks()) {
            expressions.put(webhook, parse(webhook.canEvaluate(), webhook.source()));
        }
        for (EndpointDef endpoint : manifest.endpoints()) {
            // an endpoint is authorized by its function's expression; one on the entry itself is honoured too
            FunctionDef function = manifest.function(endpoint.functionName());
            Expression own = parse(endpoint.canEvaluate(), endpoint.source());
            Expression fn = function == null ? Expression.ALWAYS : parse(function.canEvaluate(), function.source());
            expressions.put(endpoint, own.isAlwaysTrue() ? fn : fn.isAlwaysTrue() ? own : Expression.both(own, fn));
        }
        for (FunctionDef function : manifest.functions()) {
            expressions.put(function, parse(function.canEvaluate(), function.source()));
        }
    }

    @Override
    public void apply(Exchange exchange) {
        Object target = exchange.route().isWebhook() ? exchange.route().webhook() : exchange.endpoint();
        authorize(target, exchange.data(), exchange.user());
    }

    /** Authorizes a client SDK's call of {@code function} (client API {@code functions/call}). */
    public void authorizeCall(FunctionDef function, HttpRequestData data, AppUser user) {
        authorize(function, data, user);
    }

    private void authorize(Object target, HttpRequestData data, AppUser user) {
        Expression expression = expressions.get(target);
        if (expression == null || expression.isAlwaysTrue()) return;
        boolean allowed;
        try {
            allowed = expression.evaluate(expansions(data, user));
        } catch (ExpressionException e) {
            if (e.getCause() instanceof HookError hook) throw hook;
            String message = e.getMessage();
            throw new HookError(ErrorCode.FunctionExecutionError, message.startsWith("can_evaluate") ? message
                    : "can_evaluate could not be evaluated: " + message);
        }
        if (!allowed) {
            throw new HookError(ErrorCode.NoMatchingRule, "rule not matched: can_evaluate denied this request");
        }
    }

    private Expansions expansions(HttpRequestData data, AppUser user) {
        return MapExpansions.builder()
                .request(ContextDocuments.request(data))
                .user(ContextDocuments.user(user))
                .values(values())
                .environment(ContextDocuments.environment(tag(), environmentValues()))
                .functions((name, args) -> callFunction(name, args, data, user))
                .build();
    }

    private BsonValue callFunction(String name, List<BsonValue> args, HttpRequestData data, AppUser user) {
        FunctionDef function = manifest.function(name);
        if (function == null || function.script() == null) {
            throw new HookError(ErrorCode.FunctionNotFound, "function not found: '" + name + "'");
        }
        return runner.call(function.script(), args, data, user, "%function " + name);
    }

    private BsonDocument values() {
        BsonDocument values = new BsonDocument();
        for (ValueDef value : manifest.values()) {
            if (value.fromSecret()) {
                String secret = settings.secret(value.secretName());
                if (secret != null) values.put(value.name(), new BsonString(secret));
            } else if (value.value() != null) {
                values.put(value.name(), Ejson.parse(value.value().toString()));
            }
        }
        return values;
    }

    private String tag() {
        return manifest.app() == null ? "" : manifest.app().environment();
    }

    private BsonDocument environmentValues() {
        JsonNode values = manifest.environments().get(tag());
        return values == null || !values.isObject() ? new BsonDocument() : BsonDocument.parse(values.toString());
    }

    private static Expression parse(JsonNode expression, String source) {
        try {
            return ExpressionParser.parse(expression);
        } catch (ExpressionException e) {
            throw new IllegalArgumentException(source + ": can_evaluate: " + e.getMessage(), e);
        }
    }
}
