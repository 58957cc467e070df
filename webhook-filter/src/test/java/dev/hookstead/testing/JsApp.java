package dev.hookstead.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstead.manifest.AppInfo;
import dev.hookstead.manifest.AuthProviderDef;
import dev.hookstead.manifest.CustomUserDataDef;
import dev.hookstead.manifest.DataSourceDef;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.FunctionDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.manifest.ValueDef;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.script.compile.CompiledScript;
import dev.hookstead.script.compile.Prelude;
import dev.hookstead.script.compile.ScriptCompileException;
import dev.hookstead.script.compile.ScriptCompiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test app whose functions go through the real build toolchain (transpile, guards, prelude), so that tests over
 * HTTP run exactly what a WAR would serve.
 */
public final class JsApp {
    private static final ScriptCompiler COMPILER = new ScriptCompiler();

    private final Map<String, String> files = new TreeMap<>();
    private final List<WebhookDef> webhooks = new ArrayList<>();
    private final List<EndpointDef> endpoints = new ArrayList<>();
    private final List<FunctionDef> functions = new ArrayList<>();
    private final List<ValueDef> values = new ArrayList<>();
    private final List<AuthProviderDef> authProviders = new ArrayList<>();
    private final List<DataSourceDef> dataSources = new ArrayList<>();
    private CustomUserDataDef customUserData;
    private String environment = "";
    private final Map<String, JsonNode> environments = new TreeMap<>();

    public JsApp webhook(WebhookDef def, String source) {
        ScriptRef script = compile("webhooks/" + def.name(), source);
        webhooks.add(new WebhookDef(def.service(), def.serviceType(), def.name(), def.httpMethod(),
                def.validationMethod(), def.secret(), def.secretName(), def.respondResult(), def.runAs(),
                def.canEvaluate(), def.disableArgLogs(), def.fetchCustomUserData(), def.createUserOnAuth(), script,
                def.source()));
        return this;
    }

    /** A POST webhook of service "svc" without validation, running as System, with respond_result. */
    public JsApp webhook(String name, String source) {
        return webhook(TestApps.webhook(name), source);
    }

    public JsApp function(String name, boolean isPrivate, String source) {
        return function(name, isPrivate, RunAs.SYSTEM, source);
    }

    public JsApp function(String name, boolean isPrivate, RunAs runAs, String source) {
        functions.add(new FunctionDef(name, isPrivate, runAs, null, false, compile("functions/" + name, source),
                "functions/config.json"));
        return this;
    }

    public JsApp authProvider(AuthProviderDef provider) {
        authProviders.add(provider);
        return this;
    }

    public JsApp customUserData(CustomUserDataDef def) {
        customUserData = def;
        return this;
    }

    /** A function with its own settings (run-as, can_evaluate, private); its script is compiled from source. */
    public JsApp function(FunctionDef def, String source) {
        functions.add(new FunctionDef(def.name(), def.isPrivate(), def.runAs(), def.canEvaluate(),
                def.disableArgLogs(), compile("functions/" + def.name(), source), def.source()));
        return this;
    }

    /** An endpoint whose function is declared separately (or missing). */
    public JsApp endpoint(EndpointDef def) {
        endpoints.add(def);
        return this;
    }

    /** An endpoint and the public System function it calls, compiled from source. */
    public JsApp endpoint(EndpointDef def, String functionSource) {
        endpoints.add(def);
        return function(def.functionName(), false, functionSource);
    }

    public JsApp value(ValueDef value) {
        values.add(value);
        return this;
    }

    /** A MongoDB data source, as {@code data_sources/<name>/config.json} declares one. */
    public JsApp dataSource(String name) {
        return dataSource(name, Map.of());
    }

    /** A MongoDB data source with rules in the manifest's normalised form, keyed {@code db.coll} or default_rule. */
    public JsApp dataSource(String name, Map<String, com.fasterxml.jackson.databind.JsonNode> rules) {
        dataSources.add(new DataSourceDef(name, "mongodb-atlas", null, rules, "data_sources/" + name + "/config.json"));
        return this;
    }

    /** Makes {@code tag} the app's environment, with {@code values} as {@code environments/<tag>.json} holds them. */
    public JsApp environment(String tag, String values) {
        try {
            environment = tag;
            environments.put(tag, new ObjectMapper().readTree("{\"values\": " + values + "}"));
            return this;
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Compiles a script (also usable as a run-as script) and adds it to the app's files. */
    public ScriptRef compile(String name, String source) {
        try {
            CompiledScript compiled = COMPILER.compile(name + ".js", source);
            String path = "scripts/" + name + ".js";
            String original = "sources/" + name + ".js";
            files.put(path, compiled.es5());
            files.put(original, source);
            return new ScriptRef(path, original, "test", compiled.lines());
        } catch (ScriptCompileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public Manifest manifest() {
        Manifest base = TestApps.app(webhooks, endpoints, functions);
        AppInfo a = base.app();
        AppInfo app = new AppInfo(a.clientAppId(), a.appId(), a.name(), a.layout(), a.configVersion(),
                a.deploymentModel(), a.location(), a.providerRegion(), environment, a.allowedRequestOrigins());
        return new Manifest(base.format(), base.formatVersion(), base.generator(), app, "prelude.js",
                base.services(), base.webhooks(), base.endpoints(), base.functions(), values, environments,
                authProviders, customUserData, dataSources);
    }

    /** Every file of the manifest folder but manifest.json, by path. */
    public Map<String, String> files() {
        Map<String, String> all = new TreeMap<>(files);
        all.put("prelude.js", Prelude.build());
        return all;
    }

    /** Writes {@link #files()} into {@code folder}; returns it. */
    public Path writeFiles(Path folder) throws IOException {
        for (Map.Entry<String, String> file : files().entrySet()) {
            Path target = folder.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        return folder;
    }
}
