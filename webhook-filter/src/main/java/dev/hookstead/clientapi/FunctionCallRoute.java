package dev.hookstead.clientapi;

import dev.hookstead.pipeline.AppUser;
import dev.hookstead.auth.ApplicationAuth;
import dev.hookstead.bson.Ejson;
import dev.hookstead.auth.CanEvaluateStage;
import dev.hookstead.manifest.FunctionDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.request.ClientAddress;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.pipeline.HttpRequestData;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonValue;
import org.bson.json.JsonParseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code POST /api/client/v2.0/app/<clientAppId>/functions/call} with a Bearer access token and the EJSON body
 * {@code {name, arguments: [...]}} → 200, the return value as canonical EJSON. The function runs as its
 * {@code run_as_*} settings say; with none (the default for functions) as the calling user, so MongoDB rules apply.
 * Its {@code can_evaluate} is checked first. Private functions are refused as unknown ones are: 404
 * {@code FunctionNotFound}, so a client learns nothing of them.
 */
final class FunctionCallRoute {

    private final ApplicationAuth auth;
    private final Manifest manifest;
    private final FunctionRunner runner;
    private final CanEvaluateStage canEvaluate;
    private final ClientAddress clientAddress;
    private final long maxBytes;

    FunctionCallRoute(ApplicationAuth auth, Manifest manifest, FunctionRunner runner, CanEvaluateStage canEvaluate,
                      ClientAddress clientAddress, long maxBytes) {
        this.auth = auth;
        this.manifest = manifest;
        this.runner = runner;
        this.canEvaluate = canEvaluate;
        this.clientAddress = clientAddress;
        this.maxBytes = maxBytes;
    }

    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ClientHttp.requireMethod(request, response, "POST");
        AppUser caller = auth.withCustomData(auth.profile(ClientHttp.bearer(request)));
        byte[] body = ClientHttp.read(request, maxBytes);
        BsonDocument call = call(body);
        if (call.containsKey("service")) {
            throw new HookError(ErrorCode.ServiceNotFound, "service functions (user.mongoClient and other service "
                    + "calls) are not served by Hookstead; call an app function that uses context.services instead");
        }
        String name = call.get("name") != null && call.get("name").isString() ? call.getString("name").getValue() : null;
        if (name == null || name.isBlank()) throw new HookError(ErrorCode.MissingParameter, "expected a function 'name'");
        FunctionDef function = manifest.function(name);
        if (function == null || function.script() == null || function.isPrivate()) {
            throw new HookError(ErrorCode.FunctionNotFound, "function not found: '" + name + "'");
        }
        BsonValue args = call.get("arguments", new BsonArray());
        if (!args.isArray()) throw new HookError(ErrorCode.InvalidParameter, "'arguments' must be an array");

        HttpRequestData data = ClientHttp.requestData(request, body, name, clientAddress);
        AppUser user = runAs(function.runAs(), caller, data);
        canEvaluate.authorizeCall(function, data, user);
        BsonValue result = runner.call(function.script(), args.asArray().getValues(), data, user, "function " + name);
        ClientHttp.write(response, 200, Ejson.canonical(result == null ? BsonNull.VALUE : result));
    }

    private static BsonDocument call(byte[] body) {
        try {
            BsonValue value = body.length == 0 ? null : Ejson.parse(new String(body, StandardCharsets.UTF_8));
            if (value != null && value.isDocument()) return value.asDocument();
        } catch (JsonParseException | IllegalArgumentException e) {
            // answered below
        }
        throw new HookError(ErrorCode.InvalidParameter, "the body must be an EJSON object {name, arguments}");
    }

    /** The user the function runs as; a run-as script gets no arguments and answers a user id or runAsSystem. */
    private AppUser runAs(RunAs runAs, AppUser caller, HttpRequestData data) {
        return switch (runAs.mode()) {
            case APPLICATION -> caller;
            case SYSTEM -> AppUser.SYSTEM;
            case USER_ID -> byId(runAs.userId());
            case SCRIPT -> {
                BsonValue id = runner.call(runAs.script(), List.of(), data, AppUser.SYSTEM, "run_as_user_id_script_source");
                if (id != null && id.isString() && !id.asString().getValue().isEmpty()) yield byId(id.asString().getValue());
                if (id != null && id.isDocument() && id.asDocument().get("runAsSystem", BsonNull.VALUE).isBoolean()
                        && id.asDocument().getBoolean("runAsSystem").getValue()) {
                    yield AppUser.SYSTEM;
                }
                throw new HookError(ErrorCode.FunctionExecutionError,
                        "run_as_user_id_script_source must return a user id string or {runAsSystem: true}");
            }
        };
    }

    private static AppUser byId(String id) {
        return new AppUser(id, "normal", new BsonDocument(), new BsonDocument(), List.of());
    }
}
