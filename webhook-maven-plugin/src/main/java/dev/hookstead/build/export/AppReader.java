package dev.hookstead.build.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.manifest.AppInfo;
import dev.hookstead.manifest.ExportLayout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The root config file and {@code .mdb} metadata: app identity and settings (realm-behaviour 1.1). */
final class AppReader {

    private static final Pattern INTERNAL_ID = Pattern.compile("[0-9a-fA-F]{24}");
    /** What the filter's CORS accepts: scheme, host and port, nothing after but an optional '/'. */
    private static final Pattern ORIGIN = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/?#@\\s]+/?");
    private static final Set<String> ROOT_FIELDS = Set.of("app_id", "name", "config_version", "location",
            "deployment_model", "provider_region", "environment", "allowed_request_origins", "security", "hosting",
            "custom_user_data_config", "sync", "family", "environments");
    private static final String CLIENT_ID_FIX = "set <clientAppId> in the webhook-maven-plugin configuration or pass "
            + "-Dwebhook.clientAppId=<client app id> (the id in callers' URLs, like myapp-abcde)";

    private AppReader() {
    }

    /** @param root parsed root config, or null when it could not be read (already reported) */
    static AppInfo read(ExportContext ctx, String rootFile, JsonNode root, String clientAppIdOverride) {
        ConfigNode cfg = ConfigNode.of(root != null && root.isObject() ? root : ctx.files.emptyObject(), rootFile,
                ctx.problems);
        if (root != null && !root.isObject()) {
            ctx.problems.error(rootFile, null, null, "must hold a JSON object", "export the app again");
        }
        cfg.warnUnknown(ROOT_FIELDS, "app config");

        String metaFile = ctx.files.isFile(ctx.path(".mdb/meta.json")) ? ".mdb/meta.json" : ".mdb/app_meta.json";
        ConfigNode meta = readMeta(ctx, metaFile);

        String rootAppId = cfg.nonBlank("app_id");
        String metaClientId = meta == null ? null : meta.nonBlank("client_app_id");
        String internalId = meta == null ? null : meta.nonBlank("app_id");

        String clientId;
        String clientIdFile;
        String clientIdField;
        if (ctx.layout == ExportLayout.APPSERVICES) {
            clientId = metaClientId != null ? metaClientId : rootAppId;
            clientIdFile = metaClientId != null || rootAppId == null ? metaFile : rootFile;
            clientIdField = metaClientId != null || rootAppId == null ? "client_app_id" : "app_id";
        } else {
            clientId = rootAppId != null ? rootAppId : metaClientId;
            clientIdFile = rootAppId != null || metaClientId == null ? rootFile : metaFile;
            clientIdField = rootAppId != null || metaClientId == null ? "app_id" : "client_app_id";
        }
        if (clientAppIdOverride != null && !clientAppIdOverride.isBlank()) {
            clientId = clientAppIdOverride.trim();
            clientIdFile = "<clientAppId>";
            clientIdField = null;
        }
        if (clientId == null) {
            ctx.problems.error(clientIdFile, clientIdField, null,
                    "is missing, so the client app id for webhook and endpoint URLs is unknown", CLIENT_ID_FIX);
        } else if (INTERNAL_ID.matcher(clientId).matches()) {
            ctx.problems.warning(clientIdFile, clientIdField, clientId,
                    "looks like an internal hex app id, not the client app id callers put in URLs", CLIENT_ID_FIX);
        }

        long configVersion = cfg.number("config_version", meta == null ? 0 : meta.number("config_version", 0));
        return new AppInfo(clientId, internalId, cfg.text("name"), ctx.layout, configVersion,
                cfg.text("deployment_model"), cfg.text("location"), cfg.text("provider_region"),
                cfg.text("environment"), origins(cfg));
    }

    private static ConfigNode readMeta(ExportContext ctx, String metaFile) {
        Path file = ctx.path(metaFile);
        if (!ctx.files.isFile(file)) return null;
        JsonNode meta = ctx.files.readJson(file);
        if (meta == null) return null;
        if (!meta.isObject()) {
            ctx.problems.error(metaFile, null, null, "must hold a JSON object", "export the app again");
            return null;
        }
        return ConfigNode.of(meta, metaFile, ctx.problems);
    }

    /** Root {@code allowed_request_origins} (v2+) or {@code security.allowed_request_origins} (v1). */
    private static List<String> origins(ConfigNode cfg) {
        ConfigNode where = cfg;
        if (!cfg.has("allowed_request_origins")) {
            ConfigNode security = cfg.object("security");
            if (security == null) return List.of();
            where = security;
        }
        JsonNode list = where.get("allowed_request_origins");
        if (list == null) return List.of();
        List<String> out = new ArrayList<>();
        if (!list.isArray()) {
            cfg.problems().error(cfg.file(), where.path("allowed_request_origins"), list.toString(),
                    "must be an array of origins", "write [\"https://example.com\"]");
            return out;
        }
        for (JsonNode o : list) {
            if (o.isTextual() && ORIGIN.matcher(o.textValue()).matches()) {
                out.add(o.textValue());
            } else {
                cfg.problems().error(cfg.file(), where.path("allowed_request_origins"),
                        o.isTextual() ? o.textValue() : o.toString(), "is not an origin",
                        "write origins as \"<scheme>://<host>[:port]\", e.g. \"https://app.example.com\"");
            }
        }
        return out;
    }
}
