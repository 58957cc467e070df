package dev.hookstead.auth;

import dev.hookstead.pipeline.ContextDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.bson.Ejson;
import dev.hookstead.config.AppValues;
import dev.hookstead.config.Settings;
import dev.hookstead.expression.Expansions;
import dev.hookstead.expression.Expression;
import dev.hookstead.expression.ExpressionException;
import dev.hookstead.expression.ExpressionParser;
import dev.hookstead.expression.MapExpansions;
import dev.hookstead.manifest.FunctionDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.pipeline.AppUser;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.HttpRequestData;
import dev.hookstead.pipeline.Stage;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Authorizes each request with its {@code can_evaluate} expression, after authentication and before the function.
 * Routing parsed the expressions at start-up; a false result is 403 {@code NoMatchingRule}, and an expression that
 * cannot be evaluated is an error, never an allow.
 */
public final class CanEvaluateStage implements Stage {

    private final Manifest manifest;
    private final FunctionRunner runner;
    private final AppValues values;
    /** Each function's own can_evaluate, for the client API's {@code functions/call}. */
    private final Map<String, Expression> functions = new HashMap<>();

    public CanEvaluateStage(Manifest manifest, Settings settings, FunctionRunner runner) {
        this.manifest = manifest;
        this.runner = runner;
        this.values = new AppValues(manifest, settings::secret);
        for (FunctionDef function : manifest.functions()) {
            try {
                functions.put(function.name(), ExpressionParser.parse(function.canEvaluate()));
            } catch (ExpressionException e) {
                throw new IllegalArgumentException(function.source() + ": can_evaluate: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void apply(Exchange exchange) {
        authorize(exchange.target().canEvaluate(), exchange.data(), exchange.user());
    }

    /** Authorizes a client SDK's call of {@code function} (client API {@code functions/call}). */
    public void authorizeCall(FunctionDef function, HttpRequestData data, AppUser user) {
        authorize(functions.get(function.name()), data, user);
    }

    private void authorize(Expression expression, HttpRequestData data, AppUser user) {
        if (expression.isAlwaysTrue()) return;
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
                .values(bson(values.all()))
                .environment(ContextDocuments.environment(values.tag(),
                        BsonDocument.parse(values.environment().get("values").toString())))
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

    private static BsonDocument bson(Map<String, JsonNode> values) {
        BsonDocument doc = new BsonDocument();
        values.forEach((name, value) -> doc.put(name, Ejson.parse(value.toString())));
        return doc;
    }
}
