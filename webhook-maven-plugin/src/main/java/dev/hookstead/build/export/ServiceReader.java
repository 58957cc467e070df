package dev.hookstead.build.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.manifest.DataSourceDef;
import dev.hookstead.manifest.ServiceDef;
import dev.hookstead.manifest.WebhookDef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Third-party services with their rules and incoming webhooks, from {@code services/<svc>/} (all versions) and
 * {@code http_endpoints/<svc>/} or {@code https_endpoints/<svc>/} (v2+ HTTP services), plus v1 MongoDB services.
 */
final class ServiceReader {

    static final List<String> SERVICE_ROOTS = List.of("services", "http_endpoints", "https_endpoints");
    private static final Set<String> FIELDS = Set.of("id", "_id", "name", "type", "config", "secret_config", "version");
    private static final Set<String> WITH_WEBHOOKS = Set.of("http", "github", "twilio");
    private static final Set<String> KNOWN_TYPES = Set.of("http", "github", "twilio", "aws", "aws-s3", "aws-ses",
            "gcm", "mongodb-atlas", "mongodb", "datalake", "mongodb-datalake", "mongodb-datafederation");

    private final ExportContext ctx;
    final List<ServiceDef> services = new ArrayList<>();
    final List<DataSourceDef> dataSources = new ArrayList<>();
    final List<WebhookDef> webhooks = new ArrayList<>();

    ServiceReader(ExportContext ctx) {
        this.ctx = ctx;
    }

    void readAll() {
        for (String root : SERVICE_ROOTS) {
            for (Path dir : ctx.files.dirs(ctx.path(root))) {
                readService(dir);
            }
        }
    }

    private void readService(Path dir) {
        Path configFile = dir.resolve("config.json");
        String file = ctx.files.rel(configFile);
        String folder = dir.getFileName().toString();
        if (!ctx.files.isFile(configFile)) {
            ctx.problems.error(file, null, null, "is missing: the folder " + ctx.files.rel(dir) + " has no service config",
                    "add config.json with {\"name\": \"" + folder + "\", \"type\": \"http\", \"config\": {}} or remove the folder");
            return;
        }
        ConfigNode cfg = ctx.config(configFile, "export the service again");
        if (cfg == null) return;
        cfg.warnUnknown(FIELDS, "service");
        String name = ctx.nameOrFolder(cfg, file, folder, "service");
        ctx.checkName(file, "name", name, "service");
        ctx.claimServiceName(name, file);
        String id = cfg.text("id") != null ? cfg.text("id") : cfg.text("_id");
        if (id != null) ctx.serviceIds.put(id, name);

        String type = cfg.text("type");
        if (type == null) {
            ctx.problems.error(file, "type", null, "is missing", "set \"type\" to http, github, twilio, aws or gcm");
            return;
        }
        if (!KNOWN_TYPES.contains(type)) {
            ctx.problems.warning(file, "type", type, "is not a service type Hookstead knows; it is kept but has no "
                    + "runtime support", "use http, github, twilio, aws, gcm or mongodb-atlas");
        }
        JsonNode config = cfg.has("config") ? cfg.get("config") : ctx.files.emptyObject();
        if (RulesReader.isDataFederation(type)) {
            RulesReader.ignoredForDataFederation(ctx, dir, type);
            dataSources.add(new DataSourceDef(name, type, config, Map.of(), file));
            checkNoWebhooks(dir, type);
            return;
        }
        if (type.startsWith("mongodb")) {
            dataSources.add(new DataSourceDef(name, type, config, RulesReader.service(ctx, dir), file));
            checkNoWebhooks(dir, type);
            return;
        }
        Map<String, String> secretConfig = secretConfig(cfg);
        ServiceDef service = new ServiceDef(name, type, config, secretConfig, rules(dir.resolve("rules")), file);
        services.add(service);
        if (WITH_WEBHOOKS.contains(type)) {
            new WebhookReader(ctx, service).readAll(dir.resolve("incoming_webhooks"), webhooks);
        } else {
            checkNoWebhooks(dir, type);
        }
    }

    private void checkNoWebhooks(Path dir, String type) {
        Path hooks = dir.resolve("incoming_webhooks");
        if (ctx.files.isDir(hooks) && !ctx.files.dirs(hooks).isEmpty()) {
            ctx.problems.error(ctx.files.rel(hooks), null, null, "holds webhooks, but a " + type
                    + " service cannot have incoming webhooks", "move them to an http, github or twilio service");
        }
    }

    /** {@code secret_config}: option name to secret name. Secret values are never part of an export. */
    private Map<String, String> secretConfig(ConfigNode cfg) {
        ConfigNode sc = cfg.object("secret_config");
        Map<String, String> out = new TreeMap<>();
        if (sc == null) return out;
        for (Iterator<String> it = sc.node().fieldNames(); it.hasNext(); ) {
            String option = it.next();
            String secretName = sc.text(option);
            if (secretName != null) out.put(option, secretName);
        }
        return out;
    }

    /** A third-party service's {@code rules/<rule>.json} keyed by file name without ".json", kept verbatim. */
    private Map<String, JsonNode> rules(Path rulesDir) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (Path f : ctx.files.files(rulesDir, ".json")) {
            JsonNode rule = ctx.files.readJson(f);
            if (rule != null) out.put(ExportFiles.baseName(f, ".json"), rule);
        }
        return out;
    }
}
