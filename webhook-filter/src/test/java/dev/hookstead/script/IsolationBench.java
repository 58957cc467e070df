package dev.hookstead.script;

import dev.hookstead.script.call.ContextContributor;
import dev.hookstead.bson.Ejson;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.pipeline.AppUser;
import dev.hookstead.pipeline.FunctionResult;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.pipeline.HttpRequestData;
import dev.hookstead.script.call.CallScope;
import dev.hookstead.script.runtime.CallState;
import dev.hookstead.script.call.PlatformContext;
import dev.hookstead.script.runtime.ScriptWrapper;
import dev.hookstead.script.runtime.SandboxGlobal;
import dev.hookstead.script.runtime.Watchdog;
import dev.hookstead.script.sandbox.BsonInterop;
import dev.hookstead.script.sandbox.GlobalPlatform;
import dev.hookstead.script.sandbox.SandboxEngine;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

import javax.script.ScriptEngine;
import javax.script.ScriptException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What isolation costs per call, and that it holds. Designs, each calling the same webhook-shaped function:
 * <ol>
 *   <li>shipped: {@link ScriptRuntime} (pool of hardened, deep-frozen globals, fresh module factory per call);</li>
 *   <li>a new hardened global per request ({@link SandboxGlobal#build} on a shared engine, every call);</li>
 *   <li>an engine per thread: one {@link SandboxEngine} and one hardened global per worker thread;</li>
 *   <li>baseline: a bare warm {@code invokeFunction} on an unhardened engine, no isolation at all.</li>
 * </ol>
 * The alternatives drive the same calls {@link ScriptRuntime#runHttp} makes. Then a leak probe runs twice in a row on
 * the same worker of each design, and reports what of call 1 it can see in call 2. Run with bench/isolation/run.sh.
 */
public final class IsolationBench {

    private static final String HOOK = """
            exports = function({ query, headers, body }, response) {
              const order = JSON.parse(body.text());
              const lines = order.items.map((item) => ({ sku: item.sku, amount: item.price * item.qty }));
              const total = lines.reduce((sum, line) => sum + line.amount, 0);
              return { id: order.id, customer: query.customer, lines, total, agent: (headers['User-Agent'] || ['?'])[0] };
            };
            """;
    /** The same function by hand in ES5, for the bare engine (which has no prelude and no guard). */
    private static final String BARE_HOOK = """
            var exports = function(payload, response) {
              var order = JSON.parse(payload.body.text());
              var lines = order.items.map(function (item) { return { sku: item.sku, amount: item.price * item.qty }; });
              var total = lines.reduce(function (sum, line) { return sum + line.amount; }, 0);
              return { id: order.id, customer: payload.query.customer, lines: lines, total: total,
                       agent: (payload.headers['User-Agent'] || ['?'])[0] };
            };
            var payload = { query: { customer: 'c-42' }, headers: { 'User-Agent': ['bench'] },
                            body: { text: function () { return '%s'; } } };
            """;
    private static final String ORDER = "{\"id\":\"o-1\",\"items\":[{\"sku\":\"a\",\"price\":9.99,\"qty\":2},"
            + "{\"sku\":\"b\",\"price\":1.5,\"qty\":4}]}";
    /**
     * Sloppy ES5 (as the compiler would never emit, so that the implicit global really is one): reports what it sees
     * of an earlier call, then leaves every kind of trace and reports whether the writes took.
     */
    private static final String PROBE = """
            var calls = 0;
            exports = function () {
              calls++;
              var seen = [], wrote = [];
              if (calls > 1) seen.push('module var');
              if (typeof leaked !== 'undefined') seen.push('implicit global');
              if ([].x === 1) seen.push('Array.prototype.x');
              if (JSON.parse('{}') === 'hijacked') seen.push('JSON.parse replaced');
              if (RegExp.$1 === 'probe-secret') seen.push('RegExp.$1');
              leaked = 1;
              try { Array.prototype.x = 1; wrote.push([].x === 1 ? 'prototype set' : 'prototype write ignored'); }
              catch (e) { wrote.push('prototype write threw'); }
              try { JSON.parse = function () { return 'hijacked'; }; wrote.push(JSON.parse('{}') === 'hijacked' ? 'JSON.parse set' : 'JSON.parse write ignored'); }
              catch (e) { wrote.push('JSON.parse write threw'); }
              /(probe-secret)/.exec('probe-secret');
              return (seen.length ? seen.join(', ') : 'none') + '|' + wrote.join(', ');
            };
            """;

    interface Call {
        Object run() throws Exception;
    }

    /**
     * A design: the call a worker thread repeats for a script. Per-thread state lives in thread locals of the bench's
     * long-lived workers, so that it stays warm from one figure to the next as it would in a server.
     */
    interface Design {
        Call worker(ScriptRef script) throws Exception;
    }

    /** The bench's worker threads, for every figure and the probes. */
    private static ExecutorService workers;

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        TestOptions options = TestOptions.defaults().withPoolSize(threads)
                .withFunctionTimeout(Duration.ofSeconds(30));
        try (Scripts scripts = new Scripts(options);
             ScriptRuntime single = options.withPoolSize(1).runtime(Scripts.manifest("prelude.js"),
                     new DirectoryScriptSource(scripts.dir));
             Alternatives alternatives = new Alternatives(scripts.dir, options.options())) {
            ScriptRef hook = scripts.js(HOOK);
            ScriptRef probe = scripts.es5(PROBE);
            HttpRequestData request = request();

            Map<String, Design> designs = new LinkedHashMap<>();
            ThreadLocal<Map<ScriptRef, Call>> bare = ThreadLocal.withInitial(LinkedHashMap::new);
            designs.put("bare invokeFunction, no isolation (baseline)", script ->
                    bare.get().computeIfAbsent(script, s -> bareWorker(s == probe)));
            designs.put("shipped: pool of hardened globals, fresh module per call", script -> {
                // The probe needs its two calls on the same global: a pool of one.
                ScriptRuntime runtime = script == probe ? single : scripts.runtime;
                return () -> runtime.runHttp(script, FunctionRunner.PayloadStyle.RAW, request, AppUser.SYSTEM, "bench");
            });
            designs.put("new hardened global per request", script ->
                    () -> alternatives.run(alternatives.newGlobal(alternatives.sharedEngine), script, request));
            ThreadLocal<SandboxGlobal> perThread = ThreadLocal.withInitial(() -> alternatives.newGlobal(new SandboxEngine(64)));
            designs.put("engine + hardened global per thread", script -> {
                SandboxGlobal own = perThread.get();
                return () -> alternatives.run(own, script, request);
            });

            workers = Executors.newFixedThreadPool(threads);
            checkSameAnswer(designs, hook);
            List<String[]> rows = new ArrayList<>();
            double baseline1 = 0;
            double baselineN = 0;
            for (Map.Entry<String, Design> d : designs.entrySet()) {
                microsPerCall(seconds, threads, d.getValue(), hook); // not counted: JIT and code caches settle
                double[] before = microsPerCall(seconds, 1, d.getValue(), hook);
                double[] many = microsPerCall(seconds, threads, d.getValue(), hook);
                double[] after = microsPerCall(seconds, 1, d.getValue(), hook);
                double one = Math.min(before[0], after[0]); // the machine is shared: the less disturbed of two runs
                if (rows.isEmpty()) {
                    baseline1 = one;
                    baselineN = many[0];
                }
                String[] probed = leakProbe(d.getValue(), probe);
                rows.add(new String[]{d.getKey(), fmt(one), fmt(many[0]),
                        String.format(Locale.ROOT, "%,.0f / %,.0f", one / baseline1, many[0] / baselineN),
                        probed[0], probed[1]});
                System.out.printf(Locale.ROOT, "raw, %s: 1 thread %s then %s µs/call (CPU %s, %s); %d threads %s µs/call"
                                + " (CPU %s per call)%n", d.getKey(), fmt(before[0]), fmt(after[0]), fmt(before[1]),
                        fmt(after[1]), threads, fmt(many[0]), fmt(many[1]));
            }
            print(seconds, threads, rows);
        } finally {
            if (workers != null) workers.shutdownNow();
        }
    }

    private static String fmt(double micros) {
        return String.format(Locale.ROOT, micros < 10 ? "%.2f" : "%,.0f", micros);
    }

    private static void print(double seconds, int threads, List<String[]> rows) {
        Runtime rt = Runtime.getRuntime();
        System.out.println();
        System.out.printf("machine: %d cores, JVM %s %s, load average %.2f%n", rt.availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "method: the same webhook-shaped function (parse a JSON body, map and reduce its"
                + " items, return an object); per design one uncounted run, then per figure %.1f s warm-up and %.1f s measured; 1 thread is"
                + " measured before and after N threads and the lower kept; with %d threads the figure is wall time /"
                + " calls done by all threads; ratio = figure / baseline figure of the same"
                + " thread count; leaks = what a probe sees in call 2 of what call 1 left (same worker)%n",
                seconds / 3, seconds, threads);
        System.out.println();
        System.out.printf("| Design | µs/call, 1 thread | µs/call, %d threads | Ratio to baseline (1 / %d threads) "
                + "| Leaks found | Writes to built-ins |%n", threads, threads);
        System.out.println("|---|---|---|---|---|---|");
        for (String[] r : rows) System.out.println("| " + String.join(" | ", r) + " |");
    }

    /** Every design must return the same thing for the hook, or the comparison means nothing. */
    private static void checkSameAnswer(Map<String, Design> designs, ScriptRef hook) throws Exception {
        String expected = null;
        for (Map.Entry<String, Design> d : designs.entrySet()) {
            Object value = workers.submit(() -> d.getValue().worker(hook).run()).get();
            String json = value instanceof FunctionResult r ? Ejson.relaxed(r.returnValue())
                    : Ejson.relaxed(BsonInterop.toBson(value));
            if (expected == null) expected = json;
            else if (!expected.equals(json)) {
                throw new IllegalStateException(d.getKey() + " returned " + json + " where the baseline returned " + expected);
            }
        }
        System.out.println("every design returns " + expected);
    }

    /** Runs the probe twice on one worker; returns what the second call saw, and what the writes did. */
    private static String[] leakProbe(Design design, ScriptRef probe) throws Exception {
        return workers.submit(() -> {
            Call call = design.worker(probe);
            call.run();
            String[] parts = text(call.run()).split("\\|", 2);
            return new String[]{parts[0], parts[1]};
        }).get();
    }

    private static String text(Object value) {
        if (value instanceof FunctionResult r) return ((BsonString) r.returnValue()).getValue();
        return (String) value;
    }

    /**
     * Each thread makes its worker (engines and globals of its own are built here, outside the clock), then all warm
     * up for a third of {@code seconds} and count calls for {@code seconds}. Returns wall µs per call (window / calls
     * of all threads) and CPU µs per call (CPU time of the calling threads / calls), which machine load disturbs less.
     */
    private static double[] microsPerCall(double seconds, int threads, Design design, ScriptRef script) throws Exception {
        long[] window = new long[2];
        CyclicBarrier ready = new CyclicBarrier(threads, () -> {
            window[0] = System.nanoTime() + (long) (seconds / 3 * 1e9);
            window[1] = window[0] + (long) (seconds * 1e9);
        });
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<Future<long[]>> counts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            counts.add(workers.submit(() -> {
                Call call = design.worker(script);
                ready.await();
                long start = window[0];
                long end = window[1];
                long n = 0;
                long cpuStart = -1;
                for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                    if (now >= start && cpuStart < 0) cpuStart = cpu.getCurrentThreadCpuTime();
                    call.run();
                    if (now >= start) n++;
                }
                return new long[]{n, cpu.getCurrentThreadCpuTime() - cpuStart};
            }));
        }
        long total = 0;
        long cpuNanos = 0;
        for (Future<long[]> c : counts) {
            total += c.get()[0];
            cpuNanos += c.get()[1];
        }
        return new double[]{seconds * 1e6 / total, cpuNanos / 1000.0 / total};
    }

    /** An unhardened engine of its own for this worker, the function evaluated once (so module state persists). */
    private static Call bareWorker(boolean probe) {
        ScriptEngine engine = new NashornScriptEngineFactory().getScriptEngine("--language=es6");
        try {
            engine.eval(probe ? "var exports;\n" + PROBE : String.format(BARE_HOOK, ORDER));
        } catch (ScriptException e) {
            throw new IllegalStateException("the bare function does not evaluate: " + e.getMessage(), e);
        }
        ScriptObjectMirror function = (ScriptObjectMirror) engine.get("exports");
        Object payload = probe ? null : engine.get("payload");
        return () -> function.call(null, payload, null);
    }

    private static HttpRequestData request() {
        return new HttpRequestData("POST", Map.of("User-Agent", List.of("bench"), "Content-Type",
                List.of("application/json")), Map.of("customer", "c-42"), "customer=c-42",
                ORDER.getBytes(StandardCharsets.UTF_8), "127.0.0.1", "http://localhost/hook", "svc", "bench");
    }

    /**
     * Builds hardened globals and runs calls exactly as {@link ScriptRuntime} does (same prelude, options, context
     * members and platform), without its pool.
     */
    static final class Alternatives implements AutoCloseable {
        final SandboxEngine sharedEngine = new SandboxEngine(64);
        private final Manifest manifest = Scripts.manifest("prelude.js");
        private final DirectoryScriptSource source;
        private final RuntimeOptions options;
        private final String prelude;
        private final Map<String, ContextContributor> contributors = new LinkedHashMap<>();
        private final GlobalPlatform platform;
        private final Watchdog watchdog = new Watchdog();

        Alternatives(java.nio.file.Path dir, RuntimeOptions options) throws Exception {
            this.source = new DirectoryScriptSource(dir);
            this.options = options;
            this.prelude = source.read("prelude.js");
            for (ContextContributor c : PlatformContext.contributors(manifest, options.secrets())) {
                contributors.put(c.name(), c);
            }
            platform = new GlobalPlatform(TestPlatformServices.none(), List.of(), name -> null, this::wrapped, null);
        }

        SandboxGlobal newGlobal(SandboxEngine engine) {
            return SandboxGlobal.build(engine, prelude, options.maxAsyncOperations(),
                    options.maxRegexInputLength(), options.maxMemoryBytes(), List.copyOf(contributors.keySet()),
                    platform, watchdog);
        }

        FunctionResult run(SandboxGlobal global, ScriptRef script, HttpRequestData request) {
            CallState call = CallState.http(FunctionRunner.PayloadStyle.RAW, request, AppUser.SYSTEM, contributors,
                    global.host(), () -> new CallScope(manifest, request, AppUser.SYSTEM, "bench", global.internals()));
            BsonValue value = global.run(script, global.factory(script, wrapped(script)), call,
                    options.functionTimeout().toNanos(), "bench");
            return call.result(value);
        }

        private String wrapped(ScriptRef script) {
            try {
                return ScriptWrapper.wrap(source.read(script.path()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            watchdog.close();
        }
    }
}
