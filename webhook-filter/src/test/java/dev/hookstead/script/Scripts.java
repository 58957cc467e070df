package dev.hookstead.script;

import dev.hookstead.script.sandbox.PlatformServices;
import dev.hookstead.bson.Ejson;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.pipeline.AppUser;
import dev.hookstead.pipeline.FunctionResult;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.HttpRequestData;
import dev.hookstead.script.compile.CompiledScript;
import dev.hookstead.script.compile.Prelude;
import dev.hookstead.script.compile.ScriptCompileException;
import dev.hookstead.script.compile.ScriptCompiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** A manifest folder in a temp directory, scripts written on demand, and a runtime serving it. */
public final class Scripts implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    final Path dir;
    final ScriptRuntime runtime;

    Scripts(TestOptions options) {
        this(options, TestPlatformServices.none());
    }

    Scripts(TestOptions options, PlatformServices services) {
        try {
            dir = Files.createTempDirectory("hookstead-runtime");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write("prelude.js", Prelude.build());
        runtime = options.runtime(manifest("prelude.js"), new DirectoryScriptSource(dir), services);
    }

    public static TestOptions fastOptions() {
        return TestOptions.defaults().withPoolSize(2).withFunctionTimeout(Duration.ofMillis(400))
                .withAcquireTimeout(Duration.ofMillis(300));
    }

    static Manifest manifest(String prelude) {
        return new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, "test", null, prelude, null, null, null, null,
                null, null, null, null, null);
    }

    /** Compiles modern JS as the build does and writes it to the manifest folder. */
    ScriptRef js(String source) {
        String name = "fn" + COUNTER.incrementAndGet() + ".js";
        try {
            CompiledScript compiled = new ScriptCompiler().compile("functions/" + name, source);
            write(name, compiled.es5());
            return new ScriptRef(name, "functions/" + name, "0", compiled.lines());
        } catch (ScriptCompileException e) {
            throw new AssertionError("test script does not compile: " + e.getMessage(), e);
        }
    }

    /** Writes ES5 as is: for what the compiler would refuse (it is the runtime that must hold then). */
    ScriptRef es5(String es5) {
        String name = "raw" + COUNTER.incrementAndGet() + ".js";
        write(name, es5);
        return new ScriptRef(name, "functions/" + name, "0", List.of());
    }

    private void write(String name, String text) {
        try {
            Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FunctionResult http(ScriptRef script) {
        return runtime.runHttp(script, FunctionRunner.PayloadStyle.RAW, request(null), AppUser.SYSTEM, "test");
    }

    FunctionResult http(String source) {
        return http(js(source));
    }

    /** The returned value as canonical Extended JSON. */
    String returns(String source) {
        return Ejson.canonical(http(source).returnValue());
    }

    HookError fails(String source) {
        ScriptRef ref = js(source);
        return assertThrows(HookError.class, () -> http(ref));
    }

    public static HttpRequestData request(byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("X-Many", List.of("a", "b"));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("arg1", "hello");
        query.put("arg2", "world");
        return new HttpRequestData("POST", headers, query, "arg1=hello&arg2=world", body, "10.0.0.7",
                "https://example.test/hook", "svc", "hook1");
    }

    @Override
    public void close() {
        runtime.close();
    }
}
