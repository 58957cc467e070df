package dev.hookstead.build.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A MongoDB data source's rules, from every export generation, in the manifest's normalised form (docs/manifest.md,
 * "Rules"): {@code default_rule} = {roles, filters}; {@code <db>.<coll>} = {database, collection, roles?, filters,
 * schema?, relationships?}. {@code roles} is absent when the namespace defines none, so the default rule applies.
 */
final class RulesReader {

    private static final Set<String> RULE_KEYS = Set.of("database", "collection", "roles", "filters", "schema",
            "id", "_id");
    private static final Set<String> DEFAULT_RULE_KEYS = Set.of("roles", "filters", "id", "_id");
    /** Stitch's rules before roles (spec 1.6). */
    private static final Set<String> PRE_ROLES_KEYS = Set.of("read", "write", "valid", "fields", "other_fields");
    private static final Set<String> RELATIONSHIP_KEYS = Set.of("ref", "foreign_key", "is_list");

    private final ExportContext ctx;
    private final Map<String, JsonNode> out = new TreeMap<>();

    private RulesReader(ExportContext ctx) {
        this.ctx = ctx;
    }

    /** v2+ {@code data_sources/<ds>/}: default_rule.json and {@code <db>/<coll>/} rules, schema, relationships. */
    static Map<String, JsonNode> dataSource(ExportContext ctx, Path dir) {
        RulesReader r = new RulesReader(ctx);
        r.defaultRule(dir.resolve("default_rule.json"));
        for (Path db : ctx.files.dirs(dir)) {
            for (Path coll : ctx.files.dirs(db)) {
                r.collectionFolder(db.getFileName().toString(), coll.getFileName().toString(), coll);
            }
        }
        return r.out;
    }

    /** v1 and Stitch {@code services/<svc>/}: default_rule.json and {@code rules/<db>.<coll>.json}. */
    static Map<String, JsonNode> service(ExportContext ctx, Path dir) {
        RulesReader r = new RulesReader(ctx);
        r.defaultRule(dir.resolve("default_rule.json"));
        for (Path f : ctx.files.files(dir.resolve("rules"), ".json")) r.ruleFile(f);
        return r.out;
    }

    static boolean isDataFederation(String type) {
        return type.contains("datalake") || type.contains("datafederation");
    }

    /** Rule files a Data Federation source carries are not used: such a source is System-only. */
    static void ignoredForDataFederation(ExportContext ctx, Path dir, String type) {
        for (Path f : ctx.files.walk(dir, ".json")) {
            String name = f.getFileName().toString();
            if (name.equals("config.json")) continue;
            ctx.problems.warning(ctx.files.rel(f), null, null, "is ignored: a " + type + " (Data Federation) source "
                    + "has no rules, so only System functions may use it", "remove the file");
        }
    }

    private void defaultRule(Path path) {
        if (!ctx.files.isFile(path)) return;
        String file = ctx.files.rel(path);
        JsonNode json = read(path);
        if (json == null) return;
        ConfigNode cfg = ConfigNode.of(json, file, ctx.problems);
        unknownKeys(cfg, DEFAULT_RULE_KEYS, "default rule");
        RuleCheck check = new RuleCheck(ctx, file);
        ArrayNode roles = check.roles(cfg.get("roles"));
        ObjectNode rule = ctx.files.emptyObject();
        rule.set("roles", roles == null ? rule.arrayNode() : roles);
        rule.set("filters", check.filters(cfg.get("filters")));
        out.put("default_rule", rule);
    }

