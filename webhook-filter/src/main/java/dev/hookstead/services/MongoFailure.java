package dev.hookstead.services;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;

/**
 * A failed MongoDB operation: {@code MongoDBError} (the server refused it; {@link #serverCode()} is its code, e.g.
 * 11000), {@code ServiceUnavailable} (no server reachable), or a rules denial ({@code NoMatchingRuleFound},
 * {@code SchemaValidationFailedWrite}, {@code InvalidParameter}; see {@link dev.hookstead.rules}). The bridge hands it to script code as a JS Error.
 */
public final class MongoFailure extends HookError {
    private final Integer serverCode;

    public MongoFailure(ErrorCode code, String message, Integer serverCode) {
        super(code, code.status(), message, null);
        this.serverCode = serverCode;
    }

    /** The server's numeric error code, or null. */
    public Integer serverCode() {
        return serverCode;
    }
}
