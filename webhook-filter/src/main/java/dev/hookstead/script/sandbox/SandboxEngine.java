package dev.hookstead.script.sandbox;

import dev.hookstead.script.utils.UtilsBridge;
import dev.hookstead.services.ServicesScript;
import dev.hookstead.services.http.HttpBridge;
import org.openjdk.nashorn.api.scripting.NashornScriptEngine;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The one Nashorn engine of a runtime: no Java access, every class denied, no Nashorn syntax extensions. */
public final class SandboxEngine {
    public final NashornScriptEngine nashorn;
    public final String timersScript;
    public final String apiScript;
    public final String promiseScript;
    public final String hardenScript;
    public final String bsonScript;
    public final String utilsScript;
    public final String servicesScript;
    public final String httpScript;


    /** @param classCacheSize compiled scripts kept for re-evaluation in other globals (one per script, plus ours) */
    public SandboxEngine(int classCacheSize) {
        // Compiled code, and so every call site, is shared by the pool's globals, whose built-ins are distinct objects:
        // a site that sees a second global would relink over and over, and each relink throws away JIT-compiled
        // code. A threshold of 1 links such a site generically at once (bench/load: 2-3x less CPU per call).
        nashorn = (NashornScriptEngine) new NashornScriptEngineFactory().getScriptEngine(
                new String[]{"--no-java", "--no-syntax-extensions", "--language=es6", "--class-cache-size=" + classCacheSize,
                        "--unstable-relink-threshold=1"},
                SandboxEngine.class.getClassLoader(),
                className -> false);
        timersScript = resource("sandbox-timers.js");
        apiScript = resource("sandbox-api.js");
        promiseScript = resource("sandbox-promise.js");
        hardenScript = resource("sandbox-harden.js");
        bsonScript = BsonInterop.globalsScript();
        utilsScript = classpath(UtilsBridge.GLOBALS_SCRIPT);
        servicesScript = ServicesScript.source();
        httpScript = classpath(HttpBridge.CLIENT_SCRIPT);
    }

    private static String classpath(String path) {
        try (InputStream in = SandboxEngine.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + path, e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = SandboxEngine.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource dev/hookstead/script/sandbox/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource dev/hookstead/script/sandbox/" + name, e);
        }
    }
}
