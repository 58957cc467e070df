package dev.hookstead.build.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.manifest.DataSourceDef;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * v2+ {@code data_sources/<svc>/}: config.json, default_rule.json and {@code <db>/<coll>/} rules, schema and
 * relationships. Rules are keyed {@code db.coll}; schema and relationships {@code db.coll#schema} and
 * {@code db.coll#relationships}; the default rule {@code default_rule}.
 */
final class DataSourceReader {

    private static final Set<String> FIELDS = Set.of("id", "_id", "name", "type", "config", "version", "secret_config");

    private DataSourceReader() {
    }

    static void readAll(ExportContext ctx, List<DataSourceDef> out) {
        for (Path dir : ctx.files.dirs(ctx.path("data_sources"))) {
            Path configFile = dir.resolve("config.json");
            String file = ctx.files.rel(configFile);
            String folder = dir.getFileName().toString();
            if (!ctx.files.isFile(configFile)) {
                ctx.problems.error(file, null, null, "is missing: data source folder " + ctx.files.rel(dir)
                        + " has no config", "export the data source again");
                continue;
            }
            ConfigNode cfg = ctx.config(configFile, "export the data source again");
            if (cfg == null) continue;
            cfg.warnUnknown(FIELDS, "data source");
            String name = cfg.text("name") == null ? folder : cfg.text("name");
            ctx.checkName(file, "name", name, "data source");
            ctx.claimServiceName(name, file);
            String id = cfg.text("id") != null ? cfg.text("id") : cfg.text("_id");
            if (id != null) ctx.serviceIds.put(id, name);
            String type = cfg.text("type") == null ? "mongodb-atlas" : cfg.text("type");
            JsonNode config = cfg.has("config") ? cfg.get("config") : ctx.files.emptyObject();
            out.add(new DataSourceDef(name, type, config, rules(ctx, dir), file));
        }
    }

    private static Map<String, JsonNode> rules(ExportContext ctx, Path dir) {
        Map<String, JsonNode> rules = new TreeMap<>();
        Path defaultRule = dir.resolve("default_rule.json");
        if (ctx.files.isFile(defaultRule)) put(ctx, rules, "default_rule", defaultRule);
        for (Path db : ctx.files.dirs(dir)) {
            for (Path coll : ctx.files.dirs(db)) {
                String ns = db.getFileName() + "." + coll.getFileName();
                put(ctx, rules, ns, coll.resolve("rules.json"));
                put(ctx, rules, ns + "#schema", coll.resolve("schema.json"));
                put(ctx, rules, ns + "#relationships", coll.resolve("relationships.json"));
            }
        }
        return rules;
    }

    private static void put(ExportContext ctx, Map<String, JsonNode> rules, String key, Path file) {
        if (!ctx.files.isFile(file)) return;
        JsonNode json = ctx.files.readJson(file);
        if (json != null) rules.put(key, json);
    }
}
