package dev.hookstead.script;

import dev.hookstead.auth.AppUser;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.response.HookError;

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
final class Scripts implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    final Path dir;
    final ScriptRuntime runtime;

    Scripts(RuntimeOptions options) {
        try {
            dir = Files.createTempDirectory("hookstead-runtime");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        runtime = new ScriptRuntime(manifest(null), new DirectoryScriptSource(dir), options);
    }

    static RuntimeOptions fastOptions() {
        return RuntimeOptions.defaults().withPoolSize(2).withFunctionTimeout(Duration.ofMillis(400))
                .withAcquireTimeout(Duration.ofMillis(300));
    }

    static Manifest manifest(String prelude) {
        return new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, "test", null, prelude, null, null, null, null,
                null, null, null, null, null);
    }

    /** Writes hand-compiled ES5 (guards written out where the compiler would put them). */
    ScriptRef script(String es5) {
        String name = "fn" + COUNTER.incrementAndGet() + ".js";
        try {
            Files.writeString(dir.resolve(name), es5, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ScriptRef(name, "functions/" + name, "0", List.of());
    }

    FunctionResult http(ScriptRef script) {
        return runtime.runHttp(script, FunctionRunner.PayloadStyle.RAW, request(null), AppUser.SYSTEM, "test");
    }

    FunctionResult http(String es5) {
        return http(script(es5));
    }

    HookError fails(String es5) {
        ScriptRef ref = script(es5);
        return assertThrows(HookError.class, () -> http(ref));
    }

    static HttpRequestData request(byte[] body) {
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
