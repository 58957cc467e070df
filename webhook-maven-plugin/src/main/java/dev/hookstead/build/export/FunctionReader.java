package dev.hookstead.build.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.manifest.ExportLayout;
import dev.hookstead.manifest.FunctionDef;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ScriptRef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Functions in either layout (realm-behaviour 1.3, 1.6): v1 {@code functions/<name>/{config.json,source.js}}, or v2+
 * {@code functions/config.json} (an array) plus {@code functions/<name>.js}, where names may be slash paths.
 */
final class FunctionReader {

    private static final Set<String> FIELDS = Set.of("id", "name", "private", "can_evaluate", "disable_arg_logs",
            "run_as_system", "run_as_user_id", "run_as_user_id_script_source");
    private static final String MANIFEST = "functions/config.json";

    private final ExportContext ctx;
    final List<FunctionDef> functions = new ArrayList<>();
    private final Map<String, String> declaredIn = new HashMap<>();

    FunctionReader(ExportContext ctx) {
        this.ctx = ctx;
    }

    void readAll() {
        Path dir = ctx.path("functions");
        if (ctx.files.isFile(ctx.path(MANIFEST))) {
            readManifest(dir);
        } else if (ctx.files.dirs(dir).stream().anyMatch(d -> ctx.files.isFile(d.resolve("config.json"))
                || ctx.files.isFile(d.resolve("source.js")))) {
            readFolders(dir);
        } else {
            readManifest(dir);
        }
    }

    /** v1: one folder per function. */
    private void readFolders(Path dir) {
        for (Path fnDir : ctx.files.dirs(dir)) {
            String folder = fnDir.getFileName().toString();
            if (folder.equals("node_modules")) continue;
            Path configFile = fnDir.resolve("config.json");
            String file = ctx.files.rel(configFile);
            ScriptRef script = source(fnDir.resolve("source.js"), "every function folder needs its source.js");
            if (!ctx.files.isFile(configFile)) {
                addDefault(folder, script, ctx.files.rel(fnDir.resolve("source.js")));
                continue;
            }
            ConfigNode cfg = ctx.config(configFile, "export the function again");
            if (cfg == null) continue;
            add(cfg, ctx.nameOrFolder(cfg, file, folder, "function"), script);
        }
    }

    /** v2+: the array manifest, then every .js file it does not list. */
    private void readManifest(Path dir) {
        Set<Path> listed = new HashSet<>();
        Path manifestFile = ctx.path(MANIFEST);
        if (ctx.files.isFile(manifestFile)) {
            JsonNode json = ctx.files.readJson(manifestFile);
            if (json != null && !json.isArray()) {
                ctx.problems.error(MANIFEST, null, null, "must hold a JSON array of function configs",
                        "write [ {\"name\": \"myFunction\", \"private\": false}, ... ]");
            } else if (json != null) {
                for (int i = 0; i < json.size(); i++) {
                    JsonNode entry = json.get(i);
                    String at = "[" + i + "]";
                    if (!entry.isObject()) {
                        ctx.problems.error(MANIFEST, at, entry.toString(), "is not a function config",
                                "write {\"name\": \"myFunction\", \"private\": false}");
                        continue;
                    }
                    ConfigNode cfg = new ConfigNode(entry, MANIFEST, at + ".", ctx.problems);
                    String name = cfg.text("name");
                    if (name == null || !validPath(name)) {
                        ctx.problems.error(MANIFEST, at + ".name", name, "is not a function name",
                                "name the function like \"myFunction\" or \"folder/myFunction\"");
                        continue;
                    }
                    Path js = dir.resolve(name + ".js");
                    listed.add(js);
                    ScriptRef script = null;
                    if (!ctx.files.isFile(js)) {
                        ctx.problems.error(MANIFEST, at + ".name", name, "has no source file functions/" + name + ".js",
                                "add functions/" + name + ".js or remove the entry");
                    } else {
                        script = source(js, null);
                    }
                    add(cfg, name, script);
                }
            }
        }
        for (Path js : ctx.files.walk(dir, ".js")) {
            if (listed.contains(js)) continue;
            String rel = ctx.files.rel(js);
            String name = rel.substring("functions/".length(), rel.length() - ".js".length());
            addDefault(name, source(js, null), rel);
        }
    }

    /** A function with no config gets App Services' import defaults: public, run as the caller. */
    private void addDefault(String name, ScriptRef script, String file) {
        ctx.problems.warning(file, null, null, "has no function config; function \"" + name
                + "\" gets the defaults (private false, runs as the calling user)",
                ctx.files.isFile(ctx.path(MANIFEST)) || ctx.layout.compareTo(ExportLayout.REALM_CLI_V2) >= 0
                        ? "add {\"name\": \"" + name + "\", \"private\": false} to functions/config.json"
                        : "add functions/" + name + "/config.json");
        register(new FunctionDef(name, false, new RunAs(RunAs.Mode.APPLICATION, null, null), null, false, script, file),
                file, null);
    }

    private void add(ConfigNode cfg, String name, ScriptRef script) {
        cfg.warnUnknown(FIELDS, "function");
        JsonNode canEvaluate = CanEvaluateCheck.normalise(cfg.get("can_evaluate"));
        ctx.expression(canEvaluate, cfg.file(), cfg.path("can_evaluate"));
        RunAs runAs = RunAsReader.read(cfg, RunAs.Mode.APPLICATION, ctx.scripts);
        register(new FunctionDef(name, cfg.bool("private", false), runAs, canEvaluate,
                cfg.bool("disable_arg_logs", false), script, cfg.file()), cfg.file(), cfg.path("name"));
    }

    private void register(FunctionDef fn, String file, String field) {
        String first = declaredIn.putIfAbsent(fn.name(), file);
        if (first != null) {
            ctx.problems.error(file, field, fn.name(), "is already declared as a function in " + first,
                    "give each function a unique name");
            return;
        }
        functions.add(fn);
    }

    private ScriptRef source(Path js, String whyRequired) {
        String rel = ctx.files.rel(js);
        if (!ctx.files.isFile(js)) {
            ctx.problems.error(rel, null, null, "is missing: " + whyRequired,
                    "add it with exports = function(...) { ... }");
            return null;
        }
        String text = ctx.files.readText(js);
        return text == null ? null : ctx.scripts.add(rel, text);
    }

    /** Slash paths are allowed; anything that could leave functions/ is not. */
    private static boolean validPath(String name) {
        if (name.isBlank() || name.startsWith("/") || name.endsWith("/") || name.contains("\\")) return false;
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) return false;
        }
        return true;
    }
}
