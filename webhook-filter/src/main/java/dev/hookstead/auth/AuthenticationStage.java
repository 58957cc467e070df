package dev.hookstead.auth;

import dev.hookstead.filter.Exchange;
import dev.hookstead.filter.Stage;
import dev.hookstead.manifest.FunctionDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.response.ErrorCode;
import dev.hookstead.response.HookError;
import org.bson.BsonDocument;

import java.util.List;

/**
 * Picks the user the function runs as: the webhook's run-as setting, or for endpoints the called function's.
 * Serves System and a fixed user id; script and application authentication are not available yet.
 */
public final class AuthenticationStage implements Stage {

    private final Manifest manifest;

    public AuthenticationStage(Manifest manifest) {
        this.manifest = manifest;
    }

    @Override
    public void apply(Exchange exchange) {
        exchange.user(userFor(runAs(exchange)));
    }

    private RunAs runAs(Exchange exchange) {
        if (exchange.route().isWebhook()) return exchange.route().webhook().runAs();
        FunctionDef function = manifest.function(exchange.endpoint().functionName());
        return function == null ? RunAs.SYSTEM : function.runAs();
    }

    static AppUser userFor(RunAs runAs) {
        return switch (runAs.mode()) {
            case SYSTEM -> AppUser.SYSTEM;
            case USER_ID -> new AppUser(runAs.userId(), "normal", new BsonDocument(), new BsonDocument(), List.of());
            default -> throw new HookError(ErrorCode.InternalServerError,
                    "run-as mode " + runAs.mode() + " is not available yet");
        };
    }
}
