package dev.hookstead.build.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.manifest.DataSourceDef;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * v2+ {@code data_sources/<svc>/}: config.json, and the rules {@link RulesReader} reads into the manifest's form.
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
            out.add(new DataSourceDef(name, type, config, rules(ctx, dir, type), file));
        }
    }

    private static Map<String, JsonNode> rules(ExportContext ctx, Path dir, String type) {
        if (RulesReader.isDataFederation(type)) {
            RulesReader.ignoredForDataFederation(ctx, dir, type);
            return Map.of();
        }
        return RulesReader.dataSource(ctx, dir);
    }
}
