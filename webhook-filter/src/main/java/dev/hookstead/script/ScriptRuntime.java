package dev.hookstead.script;

import dev.hookstead.script.call.ContextContributor;
import dev.hookstead.script.sandbox.PlatformServices;
import dev.hookstead.manifest.FunctionDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.manifest.ServiceDef;
import dev.hookstead.pipeline.AppUser;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.FunctionResult;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.HttpRequestData;
import dev.hookstead.script.call.CallScope;
import dev.hookstead.script.runtime.CallState;
import dev.hookstead.script.call.PlatformContext;
import dev.hookstead.rules.Caller;
import dev.hookstead.rules.Rules;
import dev.hookstead.script.runtime.ScriptWrapper;
import dev.hookstead.script.runtime.GlobalPool;
import dev.hookstead.script.runtime.PoolStats;
import dev.hookstead.script.runtime.SandboxGlobal;
import dev.hookstead.script.runtime.Watchdog;
import dev.hookstead.script.sandbox.GlobalPlatform;
import dev.hookstead.script.sandbox.SandboxEngine;
import org.bson.BsonValue;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs compiled functions in a sandbox: one Nashorn engine, a bounded pool of hardened, deep-frozen globals, a fresh
 * module per call, a watchdog-driven guard against runaway code, and a queue that stands in for the event loop.
 * Thread-safe; each call holds one global for its whole duration.
 */
public final class ScriptRuntime implements FunctionRunner {
    private static final Set<String> RESERVED_CONTEXT = Set.of("request", "user", "runningAsSystem");

    private static final Duration WARM_UP_BUDGET = Duration.ofSeconds(60);
    private static final String WARM_UP = String.join("\n",
            "exports = function (payload, response) {",
            "  console.log('warm-up', payload.query.a, payload.body.text(), {n: 1});",
            "  response.setStatusCode(200); response.setHeader('A', 'b'); response.addHeader('A', 'c');",
            "  response.setBody('ok'); 'abc'.replace(/b/, 'x'); /a/.test('a');",
            "  var later = 0; setTimeout(function () { later++; }, 0);",
            "  var r = context.request, u = context.user;",
            "  if (typeof Promise === 'function') return Promise.resolve(r.httpMethod + u.type);",
            "  return {method: r.httpMethod, type: u.type, system: context.runningAsSystem(), list: [1, 2.5, 'x']};",
            "};");

    private final Manifest manifest;
    private final ScriptSource source;
    private final RuntimeOptions options;
    private final Map<String, ContextContributor> contributors = new LinkedHashMap<>();
    private final Map<String, String> wrapped = new ConcurrentHashMap<>();
    private final Watchdog watchdog = new Watchdog();
    private final GlobalPool pool;
    private final AtomicInteger globalsBuilt = new AtomicInteger();

    /**
     * @param context  the members of {@code context} besides request and user (the filter gives the platform's,
     *                 {@link PlatformContext#contributors}), each built the first time a call reads it
     * @param services what {@code context.services} and {@code context.http} reach; the caller closes it
     */
    public ScriptRuntime(Manifest manifest, ScriptSource source, RuntimeOptions options,
                         List<ContextContributor> context, PlatformServices services) {
        this.manifest = manifest;
        this.source = source;
        this.options = options;
        for (ContextContributor c : context) {
            if (!c.name().matches("[A-Za-z_$][A-Za-z0-9_$]*") || RESERVED_CONTEXT.contains(c.name())
                    || contributors.put(c.name(), c) != null) {
                throw new IllegalArgumentException("context member name " + c.name() + " is invalid, reserved or given twice");
            }
        }
        String prelude = manifest.prelude() == null ? null : read(manifest.prelude());
        int scripts = manifest.webhooks().size() + manifest.functions().size();
        SandboxEngine engine = new SandboxEngine(Math.max(64, scripts + 16));
        Map<String, ScriptRef> functions = new HashMap<>();
        for (FunctionDef def : manifest.functions()) functions.put(def.name(), def.script());
        List<String> httpServices = manifest.services().stream().filter(svc -> "http".equals(svc.type()))
                .map(ServiceDef::name).toList();
        // Read once; a rules form the runtime cannot read refuses start-up (fail closed).
        Rules rules = Rules.of(manifest, options.secrets(), this::callFromRule);
        GlobalPlatform platform = new GlobalPlatform(services, httpServices, functions::get, this::wrappedSource, rules);
        Supplier<SandboxGlobal> builder = () -> {
            SandboxGlobal global = SandboxGlobal.build(engine, prelude, options.maxAsyncOperations(),
                    options.maxRegexInputLength(), options.maxMemoryBytes(), List.copyOf(contributors.keySet()),
                    platform, watchdog);
            globalsBuilt.incrementAndGet();
            return global;
        };
        pool = new GlobalPool(options.poolSize(), options.acquireTimeout(), builder);
        long retireGrace = retireGrace(options.functionTimeout()).toNanos();
        watchdog.alsoOnTick(() -> pool.retireOverrunning(System.nanoTime(), retireGrace));
        SandboxGlobal first = builder.get();
        warmUp(first);
        pool.start(first);
    }

