package dev.hookstead.build.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.build.problems.Problems;
import dev.hookstead.manifest.AppInfo;
import dev.hookstead.manifest.AuthProviderDef;
import dev.hookstead.manifest.DataSourceDef;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.ExportLayout;
import dev.hookstead.manifest.FunctionDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ServiceDef;
import dev.hookstead.manifest.ValueDef;
import dev.hookstead.manifest.WebhookDef;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a Stitch, Realm or App Services export into an uncompiled {@link Manifest}, collecting every problem in one
 * run instead of stopping at the first. Lists in the manifest are sorted, so the same export gives the same bytes.
 */
public final class ExportReader {

    /** Root config file name to layout, in the order they are looked for. */
    private static final Map<String, ExportLayout> ROOT_FILES = rootFiles();

    private ExportReader() {
    }

    /**
     * @param appDirectory        the export's root folder
     * @param clientAppIdOverride wins over the export's client app id when not blank; may be null
     * @throws ExportException if the folder is missing, not a folder, or has none of the four root config files
     */
    public static ExportResult read(Path appDirectory, String clientAppIdOverride) {
        if (appDirectory == null || !Files.isDirectory(appDirectory)) {
            throw new ExportException("app directory " + appDirectory + " does not exist or is not a directory: "
                    + "point the plugin at the folder that holds the exported app's root config");
        }
        Path root = appDirectory.toAbsolutePath().normalize();
        String rootFile = null;
        for (String name : ROOT_FILES.keySet()) {
            if (Files.isRegularFile(root.resolve(name))) {
                rootFile = name;
                break;
            }
        }
        if (rootFile == null) {
            throw new ExportException("app directory " + root + " is not an app export: it has none of "
                    + String.join(", ", ROOT_FILES.keySet()) + ". Point the plugin at the exported app's root folder");
        }

        Problems problems = new Problems();
        ExportContext ctx = new ExportContext(root, problems, ROOT_FILES.get(rootFile));
        JsonNode rootJson = ctx.files.readJson(root.resolve(rootFile));
        AppInfo app = AppReader.read(ctx, rootFile, rootJson, clientAppIdOverride);
        ConfigNode rootConfig = rootJson != null && rootJson.isObject() ? ConfigNode.of(rootJson, rootFile, problems) : null;

        ServiceReader services = new ServiceReader(ctx);
        services.readAll();
        List<DataSourceDef> dataSources = new ArrayList<>(services.dataSources);
        DataSourceReader.readAll(ctx, dataSources);
        FunctionReader functions = new FunctionReader(ctx);
        functions.readAll();
        EndpointReader endpoints = new EndpointReader(ctx);
        endpoints.readAll();
        ValueReader values = new ValueReader(ctx);
        values.readAll();
        AuthReader auth = new AuthReader(ctx);
        auth.readAll(rootConfig);
        StitchSecrets.check(ctx);

        Set<String> functionNames = new TreeSet<>();
        functions.functions.forEach(f -> functionNames.add(f.name()));
        crossCheck(ctx, app, endpoints, values, functionNames);
        var customUserData = auth.customUserData();
        if (customUserData != null && customUserData.onUserCreationFunctionName() != null
                && !functionNames.contains(customUserData.onUserCreationFunctionName())) {
            problems.error(auth.customData.file(), auth.customData.path("on_user_creation_function_name"),
                    customUserData.onUserCreationFunctionName(), "does not name a function of this app",
                    "add the function under functions/ or correct the name");
        }

        Manifest manifest = new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, null, app, null,
                sorted(services.services, Comparator.comparing(ServiceDef::name)),
                sorted(services.webhooks, Comparator.comparing(WebhookDef::service).thenComparing(WebhookDef::name)),
                sorted(endpoints.endpoints.stream().map(EndpointReader.Declared::endpoint).toList(),
                        Comparator.comparing(EndpointDef::route).thenComparing(EndpointDef::httpMethod)),
                sorted(functions.functions, Comparator.comparing(FunctionDef::name)),
                sorted(values.values, Comparator.comparing(ValueDef::name)),
                values.environments,
                sorted(auth.providers, Comparator.comparing(AuthProviderDef::name)),
                customUserData,
                sorted(dataSources, Comparator.comparing(DataSourceDef::name)));
        return new ExportResult(manifest, ctx.scripts.sources(), problems);
    }

    /** Checks that need the whole app: function references and the active environment. */
    private static void crossCheck(ExportContext ctx, AppInfo app, EndpointReader endpoints, ValueReader values,
                                   Set<String> functionNames) {
        for (EndpointReader.Declared d : endpoints.endpoints) {
            if (!functionNames.contains(d.endpoint().functionName())) {
                ctx.problems.error(d.file(), d.at() + ".function_name", d.endpoint().functionName(),
                        "does not name a function of this app", "add the function under functions/ or correct the name");
            }
        }
        for (ExportContext.PendingExpression e : ctx.expressions) {
            CanEvaluateCheck.check(e.expression(), e.file(), e.field(), functionNames, ctx.problems);
        }
        for (ExportContext.PendingExpression e : ctx.ruleExpressions) {
            CanEvaluateCheck.checkRule(e.expression(), e.file(), e.field(), functionNames, ctx.problems);
        }
        if (!app.environment().isEmpty() && !values.environments.isEmpty()
                && !values.environments.containsKey(app.environment())) {
            ctx.problems.warning("environments/" + app.environment() + ".json", null, null, "is missing although the "
                    + "app config selects environment \"" + app.environment() + "\"; %%environment.values is empty",
                    "add the file or change the app config's \"environment\"");
        }
    }

    private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
        List<T> copy = new ArrayList<>(list);
        copy.sort(order);
        return copy;
    }

    private static Map<String, ExportLayout> rootFiles() {
        Map<String, ExportLayout> m = new LinkedHashMap<>();
        m.put("root_config.json", ExportLayout.APPSERVICES);
        m.put("realm_config.json", ExportLayout.REALM_CLI_V2);
        m.put("config.json", ExportLayout.REALM_CLI_V1);
        m.put("stitch.json", ExportLayout.STITCH_CLI);
        return m;
    }
}