    /** A v2 collection folder: the namespace comes from the folder names, which rules.json must agree with. */
    private void collectionFolder(String db, String coll, Path dir) {
        Path rulesPath = dir.resolve("rules.json");
        Path schemaPath = dir.resolve("schema.json");
        Path relationshipsPath = dir.resolve("relationships.json");
        boolean any = false;
        ObjectNode rule = null;
        if (ctx.files.isFile(rulesPath)) {
            any = true;
            JsonNode json = read(rulesPath);
            if (json != null) rule = rule(json, ctx.files.rel(rulesPath), db, coll, "its folder " + db + "/" + coll);
        }
        if (rule == null) rule = namespace(db, coll);
        if (ctx.files.isFile(schemaPath)) {
            any = true;
            String file = ctx.files.rel(schemaPath);
            if (rule.has("schema")) {
                ctx.problems.error(file, null, null, "repeats the schema that " + ctx.files.rel(rulesPath)
                        + " holds inline", "keep the schema in schema.json only");
            }
            JsonNode json = ctx.files.readJson(schemaPath);
            JsonNode schema = json == null ? null : SchemaCheck.check(ctx, json, file, "");
            if (schema != null) rule.set("schema", schema);
        }
        if (ctx.files.isFile(relationshipsPath)) {
            any = true;
            JsonNode json = ctx.files.readJson(relationshipsPath);
            if (json != null && relationships(json, ctx.files.rel(relationshipsPath))) rule.set("relationships", json);
        }
        if (ctx.files.isFile(rulesPath)) fieldRulesAgainstSchema(rule, ctx.files.rel(rulesPath));
        if (any) out.put(db + "." + coll, rule);
    }

    /** A v1 or Stitch {@code rules/<db>.<coll>.json}; database names hold no dots, collection names may. */
    private void ruleFile(Path path) {
        String file = ctx.files.rel(path);
        String base = ExportFiles.baseName(path, ".json");
        int dot = base.indexOf('.');
        if (dot <= 0 || dot == base.length() - 1) {
            ctx.problems.error(file, null, null, "is not named <database>.<collection>.json",
                    "rename it after the namespace its rules are for, e.g. shop.orders.json");
            return;
        }
        JsonNode json = read(path);
        if (json == null) return;
        ObjectNode rule = rule(json, file, base.substring(0, dot), base.substring(dot + 1), "its file name");
        if (rule != null) out.put(rule.get("database").textValue() + "." + rule.get("collection").textValue(), rule);
    }

    /** A collection rule file's content, checked and normalised; null if it is not an object. */
    private ObjectNode rule(JsonNode json, String file, String db, String coll, String namedBy) {
        ConfigNode cfg = ConfigNode.of(json, file, ctx.problems);
        boolean preRoles = !cfg.has("roles") && PRE_ROLES_KEYS.stream().anyMatch(cfg::has);
        if (preRoles) {
            json = StitchPreRoles.convert(ctx, cfg);
            cfg = ConfigNode.of(json, file, ctx.problems);
        }
        unknownKeys(cfg, RULE_KEYS, "collection rule");
        ObjectNode rule = namespace(db, coll);
        agrees(cfg, "database", db, namedBy);
        agrees(cfg, "collection", coll, namedBy);
        RuleCheck check = new RuleCheck(ctx, file);
        ArrayNode roles = check.roles(cfg.get("roles"));
        if (roles != null) rule.set("roles", roles);
        rule.set("filters", check.filters(cfg.get("filters")));
        JsonNode inline = cfg.get("schema");
        if (inline != null) {
            JsonNode schema = SchemaCheck.check(ctx, inline, file, "schema.");
            if (schema != null) rule.set("schema", schema);
        }
        // a converted Stitch rule's schema lists only the fields that had "valid"
        if (!preRoles) fieldRulesAgainstSchema(rule, file);
        return rule;
    }

    /**
     * A field rule on a field the collection's schema does not describe is most likely a misspelt name, which leaves
     * the real field to {@code additional_fields}: a warning, or an error where the schema forbids other fields.
     */
    private void fieldRulesAgainstSchema(ObjectNode rule, String file) {
        JsonNode schema = rule.get("schema");
        JsonNode roles = rule.get("roles");
        if (schema == null || roles == null) return;
        for (int i = 0; i < roles.size(); i++) {
            fieldsAgainst(roles.get(i).get("fields"), schema, file, "roles[" + i + "].fields");
        }
    }

