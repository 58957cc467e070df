package dev.hookstead.bench;

import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.pipeline.AppUser;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.pipeline.HttpRequestData;
import dev.hookstead.script.DirectoryScriptSource;
import dev.hookstead.script.TestOptions;
import dev.hookstead.testing.JsApp;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;

import javax.script.Invocable;
import javax.script.ScriptEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Per-call cost of the script runtime (single thread, warm), each figure against a baseline measured in the same run:
 * a bare warm {@code invokeFunction} of the same function on an unhardened engine. Run with bench/runtime/run.sh.
 */
public final class RuntimeCallBench {

    private static final String BODY = "exports = function(payload, response) { return { ok: true, who: payload.query.name }; };";
    private static final String ASYNC = "exports = async function(payload) { const n = await Promise.resolve(1); return { ok: true, n }; };";

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 3;
        JsApp app = new JsApp().webhook("sync", BODY).webhook("async", ASYNC);
        Path dir = app.writeFiles(Files.createTempDirectory("hookstead-bench"));
        Manifest manifest = app.manifest();
        ScriptRef sync = manifest.webhooks().stream().filter(w -> w.name().equals("sync")).findFirst().orElseThrow().script();
        ScriptRef async = manifest.webhooks().stream().filter(w -> w.name().equals("async")).findFirst().orElseThrow().script();
        HttpRequestData request = new HttpRequestData("GET", Map.of("Accept", List.of("*/*")), Map.of("name", "ann"),
                "name=ann", null, "127.0.0.1", "http://localhost/hook", "svc", "sync");

        ScriptEngine bare = new NashornScriptEngineFactory().getScriptEngine("--language=es6");
        bare.eval("var hook = function(payload, response) { return { ok: true, who: payload.query.name }; };"
                + "var payload = {query: {name: 'ann'}, headers: {Accept: ['*/*']}};");
        Invocable invocable = (Invocable) bare;
        Object payload = bare.get("payload");
        double baseline = perCallMicros(seconds, () -> invocable.invokeFunction("hook", payload, null));

        TestOptions options = TestOptions.defaults().withFunctionTimeout(Duration.ofSeconds(30));
        try (FunctionRunner runtime = options.runtime(manifest, new DirectoryScriptSource(dir))) {
            double syncMicros = perCallMicros(seconds, () ->
                    runtime.runHttp(sync, FunctionRunner.PayloadStyle.RAW, request, AppUser.SYSTEM, "sync"));
            double asyncMicros = perCallMicros(seconds, () ->
                    runtime.runHttp(async, FunctionRunner.PayloadStyle.RAW, request, AppUser.SYSTEM, "async"));
            System.out.printf("machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.version"));
            System.out.printf("baseline bare invokeFunction:            %8.1f us/call%n", baseline);
            System.out.printf("runtime, sync function (fast path):      %8.1f us/call  (%.1fx baseline)%n",
                    syncMicros, syncMicros / baseline);
            System.out.printf("runtime, async function (promise drain): %8.1f us/call  (%.1fx baseline, %.1fx sync)%n",
                    asyncMicros, asyncMicros / baseline, asyncMicros / syncMicros);
        }
    }

    interface Call {
        Object run() throws Exception;
    }

    /** Warms up for a third of the time, then measures calls for the rest. */
    static double perCallMicros(long seconds, Call call) throws Exception {
        long warmEnd = System.nanoTime() + seconds * 1_000_000_000L / 3;
        while (System.nanoTime() < warmEnd) call.run();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long n = 0;
        while (System.nanoTime() < end) {
            call.run();
            n++;
        }
        return (System.nanoTime() - start) / 1000.0 / n;
    }
}
