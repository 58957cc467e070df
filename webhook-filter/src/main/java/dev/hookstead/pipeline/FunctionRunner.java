package dev.hookstead.pipeline;

import dev.hookstead.manifest.ScriptRef;
import org.bson.BsonValue;

import java.util.List;

/**
 * Where the request pipeline hands over to JavaScript. Failures are thrown as
 * {@link dev.hookstead.pipeline.HookError} (FunctionExecutionError, ExecutionTimeLimitExceeded, ServiceUnavailable).
 */
public interface FunctionRunner extends AutoCloseable {

    /** How the first argument of an HTTP-facing function is shaped. */
    enum PayloadStyle {
        /** {@code {query, headers, body: Binary}}: http-service webhooks and endpoints. */
        RAW,
        /** The parsed JSON body: GitHub service webhooks. */
        JSON_EVENT,
        /** The parsed form fields: Twilio service webhooks. */
        FORM
    }

    /** Runs {@code exports(payload, response)} for a webhook or endpoint, draining async work before returning. */
    FunctionResult runHttp(ScriptRef script, PayloadStyle style, HttpRequestData request, AppUser user, String logName);

    /**
     * Runs {@code exports(...args)} with plain arguments: run-as scripts, {@code %function}, functions.execute.
     *
     * @param request the request being served, for {@code context.request}; null outside a request
     * @return the awaited return value, or null for {@code undefined}
     */
    BsonValue call(ScriptRef script, List<BsonValue> args, HttpRequestData request, AppUser user, String logName);

    @Override
    void close();
}
