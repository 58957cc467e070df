package dev.hookstead.script.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.script.sandbox.PlatformServices;
import dev.hookstead.script.sandbox.BsonInterop;
import dev.hookstead.script.sandbox.GlobalPlatform;
import dev.hookstead.script.sandbox.SandboxEngine;
import dev.hookstead.script.utils.UtilsBridge;
import dev.hookstead.services.ServicesScript;
import dev.hookstead.services.http.HttpBridge;
import dev.hookstead.services.mongodb.MongoBridge;
import org.bson.BsonValue;
import org.openjdk.nashorn.api.scripting.NashornException;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;
import org.openjdk.nashorn.api.scripting.ScriptUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.script.Bindings;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.SimpleBindings;
import javax.script.ScriptException;
import javax.script.SimpleScriptContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One hardened, deep-frozen global: the prelude, the platform globals, and a factory per script evaluated on first
 * use. Serves one call at a time. Calling a factory gives fresh {@code exports} and module state, so nothing a call
 * does survives it; a global that may hold leftovers (timeout, async overflow, unfinished work, Java Error) is
 * {@link #broken()} and must be thrown away.
 */
public final class SandboxGlobal {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxGlobal.class);
    private static final ObjectMapper JSON_TEXT = new ObjectMapper();
    static final String TIMEOUT_MESSAGE = "execution time limit exceeded";

    static {
        GuardedRegExps.install(); // before any script of a global runs, so every regex it makes is guarded
    }
    static final String MEMORY_MESSAGE = "execution memory limit exceeded: the function allocated more than %d MB"
            + " (hookstead.function.maxMemory)";
    static final String SHUTDOWN_MESSAGE = "the server is shutting down; retry the call";
    static final String OUT_OF_MEMORY_MESSAGE = "the server ran out of memory while running the function";
    static final String STACK_MESSAGE = "execution time limit exceeded: maximum call stack size exceeded (infinite recursion?)";

    private final SandboxEngine engine;
    private final ScriptContext context;
    private final ScriptObjectMirror internals;
    private final Guard guard;
    private final Host host;
    /** The app's MongoDB data source names, for the message of a call that asked for another name. */
    private final List<String> dataSources;
    private final Map<String, ScriptObjectMirror> factories = new HashMap<>();
    private boolean broken;

    private SandboxGlobal(SandboxEngine engine, ScriptContext context, ScriptObjectMirror internals, Host host,
                          Guard guard, List<String> dataSources) {
        this.guard = guard;
        this.engine = engine;
        this.context = context;
        this.internals = internals;
        this.host = host;
        this.dataSources = dataSources;
    }

    /** Deepest chain of {@code context.functions.execute} calls in progress at once. */
    static final int MAX_FUNCTION_DEPTH = 32;

    /**
     * @param maxAsyncOperations  pending async jobs one invocation may have at once
     * @param maxRegexInputLength longest string a regular expression may run over
     * @param maxMemoryBytes      bytes one invocation may allocate (its thread's allocated bytes)
     * @param contextNames        the contributed members of {@code context}
     * @param watchdog            watches the new global's guard for as long as the global lives
     */
    public static SandboxGlobal build(SandboxEngine engine, String prelude, int maxAsyncOperations,
                                      int maxRegexInputLength, long maxMemoryBytes, List<String> contextNames,
                                      GlobalPlatform platform, Watchdog watchdog) {
        Bindings bindings = engine.nashorn.createBindings();
        ScriptContext context = new SimpleScriptContext();
        context.setBindings(bindings, ScriptContext.ENGINE_SCOPE);
        // Script names live outside the global (which gets frozen); no script can reach this scope.
        context.setBindings(new SimpleBindings(), ScriptContext.GLOBAL_SCOPE);
        ScriptObjectMirror global = (ScriptObjectMirror) bindings;
        Host host = new Host(maxAsyncOperations);

        ScriptObjectMirror harden = (ScriptObjectMirror) eval(engine, context, engine.hardenScript, "hookstead/sandbox-harden.js");
        ScriptObjectMirror queue = (ScriptObjectMirror) ((ScriptObjectMirror) eval(engine, context, engine.timersScript,
                "hookstead/sandbox-timers.js")).call(null, global, host);
        harden.callMember("strip", global);
        if (prelude != null) eval(engine, context, prelude, "hookstead/prelude.js");
        queue.callMember("installTimers");
        ScriptObjectMirror plain = (ScriptObjectMirror) harden.getMember("plain");
        ScriptObjectMirror async = (ScriptObjectMirror) ((ScriptObjectMirror) eval(engine, context, engine.promiseScript,
                "hookstead/sandbox-promise.js")).call(null, global, queue, host, plain);
        Object bson = ((ScriptObjectMirror) eval(engine, context, engine.bsonScript, "hookstead/bson-globals.js"))
                .call(null, BsonInterop.newBridge());
        Object limits = eval(engine, context, "({maxRegexInput: " + maxRegexInputLength
                + ", consoleLineChars: 10000, consoleLines: 1000, consoleChars: 1000000, maxFunctionDepth: "
                + MAX_FUNCTION_DEPTH + "})", "hookstead/limits.js");
        ScriptObjectMirror services = platformScripts(engine, context, platform, host);
        ScriptObjectMirror internals = (ScriptObjectMirror) ((ScriptObjectMirror) eval(engine, context, engine.apiScript,
                "hookstead/sandbox-api.js")).call(null, global, queue, async.getMember("later"), host, bson,
                eval(engine, context, contextScript(contextNames), "hookstead/context.js"),
                limits, services);
        internals.callMember("adoptSweep", harden.callMember("lockdown", global));
        Guard guard = new Guard(maxMemoryBytes, plain);
        SandboxGlobal built = new SandboxGlobal(engine, context, internals, host, guard,
                List.copyOf(platform.services().mongo().names()));
        watchdog.watch(built.guard);
        host.functions(name -> {
            ScriptRef ref = platform.functions().apply(name);
            return ref == null ? null : built.factory(ref, platform.wrapped().apply(ref));
        });
        return built;
    }

    /**
     * {@code {names, make}}: the contributed member names, and {@code make(read, settled)}, which gives the function
     * that makes each call's {@code context} as one object literal with a getter and a setter per member. A literal
     * costs less than half of {@code defineProperties} over shared descriptors in generically linked code
     * (bench/runtime/run.sh shapes); its accessors are the call's own, so nothing a call does to them outlives it.
     * Names are identifiers (ScriptRuntime checks them).
     */
    static String contextScript(List<String> contributed) {
        List<String> names = new ArrayList<>(List.of("request", "user"));
        names.addAll(contributed);
        String members = names.stream().map(n -> "get " + n + "() { return read(this, '" + n + "'); }, set " + n
                + "(v) { settled(this, '" + n + "', v); }").collect(Collectors.joining(",\n"));
        return "({names: " + contributed.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ", "[", "]"))
                + ", make: function (read, settled) { return function () { return {\n" + members + "\n}; }; }})";
    }

    /**
     * The installers of utils, services and HTTP clients, and the Java bridges they get. The bridges read the time
     * left from the call's deadline. Each service operation is a job of the async work queue (sandbox-api.js hands
     * the installers a later(work) function), counted there like timers; the bridges' own hook has nothing left to count.
     */
    private static ScriptObjectMirror platformScripts(SandboxEngine engine, ScriptContext context,
                                                      GlobalPlatform platform, Host host) {
        Runnable onAsyncOperation = () -> { };
        PlatformServices services = platform.services();
        ScriptObjectMirror out = (ScriptObjectMirror) eval(engine, context, "({httpServices: "
                + JSON_TEXT.valueToTree(platform.httpServices()) + "})", "hookstead/platform.js");
        out.setMember("utils", eval(engine, context, engine.utilsScript, UtilsBridge.GLOBALS_SCRIPT));
        out.setMember("utilsBridge", new UtilsBridge());
        out.setMember("services", eval(engine, context, engine.servicesScript, ServicesScript.RESOURCE));
        out.setMember("mongoBridge", new MongoBridge(services.mongo(), platform.rules(), host::caller,
                host::remainingMillis, onAsyncOperation, host::outageAtDeadline));
        out.setMember("http", eval(engine, context, engine.httpScript, HttpBridge.CLIENT_SCRIPT));
        out.setMember("httpBridge", new HttpBridge(services.httpClient(), services.http(), host::remainingMillis,
                onAsyncOperation, services.exchanges()));
        return out;
    }

    private static Object eval(SandboxEngine engine, ScriptContext context, String source, String name) {
        try {
            return evalNamed(engine, context, source, name);
        } catch (ScriptException e) {
            throw new IllegalStateException("cannot evaluate " + name + " in a sandbox global: " + e.getMessage(), e);
        }
    }

    private static Object evalNamed(SandboxEngine engine, ScriptContext context, String source, String name)
            throws ScriptException {
        context.setAttribute(ScriptEngine.FILENAME, name, ScriptContext.GLOBAL_SCOPE);
        return engine.nashorn.eval(source, context);
    }

    public boolean broken() {
        return broken;
    }

    /** The running call's deadline (a nanoTime); about a year ahead between calls. */
    long deadline() {
        return guard.deadline();
    }

    public ScriptObjectMirror internals() {
        return internals;
    }

    public Host host() {
        return host;
    }

    /** The script's factory in this global, evaluated on first use. */
    public ScriptObjectMirror factory(ScriptRef script, String wrappedSource) {
        ScriptObjectMirror factory = factories.get(script.path());
        if (factory == null) {
            try {
                factory = (ScriptObjectMirror) evalNamed(engine, context, wrappedSource, script.path());
            } catch (ScriptException | RuntimeException e) {
                throw new HookError(ErrorCode.InternalServerError, 500,
                        "compiled script " + script.path() + " does not load; rebuild the manifest", e);
            }
            factories.put(script.path(), factory);
        }
        return factory;
    }

    /**
     * Runs one call to completion, async work drained, and returns the awaited return value as BSON (null for
     * undefined). Throws {@link HookError} for every failure.
     */
    public BsonValue run(ScriptRef script, ScriptObjectMirror factory, CallState call, long timeoutNanos,
                         String logName) {
        long deadline = System.nanoTime() + timeoutNanos;
        guard.arm(deadline);
        host.deadline(deadline);
        host.caller(call.caller());
        try {
            internals.callMember("run", factory, guard, call);
            afterRun(call);
            if (call.wasRejected()) throw scriptError(script, call.rejection(), null, logName, call);
            BsonValue value = BsonInterop.toBson(call.returnedValue());
            if (guard.expired()) throw timeout();
            return value;
        } catch (HookError e) {
            throw e;
        } catch (StackOverflowError e) {
            broken = true;
            throw guard.expired() ? timeout() : new HookError(ErrorCode.ExecutionTimeLimitExceeded, STACK_MESSAGE);
        } catch (NashornException e) {
            afterRun(call);
            Object thrown = e.getEcmaError();
            throw scriptError(script, thrown, NashornException.getScriptStackString(e), logName, call);
        } catch (ExecutionTimeout e) {
            broken = true;
            throw timeout();
        } catch (IllegalArgumentException e) {
            afterRun(call);
            throw new HookError(ErrorCode.FunctionExecutionError, e.getMessage());
        } catch (RuntimeException e) {
            afterRun(call);
            broken = true;
            LOG.error("{}: the script runtime failed", logName, e);
            throw new HookError(ErrorCode.InternalServerError, 500, "internal error while running the function", null);
        } catch (OutOfMemoryError e) {
            broken = true;
            LOG.error("{}: the server ran out of memory during the call", logName, e);
            throw outOfMemory();
        } catch (Error e) {
            broken = true;
            throw e;
        } finally {
            guard.disarm();
            host.caller(null);
        }
    }

    /** Turns the outcome flags the entry point reported into failures, in order of precedence. */
    private void afterRun(CallState call) {
        if (guard.expired()) {
            broken = true;
            throw timeout();
        }
        if (call.overflow() != null) {
            broken = true;
            throw new HookError(ErrorCode.FunctionExecutionError, call.overflow());
        }
        // Leftover jobs belong to the Promise machinery of this global; dropping them could wedge it.
        if (call.leftoverJobs() > 0 || !call.globalClean()) broken = true;
    }

    /**
     * The guard ended the call: the server shutting down (503), over its memory budget, or past its deadline. A
     * deadline that fired while the call waited on an unreachable service answers that outage (503), whatever the
     * script did after: one status per cause, whichever fired first.
     */
    private HookError timeout() {
        broken = true;
        if (guard.closing()) return new HookError(ErrorCode.ServiceUnavailable, 503, SHUTDOWN_MESSAGE, null);
        if (guard.overMemory()) {
            return new HookError(ErrorCode.FunctionExecutionError, String.format(MEMORY_MESSAGE,
                    guard.maxAllocatedBytes() / (1024 * 1024)));
        }
        if (host.outageAtDeadline() != null) return host.outageAtDeadline();
        return new HookError(ErrorCode.ExecutionTimeLimitExceeded, TIMEOUT_MESSAGE);
    }

    /** The heap ran out during the call: a server-side failure, reported as JSON like any other. */
    static HookError outOfMemory() {
        return new HookError(ErrorCode.InternalServerError, 500, OUT_OF_MEMORY_MESSAGE, null);
    }

    /**
     * An uncaught error of a platform service keeps its code: MongoDBError (500), ServiceUnavailable (503), or
     * FunctionNotFound from {@code context.functions.execute}. Null for anything else.
     */
    private static HookError platformError(Object thrown) {
        ScriptObjectMirror error;
        try {
            error = thrown instanceof ScriptObjectMirror mirror ? mirror : ScriptUtils.wrap(thrown);
        } catch (IllegalArgumentException notAnObject) {
            return null;
        }
        HookError service = ServicesScript.serviceError(error);
        if (service != null) return service;
        if (ErrorCode.FunctionNotFound.name().equals(error.getMember("error_code"))) {
            return new HookError(ErrorCode.FunctionNotFound, String.valueOf(error.getMember("message")));
        }
        return null;
    }

    /**
     * A TypeError after {@code context.services.get} gave undefined (say {@code Cannot read property "db" from
     * undefined}) names the service asked for and the app's data sources, which is what the user has to fix.
     */
    private String withUnknownService(String message, String service) {
        if (service == null || message == null || !message.startsWith("TypeError")) return message;
        return message + " (context.services.get(\"" + service + "\") gave undefined: the app has no data source"
                + " or HTTP service named \"" + service + "\"; its data sources: " + dataSources + ")";
    }

    private HookError scriptError(ScriptRef script, Object thrown, String fallbackStack, String logName,
                                  CallState call) {
        HookError platform = platformError(thrown);
        boolean due = thrown instanceof ExecutionTimeout || guard.expired() || host.remainingMillis() <= 0;
        if (due && (platform == null || platform.code() != ErrorCode.ServiceUnavailable)) return timeout();
        if (due) broken = true;
        if (thrown instanceof StackOverflowError) {
            broken = true;
            return new HookError(ErrorCode.ExecutionTimeLimitExceeded, STACK_MESSAGE);
        }
        if (thrown instanceof OutOfMemoryError oom) {
            broken = true;
            LOG.error("{}: the server ran out of memory during the call", logName, oom);
            return outOfMemory();
        }
        if (platform != null) {
            String mapped = StackMapper.map((String) ((ScriptObjectMirror) internals.callMember("describe", thrown))
                    .getSlot(1), script);
            LOG.warn("{}: {}: {}{}", logName, platform.code(), platform.getMessage(), mapped == null ? "" : "\n" + mapped);
            return platform;
        }
        String message;
        String stack;
        if (thrown instanceof Throwable t) {
            // A Java exception escaped into the script and back out: never show its class or text.
            LOG.error("{}: a Java exception crossed the script boundary", logName, t);
            broken = true;
            message = "internal error while running the function";
            stack = fallbackStack;
        } else {
            List<Object> described = ((ScriptObjectMirror) internals.callMember("describe", thrown)).values().stream().toList();
            message = (String) described.get(0);
            stack = described.get(1) != null ? (String) described.get(1) : fallbackStack;
        }
        message = withUnknownService(message, call.unknownService());
        String mapped = StackMapper.map(stack, script);
        LOG.warn("{}: {}{}", logName, message, mapped == null ? "" : "\n" + mapped);
        return new ScriptError(ErrorCode.FunctionExecutionError, message, mapped, call.console());
    }
}