    private void fieldsAgainst(JsonNode fields, JsonNode schema, String file, String at) {
        if (schema.has("items") && schema.get("items").isObject()) schema = schema.get("items");
        JsonNode properties = schema.get("properties");
        if (fields == null || !fields.isObject() || properties == null || !properties.isObject()) return;
        boolean closed = schema.path("additionalProperties").isBoolean()
                && !schema.get("additionalProperties").booleanValue();
        for (Map.Entry<String, JsonNode> e : fields.properties()) {
            JsonNode property = properties.get(e.getKey());
            if (property != null) {
                fieldsAgainst(e.getValue().get("fields"), property, file, at + "." + e.getKey() + ".fields");
            } else if (closed) {
                ctx.problems.error(file, at, e.getKey(), "names a field the collection's schema does not allow "
                        + "(its additionalProperties is false)", "correct the field name or add it to the schema");
            } else {
                ctx.problems.warning(file, at, e.getKey(), "names a field the collection's schema does not describe",
                        "check the field name against the schema's properties");
            }
        }
    }

    private ObjectNode namespace(String db, String coll) {
        ObjectNode rule = ctx.files.emptyObject();
        rule.put("database", db);
        rule.put("collection", coll);
        rule.set("filters", rule.arrayNode());
        return rule;
    }

    /** database/collection, when written, must name the namespace the file's place gives. */
    private void agrees(ConfigNode cfg, String field, String expected, String namedBy) {
        String written = cfg.text(field);
        if (written != null && !written.equals(expected)) {
            cfg.problems().error(cfg.file(), field, written, "disagrees with " + namedBy + ", which gives \""
                    + expected + "\"", "make \"" + field + "\" and " + namedBy + " name the same " + field);
        }
    }

    /** relationships.json: {"<field>": {"ref", "foreign_key", "is_list"}}, kept verbatim. */
    private boolean relationships(JsonNode json, String file) {
        if (!json.isObject()) {
            ctx.problems.error(file, null, null, "must hold a JSON object", "write {\"<field>\": {\"ref\": "
                    + "\"#/relationship/<data source>/<db>/<collection>\", \"foreign_key\": \"_id\", \"is_list\": false}}");
            return false;
        }
        int before = ctx.problems.errors().size();
        json.fields().forEachRemaining(e -> {
            if (!e.getValue().isObject()) {
                ctx.problems.error(file, e.getKey(), RuleCheck.shown(e.getValue()), "must be a relationship object",
                        "write {\"ref\": \"#/relationship/...\", \"foreign_key\": \"_id\", \"is_list\": false}");
                return;
            }
            ConfigNode r = new ConfigNode(e.getValue(), file, e.getKey() + ".", ctx.problems);
            unknownKeys(r, RELATIONSHIP_KEYS, "relationship");
            if (r.text("ref") == null || r.text("foreign_key") == null) {
                ctx.problems.error(file, r.path(r.has("ref") ? "foreign_key" : "ref"), null, "is missing",
                        "a relationship needs \"ref\" and \"foreign_key\"");
            }
            r.bool("is_list", false);
        });
        return ctx.problems.errors().size() == before;
    }

    /** A rule file's JSON object; a blank file gets the CLI's own message. */
    private JsonNode read(Path path) {
        String file = ctx.files.rel(path);
        String text = ctx.files.readText(path);
        if (text == null) return null;
        if (text.isBlank()) {
            ctx.problems.error(file, null, null, "rules file cannot be empty",
                    "write the rule as JSON, for example {\"roles\": [], \"filters\": []}, or delete the file");
            return null;
        }
        JsonNode json = ctx.files.readJson(path);
        if (json != null && !json.isObject()) {
            ctx.problems.error(file, null, RuleCheck.shown(json), "must hold a JSON object", "export the rules again");
            return null;
        }
        return json;
    }

    /** Unknown keys fail: a misspelt "roles" would otherwise hand the namespace to the default rule. */
    private static void unknownKeys(ConfigNode cfg, Set<String> known, String what) {
        cfg.node().fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                cfg.problems().error(cfg.file(), cfg.path(k), null, "is not a " + what + " field",
                        "remove it or correct its spelling; a " + what + " has "
                                + String.join(", ", new TreeSet<>(known)));
            }
        });
    }
}
