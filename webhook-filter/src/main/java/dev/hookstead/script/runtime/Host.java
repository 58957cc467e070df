package dev.hookstead.script.runtime;

import dev.hookstead.pipeline.HookError;
import dev.hookstead.script.sandbox.GlobalShape;
import dev.hookstead.script.call.HostFunction;
import dev.hookstead.rules.Caller;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;
import org.openjdk.nashorn.internal.runtime.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The Java side of one global's internals. Only the sandbox's own closures hold it, never user code; still, every
 * public method is safe to call: none throws a Java exception into the script.
 */
public final class Host {
    private static final Logger LOG = LoggerFactory.getLogger(Host.class);
    private static final Object FAILED = new Object();

    private final int maxAsyncOperations;
    private volatile long deadlineNanos;
    private Caller caller;
    private String failure;
    private Function<String, Object> functions = name -> null;
    private GlobalShape shape;

    Host(int maxAsyncOperations) {
        this.maxAsyncOperations = maxAsyncOperations;
    }

    private HookError outageAtDeadline;

    /** Starts a call ending at {@code nanoTime}. */
    void deadline(long nanoTime) {
        deadlineNanos = nanoTime;
        outageAtDeadline = null;
    }

    /** Records that the call's deadline fired while a service it waited on was unreachable. */
    void outageAtDeadline(HookError outage) {
        outageAtDeadline = outage;
    }

    /** The outage the call's deadline fired during, or null: the call then answers the outage, not the time limit. */
    HookError outageAtDeadline() {
        return outageAtDeadline;
    }

    /** Who the current call runs as; null between calls. */
    void caller(Caller current) {
        caller = current;
    }

    Caller caller() {
        return caller;
    }

    /** Time the current call has left, in milliseconds (0 or less once the deadline passed). */
    long remainingMillis() {
        return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    }

    /** @param lookup function name to its factory in this global, or null for an unknown name */
    void functions(Function<String, Object> lookup) {
        functions = lookup;
    }

    /** Records the global as built; called once, from inside it, when lockdown is done. */
    public void captureShape() {
        if (shape == null) shape = new GlobalShape(Context.getGlobal());
    }

    /** Whether the call created properties on the global (implicit globals), so that they must be swept. */
    public boolean globalGrew() {
        return shape == null || shape.grew();
    }

    /** The factory of the app function {@code name} (private ones included), null when there is none. */
    public Object functionFactory(String name) {
        try {
            return functions.apply(name);
        } catch (Exception e) {
            return fail(userMessage(e));
        }
    }

    /** Whether a value a sandbox closure caught is a Java throwable (time limit, stack overflow): never swallow it. */
    public boolean isJavaThrowable(Object value) {
        return value instanceof Throwable;
    }

    public int maxAsyncOperations() {
        return maxAsyncOperations;
    }

    /** Waits for a timer that is not due yet, never past the call's deadline (the guard ends the call then). */
    public void sleep(double millis) {
        long remaining = deadlineNanos - System.nanoTime();
        long nanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(remaining, (long) (millis * 1_000_000)));
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What {@link #invoke} answers on failure; the script then reads {@link #takeFailure()}. */
    public Object failedToken() {
        return FAILED;
    }

    public String takeFailure() {
        String message = failure;
        failure = null;
        return message;
    }

    public Object invoke(Object function, Object args) {
        if (!(function instanceof HostFunction fn)) return fail("not a host function");
        List<Object> list = new ArrayList<>();
        if (args instanceof ScriptObjectMirror mirror && mirror.isArray()) {
            for (int i = 0; i < mirror.size(); i++) list.add(mirror.getSlot(i));
        }
        try {
            return scriptSafe(fn.apply(list));
        } catch (Exception e) {
            return fail(userMessage(e));
        }
    }

    Object fail(String message) {
        failure = message;
        return FAILED;
    }

    /** A message a script may see: ours as is, anything else as an internal error (logged with its stack). */
    static String userMessage(Exception e) {
        if (e instanceof HookError || e instanceof IllegalArgumentException) return e.getMessage();
        LOG.error("Host function failed", e);
        return "internal error in a platform function";
    }

    private Object scriptSafe(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof ScriptObjectMirror || ScriptObjectMirror.isUndefined(value)) {
            return value;
        }
        LOG.error("Host function returned a Java object ({}); only script values may reach scripts", value.getClass());
        return fail("internal error in a platform function");
    }
}
