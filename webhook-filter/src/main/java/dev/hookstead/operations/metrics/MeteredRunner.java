package dev.hookstead.operations.metrics;

import dev.hookstead.pipeline.AppUser;
import dev.hookstead.manifest.FunctionDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.FunctionResult;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.pipeline.HttpRequestData;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import org.bson.BsonValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Times every function call ({@value Metrics#FUNCTION_DURATION}) and counts runaway terminations
 * ({@value Metrics#FUNCTION_RUNAWAYS}), tagged with the function's manifest name: a webhook's {@code service/name}, a
 * function's name, or {@code other} for run-as scripts. Meters are resolved once, at start-up.
 */
public final class MeteredRunner implements FunctionRunner {

    private record FunctionMeters(Timer duration, Counter runaways) {
    }

    private final FunctionRunner delegate;
    private final Map<String, FunctionMeters> byScript = new HashMap<>();
    private final FunctionMeters other;

    public MeteredRunner(FunctionRunner delegate, Manifest manifest, Metrics metrics) {
        this.delegate = delegate;
        for (WebhookDef w : manifest.webhooks()) {
            if (w.script() != null) byScript.put(w.script().path(), meters(metrics, w.service() + "/" + w.name()));
        }
        for (FunctionDef f : manifest.functions()) {
            if (f.script() != null) byScript.put(f.script().path(), meters(metrics, f.name()));
        }
        other = meters(metrics, "other");
    }

    private static FunctionMeters meters(Metrics metrics, String function) {
        return new FunctionMeters(metrics.functionTimer(function), metrics.runawayCounter(function));
    }

    @Override
    public FunctionResult runHttp(ScriptRef script, PayloadStyle style, HttpRequestData request, AppUser user,
                                  String logName) {
        return timed(script, () -> delegate.runHttp(script, style, request, user, logName));
    }

    @Override
    public BsonValue call(ScriptRef script, List<BsonValue> args, HttpRequestData request, AppUser user,
                          String logName) {
        return timed(script, () -> delegate.call(script, args, request, user, logName));
    }

    private <T> T timed(ScriptRef script, Supplier<T> call) {
        FunctionMeters meters = byScript.getOrDefault(script.path(), other);
        long start = System.nanoTime();
        try {
            return call.get();
        } catch (HookError e) {
            if (e.code() == ErrorCode.ExecutionTimeLimitExceeded) meters.runaways().increment();
            throw e;
        } finally {
            meters.duration().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
