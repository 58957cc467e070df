package dev.hookstead.build;

import dev.hookstead.build.export.ExportReader;
import dev.hookstead.build.export.ExportResult;
import dev.hookstead.build.openapi.OpenApiDocument;
import dev.hookstead.build.problems.Problem;
import dev.hookstead.build.problems.Problems;
import dev.hookstead.build.problems.Severity;
import dev.hookstead.manifest.FunctionDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ManifestJson;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.script.compile.CompileProblem;
import dev.hookstead.script.compile.CompiledScript;
import dev.hookstead.script.compile.Prelude;
import dev.hookstead.script.compile.ScriptCompileException;
import dev.hookstead.script.compile.ScriptCompiler;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Turns an app export into the manifest folder the filter serves: read and validate the export, transpile and guard
 * every script (reusing cached output for unchanged sources), then write manifest.json, the prelude, the compiled
 * scripts and the original sources. Tool-neutral: the Mojos are thin wrappers around {@link #compile}.
 */
public final class AppCompiler {

    public static final String PRELUDE_PATH = "prelude.js";

    private final ScriptCompiler compiler = new ScriptCompiler();
    private final ScriptCache cache;
    private final String generator;
    private final int threads;

    /**
     * @param cacheDir  content-hash cache of compiled scripts (under target/)
     * @param generator recorded in the manifest and in cache keys, e.g. "webhook-maven-plugin 0.1.0"
     * @param threads   parallel transpiler threads
     */
    public AppCompiler(Path cacheDir, String generator, int threads) {
        this.cache = new ScriptCache(cacheDir, generator);
        this.generator = generator;
        this.threads = Math.max(1, threads);
    }

    /** What a build produced. {@code manifest} is null when the export has errors. */
    public record Result(Manifest manifest, Problems problems, int transpiled, int reused, int filesChanged) {
    }

    /**
     * @param outputDir the manifest folder (…/WEB-INF/hookstead), or null to validate without writing
     */
    public Result compile(Path appDirectory, String clientAppIdOverride, Path outputDir) {
        ExportResult export = ExportReader.read(appDirectory, clientAppIdOverride);
        Problems problems = export.problems();
        Map<String, String> sources = export.sources();
        if (export.manifest() != null) ServiceNameCheck.check(export.manifest(), sources, problems);

        // Hashed once: the cache key and the manifest's script reference both need it, and hashing runs cold here.
        Map<String, String> hashes = new HashMap<>();
        sources.forEach((file, source) -> hashes.put(file, ScriptCache.sha256(source)));
        Map<String, CompiledScript> compiled = new TreeMap<>();
        int[] counts = compileAll(sources, hashes, compiled, problems);
        if (problems.hasErrors()) {
            return new Result(null, problems, counts[0], counts[1], 0);
        }

        Map<String, ScriptRef> refs = new TreeMap<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, CompiledScript> e : compiled.entrySet()) {
            String original = e.getKey();
            String source = sources.get(original);
            refs.put(original, new ScriptRef(ScriptPaths.compiled(original), ScriptPaths.source(original),
                    hashes.get(original), e.getValue().lines()));
            files.put(ScriptPaths.compiled(original), utf8(e.getValue().es5()));
            files.put(ScriptPaths.source(original), utf8(source));
        }
        Manifest manifest = withScripts(export.manifest(), refs);
        if (outputDir == null) {
            return new Result(manifest, problems, counts[0], counts[1], 0);
        }
        files.put(PRELUDE_PATH, utf8(cachedPrelude()));
        files.put(Manifest.FILE_NAME, ManifestJson.write(manifest));
        files.put(OpenApiDocument.FILE_NAME, OpenApiDocument.write(manifest));
        return new Result(manifest, problems, counts[0], counts[1], OutputFolder.sync(outputDir, files));
    }

    /** @return {transpiled, reused} */
    private int[] compileAll(Map<String, String> sources, Map<String, String> hashes, Map<String, CompiledScript> out,
                             Problems problems) {
        Map<String, String> todo = new TreeMap<>();
        int reused = 0;
        for (Map.Entry<String, String> e : sources.entrySet()) {
            CompiledScript hit = cache.get(e.getKey(), hashes.get(e.getKey()));
            if (hit != null) {
                out.put(e.getKey(), hit);
                reused++;
            } else {
                todo.put(e.getKey(), e.getValue());
            }
        }
        if (todo.isEmpty()) return new int[]{0, reused};

        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, todo.size()));
        try {
            Map<String, Future<CompiledScript>> futures = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : todo.entrySet()) {
                futures.put(e.getKey(), pool.submit(() -> compiler.compile(e.getKey(), e.getValue())));
            }
            for (Map.Entry<String, Future<CompiledScript>> f : futures.entrySet()) {
                String file = f.getKey();
                try {
                    CompiledScript script = f.getValue().get();
                    out.put(file, script);
                    cache.put(file, hashes.get(file), script);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ScriptCompileException sce) {
                        for (CompileProblem p : sce.problems()) problems.add(toProblem(p, todo.get(file)));
                    } else {
                        throw new IllegalStateException("transpiler failed on " + file + ": " + e.getCause(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while transpiling", e);
        } finally {
            pool.shutdownNow();
        }
        return new int[]{todo.size(), reused};
    }

    private String cachedPrelude() {
        String noSource = ScriptCache.sha256("");
        CompiledScript hit = cache.get(PRELUDE_PATH, noSource);
        if (hit != null) return hit.es5();
        String prelude = Prelude.build();
        cache.put(PRELUDE_PATH, noSource, new CompiledScript(prelude, List.of()));
        return prelude;
    }

    /** The problem, quoting the source line it points at as the value. */
    private static Problem toProblem(CompileProblem p, String source) {
        return at(Severity.ERROR, p.file(), excerpt(source, p.line(), p.column()), p.message(), p.suggestion(),
                p.line(), p.column());
    }

    /**
     * A problem in a script named by its source key: a file, or {@code file#field} for a script inside a config
     * file (e.g. {@code run_as_user_id_script_source}).
     */
    static Problem at(Severity severity, String sourceKey, String value, String message, String fix, int line,
                      int column) {
        int hash = sourceKey.indexOf('#');
        String file = hash >= 0 ? sourceKey.substring(0, hash) : sourceKey;
        String field = hash >= 0 ? sourceKey.substring(hash + 1) : null;
        return new Problem(severity, file, field, value, message, fix, line, column);
    }

    /** Line {@code line} of {@code source}, trimmed, at most about 80 characters around {@code column}; or null. */
    static String excerpt(String source, int line, int column) {
        if (source == null || line < 1) return null;
        String[] lines = source.split("\r\n|[\n\r\u2028\u2029]", -1);
        if (line > lines.length) return null;
        String text = lines[line - 1];
        int at = Math.min(Math.max(column - 1, 0), text.length());
        int from = Math.max(0, at - 40);
        int to = Math.min(text.length(), at + 40);
        String cut = text.substring(from, to).strip();
        if (cut.isEmpty()) return null;
        return (from > 0 ? "…" : "") + cut + (to < text.length() ? "…" : "");
    }

    private Manifest withScripts(Manifest m, Map<String, ScriptRef> refs) {
        List<WebhookDef> webhooks = new ArrayList<>();
        for (WebhookDef w : m.webhooks()) {
            webhooks.add(new WebhookDef(w.service(), w.serviceType(), w.name(), w.httpMethod(), w.validationMethod(),
                    w.secret(), w.secretName(), w.respondResult(), withScript(w.runAs(), refs), w.canEvaluate(),
                    w.disableArgLogs(), w.fetchCustomUserData(), w.createUserOnAuth(), resolve(w.script(), refs),
                    w.source()));
        }
        List<FunctionDef> functions = new ArrayList<>();
        for (FunctionDef f : m.functions()) {
            functions.add(new FunctionDef(f.name(), f.isPrivate(), withScript(f.runAs(), refs), f.canEvaluate(),
                    f.disableArgLogs(), resolve(f.script(), refs), f.source()));
        }
        return new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, generator, m.app(), PRELUDE_PATH, m.services(),
                webhooks, m.endpoints(), functions, m.values(), m.environments(), m.authProviders(),
                m.customUserData(), m.dataSources());
    }

    private static RunAs withScript(RunAs runAs, Map<String, ScriptRef> refs) {
        return runAs.script() == null ? runAs : new RunAs(runAs.mode(), runAs.userId(), resolve(runAs.script(), refs));
    }

    private static ScriptRef resolve(ScriptRef uncompiled, Map<String, ScriptRef> refs) {
        if (uncompiled == null) return null;
        ScriptRef ref = refs.get(uncompiled.original());
        if (ref == null) throw new IllegalStateException("no compiled script for " + uncompiled.original());
        return ref;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
