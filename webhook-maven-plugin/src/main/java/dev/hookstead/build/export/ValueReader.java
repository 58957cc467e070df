package dev.hookstead.build.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.manifest.ValueDef;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@code values/*.json} and {@code environments/*.json} (realm-behaviour 1.7). Secrets are never resolved here. */
final class ValueReader {

    private static final Set<String> FIELDS = Set.of("id", "name", "value", "from_secret", "private");
    private static final Set<String> ENV_FIELDS = Set.of("values");
    static final String NO_ENVIRONMENT = "no-environment";

    private final ExportContext ctx;
    final List<ValueDef> values = new ArrayList<>();
    final Map<String, JsonNode> environments = new TreeMap<>();

    ValueReader(ExportContext ctx) {
        this.ctx = ctx;
    }

    void readAll() {
        Map<String, String> names = new HashMap<>();
        for (Path f : ctx.files.files(ctx.path("values"), ".json")) {
            ValueDef value = value(f);
            if (value == null) continue;
            String first = names.putIfAbsent(value.name(), ctx.files.rel(f));
            if (first != null) {
                ctx.problems.error(ctx.files.rel(f), "name", value.name(), "is already the name of the value in "
                        + first, "give each value a unique name");
            } else {
                values.add(value);
            }
        }
        for (Path f : ctx.files.files(ctx.path("environments"), ".json")) {
            environment(f);
        }
    }

    private ValueDef value(Path f) {
        String file = ctx.files.rel(f);
        ConfigNode cfg = ctx.config(f, "write {\"name\": ..., \"value\": ...}");
        if (cfg == null) return null;
        cfg.warnUnknown(FIELDS, "value");
        String name = cfg.text("name");
        if (name == null) {
            name = ExportFiles.baseName(f, ".json");
            ctx.problems.warning(file, "name", null, "is missing; the file name \"" + name + "\" is used",
                    "add \"name\": \"" + name + "\"");
        }
        Boolean isPrivate = cfg.has("private") ? cfg.bool("private", false) : null;
        if (cfg.bool("from_secret", false)) {
            String secretName = cfg.nonBlank("value");
            if (secretName == null) {
                ctx.problems.error(file, "value", cfg.has("value") ? cfg.get("value").toString() : null,
                        "must name a secret because from_secret is true", "set \"value\" to the secret's name");
            }
            return new ValueDef(name, null, true, secretName, isPrivate);
        }
        JsonNode value = cfg.node().get("value");
        return new ValueDef(name, value, false, null, isPrivate);
    }

    /** Stores the file's {@code values} object under its tag; {@code no-environment.json} is the tag "". */
    private void environment(Path f) {
        ConfigNode cfg = ctx.config(f, "write {\"values\": {...}}");
        if (cfg == null) return;
        cfg.warnUnknown(ENV_FIELDS, "environment");
        String tag = ExportFiles.baseName(f, ".json");
        ConfigNode values = cfg.object("values");
        environments.put(tag.equals(NO_ENVIRONMENT) ? "" : tag, values == null ? ctx.files.emptyObject() : values.node());
    }
}
