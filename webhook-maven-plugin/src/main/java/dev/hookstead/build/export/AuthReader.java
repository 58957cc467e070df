package dev.hookstead.build.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.manifest.AuthProviderDef;
import dev.hookstead.manifest.CustomUserDataDef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Auth providers ({@code auth_providers/*.json} in v1, {@code auth/providers.json} in v2+) and custom user data
 * (root {@code custom_user_data_config} in v1, {@code auth/custom_user_data.json} in v2+). Realm-behaviour 1.8.
 */
final class AuthReader {

    private static final Set<String> PROVIDER_FIELDS = Set.of("id", "name", "type", "disabled", "config",
            "secret_config", "metadata_fields", "redirect_uris", "domain_restrictions");
    private static final Set<String> CUSTOM_DATA_FIELDS = Set.of("enabled", "mongo_service_name", "mongo_service_id",
            "database_name", "collection_name", "user_id_field", "on_user_creation_function_name");
    static final String PROVIDERS = "auth/providers.json";
    static final String CUSTOM_DATA = "auth/custom_user_data.json";

    private final ExportContext ctx;
    final List<AuthProviderDef> providers = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    /** The custom user data config and the file it came from, resolved once every service is known. */
    ConfigNode customData;

    AuthReader(ExportContext ctx) {
        this.ctx = ctx;
    }

    void readAll(ConfigNode rootConfig) {
        for (Path f : ctx.files.files(ctx.path("auth_providers"), ".json")) {
            JsonNode json = ctx.files.readJson(f);
            if (json != null) provider(json, ctx.files.rel(f), "", ExportFiles.baseName(f, ".json"));
        }
        if (ctx.files.isFile(ctx.path(PROVIDERS))) {
            JsonNode json = ctx.files.readJson(ctx.path(PROVIDERS));
            if (json != null && !json.isObject()) {
                ctx.problems.error(PROVIDERS, null, null, "must hold an object keyed by provider name",
                        "write {\"anon-user\": {\"name\": \"anon-user\", \"type\": \"anon-user\", \"disabled\": false}}");
            } else if (json != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    provider(e.getValue(), PROVIDERS, e.getKey() + ".", e.getKey());
                }
            }
        }
        if (ctx.files.isFile(ctx.path(CUSTOM_DATA))) {
            JsonNode json = ctx.files.readJson(ctx.path(CUSTOM_DATA));
            if (json != null && json.isObject()) customData = ConfigNode.of(json, CUSTOM_DATA, ctx.problems);
            else if (json != null) ctx.problems.error(CUSTOM_DATA, null, null, "must hold a JSON object",
                    "export the app again");
        } else if (rootConfig != null) {
            customData = rootConfig.object("custom_user_data_config");
        }
    }

    private void provider(JsonNode json, String file, String prefix, String defaultName) {
        if (!json.isObject()) {
            ctx.problems.error(file, prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1), null,
                    "must hold a JSON object", "export the auth provider again");
            return;
        }
        ConfigNode cfg = new ConfigNode(json, file, prefix, ctx.problems);
        cfg.warnUnknown(PROVIDER_FIELDS, "auth provider");
        String name = cfg.text("name") == null ? defaultName : cfg.text("name");
        String type = cfg.text("type");
        if (type == null) {
            ctx.problems.error(file, cfg.path("type"), null, "is missing",
                    "set \"type\" to anon-user, local-userpass, api-key, custom-token, custom-function or oauth2-*");
            return;
        }
        String first = names.putIfAbsent(name, file);
        if (first != null) {
            ctx.problems.error(file, cfg.path("name"), name, "is already the name of an auth provider in " + first,
                    "give each auth provider a unique name");
            return;
        }
        List<JsonNode> metadata = new ArrayList<>();
        JsonNode fields = cfg.get("metadata_fields");
        if (fields != null && fields.isArray()) fields.forEach(metadata::add);
        else if (fields != null) ctx.problems.error(file, cfg.path("metadata_fields"), fields.toString(),
                "must be an array", "write [{\"required\": false, \"name\": \"email\"}]");
        JsonNode config = cfg.has("config") ? cfg.get("config") : ctx.files.emptyObject();
        JsonNode secretConfig = cfg.has("secret_config") ? cfg.get("secret_config") : ctx.files.emptyObject();
        providers.add(new AuthProviderDef(name, type, cfg.bool("disabled", false), config, secretConfig, metadata, file));
    }

    /** Resolves {@code mongo_service_id} to a service name, so it runs after every service has been read. */
    CustomUserDataDef customUserData() {
        if (customData == null) return null;
        ConfigNode cfg = customData;
        cfg.warnUnknown(CUSTOM_DATA_FIELDS, "custom user data");
        boolean enabled = cfg.bool("enabled", false);
        String service = cfg.nonBlank("mongo_service_name");
        if (service == null) {
            String id = cfg.nonBlank("mongo_service_id");
            if (id != null) {
                service = ctx.serviceIds.get(id);
                if (service == null && enabled) {
                    ctx.problems.error(cfg.file(), cfg.path("mongo_service_id"), id, "matches no exported service id",
                            "set \"mongo_service_name\" to the data source name, e.g. \"mongodb-atlas\"");
                }
            }
        }
        CustomUserDataDef def = new CustomUserDataDef(enabled, service, cfg.nonBlank("database_name"),
                cfg.nonBlank("collection_name"), cfg.nonBlank("user_id_field"),
                cfg.nonBlank("on_user_creation_function_name"));
        if (enabled) {
            if (def.serviceName() == null && !cfg.has("mongo_service_id")) missing(cfg, "mongo_service_name");
            if (def.databaseName() == null) missing(cfg, "database_name");
            if (def.collectionName() == null) missing(cfg, "collection_name");
            if (def.userIdField() == null) missing(cfg, "user_id_field");
        }
        return def;
    }

    private void missing(ConfigNode cfg, String field) {
        ctx.problems.error(cfg.file(), cfg.path(field), null, "is missing although custom user data is enabled",
                "set it, or set \"enabled\": false");
    }
}
