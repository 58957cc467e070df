package dev.hookstead.testing;

import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.pipeline.AppUser;
import dev.hookstead.pipeline.FunctionResult;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.pipeline.HttpRequestData;
import org.bson.BsonValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A FunctionRunner in plain Java: each action (webhook name) maps to a handler; it records what it was given.
 * Actions without a handler return undefined.
 */
public final class TestRunner implements FunctionRunner {

    private final Map<String, Function<HttpRequestData, FunctionResult>> handlers = new HashMap<>();
    public volatile HttpRequestData lastRequest;
    public volatile AppUser lastUser;
    public volatile PayloadStyle lastStyle;
    public volatile ScriptRef lastScript;
    public volatile int calls;
    public volatile boolean closed;

    public TestRunner on(String action, Function<HttpRequestData, FunctionResult> handler) {
        handlers.put(action, handler);
        return this;
    }

    public TestRunner returning(String action, BsonValue value) {
        return on(action, r -> returns(value));
    }

    public static FunctionResult returns(BsonValue value) {
        return new FunctionResult(false, 0, Map.of(), null, value, List.of());
    }

    public static FunctionResult responds(int status, Map<String, List<String>> headers, byte[] body,
                                          BsonValue returnValue) {
        return new FunctionResult(true, status, headers, body, returnValue, List.of());
    }

    @Override
    public FunctionResult runHttp(ScriptRef script, PayloadStyle style, HttpRequestData request, AppUser user,
                                  String logName) {
        calls++;
        lastScript = script;
        lastStyle = style;
        lastRequest = request;
        lastUser = user;
        return handlers.getOrDefault(request.action(), r -> returns(null)).apply(request);
    }

    @Override
    public BsonValue call(ScriptRef script, List<BsonValue> args, HttpRequestData request, AppUser user,
                          String logName) {
        throw new UnsupportedOperationException("the HTTP pipeline never calls plain functions");
    }

    @Override
    public void close() {
        closed = true;
    }
}