    /** How far past its deadline a call must run before its global is retired: a tenth of the limit, at least 2 s. */
    static Duration retireGrace(Duration functionTimeout) {
        Duration tenth = functionTimeout.dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(2)) > 0 ? tenth : Duration.ofSeconds(2);
    }

    @Override
    public FunctionResult runHttp(ScriptRef script, PayloadStyle style, HttpRequestData request, AppUser user, String logName) {
        GlobalPool.Slot slot = pool.acquire();
        try {
            SandboxGlobal global = slot.global;
            CallState call = CallState.http(style, request, user, contributors, global.host(),
                    () -> new CallScope(manifest, request, user, logName, global.internals()));
            BsonValue value = invoke(global, script, call, logName);
            return call.result(value);
        } finally {
            pool.release(slot);
        }
    }

    @Override
    public BsonValue call(ScriptRef script, List<BsonValue> args, HttpRequestData request, AppUser user, String logName) {
        GlobalPool.Slot slot = pool.acquire();
        try {
            SandboxGlobal global = slot.global;
            CallState call = CallState.plain(args, request, user, contributors, global.host(),
                    () -> new CallScope(manifest, request, user, logName, global.internals()));
            return invoke(global, script, call, logName);
        } finally {
            pool.release(slot);
        }
    }

    /** {@code %function} in a MongoDB rule: the function runs as the caller, in a global of its own. */
    private BsonValue callFromRule(String name, List<BsonValue> args, Caller caller) {
        FunctionDef def = manifest.function(name);
        if (def == null || def.script() == null) {
            throw new HookError(ErrorCode.FunctionNotFound, "function not found: '" + name + "'");
        }
        return call(def.script(), args, caller.request(), caller.user(), "%function " + name);
    }

    private BsonValue invoke(SandboxGlobal global, ScriptRef script, CallState call, String logName) {
        return global.run(script, global.factory(script, wrappedSource(script)), call, options.functionTimeout().toNanos(),
                logName);
    }

    private String wrappedSource(ScriptRef script) {
        return wrapped.computeIfAbsent(script.path(), path -> ScriptWrapper.wrap(read(path)));
    }

    /**
     * Runs a call through the first global once, so Nashorn compiles the entry point's lazily compiled functions before
     * a real call's time budget starts. Code compiled here is shared by every global of the engine, so the other
     * globals need no warm-up of their own.
     */
    private void warmUp(SandboxGlobal global) {
        ScriptRef ref = new ScriptRef("hookstead/warm-up.js", null, null, null);
        ScriptObjectMirror factory = global.factory(ref, ScriptWrapper.wrap(WARM_UP));
        HttpRequestData request = new HttpRequestData("POST", Map.of("Content-Type", List.of("text/plain")),
                Map.of("a", "b"), "a=b", new byte[]{'x'}, "127.0.0.1", "/warm-up", null, "warm-up");
        CallState call = CallState.http(PayloadStyle.RAW, request, AppUser.SYSTEM, contributors, global.host(),
                () -> new CallScope(manifest, request, AppUser.SYSTEM, "warm-up", global.internals()));
        global.run(ref, factory, call, WARM_UP_BUDGET.toNanos(), "warm-up");
    }

    private String read(String relativePath) {
        try {
            return source.read(relativePath);
        } catch (IOException | RuntimeException e) {
            throw new HookError(ErrorCode.InternalServerError, 500,
                    "cannot read " + relativePath + " from the manifest folder: " + e.getMessage(), e);
        }
    }

    /** The pool's occupancy, for metrics and readiness. */
    public PoolStats pool() {
        return pool;
    }

    /** How many globals were built so far, replacements included. */
    int globalsBuilt() {
        return globalsBuilt.get();
    }

    @Override
    public void close() {
        pool.close();
        watchdog.close();
    }
}
