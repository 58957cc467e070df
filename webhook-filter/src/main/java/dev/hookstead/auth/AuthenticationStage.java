package dev.hookstead.auth;

import dev.hookstead.manifest.RunAs;
import dev.hookstead.pipeline.AppUser;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.HttpRequestData;
import dev.hookstead.pipeline.Stage;
import dev.hookstead.pipeline.Target;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

import java.util.List;
import java.util.Map;

/**
 * Picks the user the function runs as, by the run-as setting routing resolved (the webhook's, or for endpoints the
 * called function's): System, a fixed user id, a run-as script, or the application user the request's credentials
 * prove ({@link ApplicationAuth}).
 * With {@code fetch_custom_user_data}, a non-system user gets its {@code custom_data} loaded.
 */
public final class AuthenticationStage implements Stage {

    private final FunctionRunner runner;
    private final ApplicationAuth auth;

    public AuthenticationStage(FunctionRunner runner, ApplicationAuth auth) {
        this.runner = runner;
        this.auth = auth;
    }

    @Override
    public void apply(Exchange exchange) {
        Target.Auth target = exchange.target().auth();
        RunAs runAs = target.runAs();
        AppUser user = switch (runAs.mode()) {
            case SYSTEM -> AppUser.SYSTEM;
            case USER_ID -> user(runAs.userId());
            case SCRIPT -> fromScript(runAs, exchange.data());
            case APPLICATION -> auth.authenticate(exchange.data(), target.createUserOnAuth());
        };
        exchange.user(target.fetchCustomUserData() ? auth.withCustomData(user) : user);
    }

    /** The script gets the request payload and answers with a user id, or {runAsSystem: true}. */
    private AppUser fromScript(RunAs runAs, HttpRequestData request) {
        BsonValue result = runner.call(runAs.script(), List.of(payload(request)), request, AppUser.SYSTEM,
                "run_as_user_id_script_source");
        if (result != null && result.isString() && !result.asString().getValue().isEmpty()) {
            return user(result.asString().getValue());
        }
        // the docs of the script contract say runAsSystem; the seed docs also spell it runAsSystemUser
        if (result != null && result.isDocument()
                && (isTrue(result.asDocument(), "runAsSystem") || isTrue(result.asDocument(), "runAsSystemUser"))) {
            return AppUser.SYSTEM;
        }
        throw new HookError(ErrorCode.FunctionExecutionError, "run_as_user_id_script_source must return a user id "
                + "string or {runAsSystem: true}");
    }

    private static boolean isTrue(BsonDocument doc, String key) {
        return doc.containsKey(key) && doc.get(key).isBoolean() && doc.getBoolean(key).getValue();
    }

    private static AppUser user(String id) {
        return new AppUser(id, "normal", new BsonDocument(), new BsonDocument(), List.of());
    }

    private static BsonDocument payload(HttpRequestData request) {
        BsonDocument query = new BsonDocument();
        request.query().forEach((k, v) -> query.put(k, new BsonString(v)));
        BsonDocument headers = new BsonDocument();
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            headers.put(h.getKey(), new BsonArray(h.getValue().stream().map(BsonString::new).toList()));
        }
        BsonDocument payload = new BsonDocument("query", query).append("headers", headers);
        if (request.body() != null) payload.put("body", new BsonBinary(request.body()));
        return payload;
    }
}
