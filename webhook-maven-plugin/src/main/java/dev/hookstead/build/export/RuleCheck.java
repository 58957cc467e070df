package dev.hookstead.build.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the {@code roles} and {@code filters} of one rule file (spec sections 1.4 and 1.5) and returns them in the
 * manifest's form: roles verbatim, filters with the docs' alias {@code project} renamed {@code projection}. Every
 * expression is queued for the parser, which runs once the app's function names are known.
 */
final class RuleCheck {

    static final int MAX_NAME = 100;
    private static final Set<String> ROLE_KEYS = Set.of("name", "apply_when", "document_filters", "read", "write",
            "insert", "delete", "search", "fields", "additional_fields");
    private static final Set<String> READ_WRITE = Set.of("read", "write");
    private static final Set<String> FIELD_KEYS = Set.of("read", "write", "fields");
    private static final Set<String> FILTER_KEYS = Set.of("name", "apply_when", "query", "projection", "project");
    /** Expansions that read a document: a filter runs before any document is read (spec 1.5). */
    private static final Set<String> DOCUMENT_EXPANSIONS = Set.of("root", "prevRoot", "this", "prev");

    private final ExportContext ctx;
    private final String file;

    RuleCheck(ExportContext ctx, String file) {
        this.ctx = ctx;
        this.file = file;
    }

    // ---- roles

    /** The checked roles array, or null when {@code roles} is absent. */
    ArrayNode roles(JsonNode roles) {
        if (roles == null) return null;
        ArrayNode out = ctx.files.emptyObject().arrayNode();
        if (!roles.isArray()) {
            ctx.problems.error(file, "roles", shown(roles), "must be an array of roles",
                    "write \"roles\": [{\"name\": \"owner\", \"apply_when\": {...}, \"read\": true}]");
            return out;
        }
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < roles.size(); i++) {
            String at = "roles[" + i + "]";
            JsonNode role = roles.get(i);
            if (!role.isObject()) {
                ctx.problems.error(file, at, shown(role), "must be a role object",
                        "write {\"name\": \"<role>\", \"apply_when\": {...}, ...}");
                continue;
            }
            name(role.get("name"), at, "role", names);
            for (Iterator<Map.Entry<String, JsonNode>> it = role.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                roleKey(e.getKey(), e.getValue(), at + "." + e.getKey());
            }
            out.add(role);
        }
        return out;
    }

    private void roleKey(String key, JsonNode value, String at) {
        switch (key) {
            case "name" -> {
                // checked with the other names
            }
            case "apply_when", "read", "write", "insert", "delete" -> expression(value, at);
            case "search" -> {
                if (!value.isBoolean()) {
                    ctx.problems.error(file, at, shown(value), "must be true or false",
                            "write \"search\": true or false; it is not an expression");
                }
            }
            case "document_filters", "additional_fields" -> readWrite(value, at);
            case "fields" -> fields(value, at);
            default -> ctx.problems.error(file, at, null, "is not a role permission",
                    "remove it or correct its spelling; a role has " + String.join(", ", new TreeSet<>(ROLE_KEYS)));
        }
    }

    /** {@code {read, write}}, each an expression. */
    private void readWrite(JsonNode value, String at) {
        if (!value.isObject()) {
            ctx.problems.error(file, at, shown(value), "must be an object", "write {\"read\": true, \"write\": false}");
            return;
        }
        value.fields().forEachRemaining(e -> {
            String here = at + "." + e.getKey();
            if (READ_WRITE.contains(e.getKey())) expression(e.getValue(), here);
            else ctx.problems.error(file, here, null, "is not a permission", "use only \"read\" and \"write\" here");
        });
    }

    /** {@code {"<field>": {read, write, fields}}}, nested for embedded documents. */
    private void fields(JsonNode value, String at) {
        if (!value.isObject()) {
            ctx.problems.error(file, at, shown(value), "must be an object of field rules",
                    "write {\"<field>\": {\"read\": true, \"write\": false}}");
            return;
        }
        value.fields().forEachRemaining(e -> {
            String name = e.getKey();
            String here = at + "." + name;
            String bad = badFieldName(name);
            if (bad != null) {
                ctx.problems.error(file, at, name, "is not a field path: " + bad, name.contains(".")
                        ? "nest it: {\"" + name.substring(0, name.indexOf('.')) + "\": {\"fields\": {\""
                        + name.substring(name.indexOf('.') + 1) + "\": {...}}}}"
                        : "name the document field exactly as stored");
            }
            JsonNode rule = e.getValue();
            if (!rule.isObject()) {
                ctx.problems.error(file, here, shown(rule), "must be a field rule object",
                        "write {\"read\": true, \"write\": false}");
                return;
            }
            rule.fields().forEachRemaining(r -> {
                String k = r.getKey();
                if (k.equals("fields")) fields(r.getValue(), here + ".fields");
                else if (READ_WRITE.contains(k)) expression(r.getValue(), here + "." + k);
                else ctx.problems.error(file, here + "." + k, null, "is not a field permission",
                        "a field rule has " + String.join(", ", new TreeSet<>(FIELD_KEYS)));
            });
        });
    }

    private static String badFieldName(String name) {
        if (name.isEmpty()) return "it is empty";
        if (name.contains(".")) return "dots separate embedded fields, which go in a nested \"fields\"";
        if (name.startsWith("$") || name.startsWith("%")) return "it starts with " + name.charAt(0);
        if (name.indexOf('\0') >= 0) return "it holds a NUL character";
        return null;
    }

    // ---- filters

    /** The checked filters, {@code []} when absent. */
    ArrayNode filters(JsonNode filters) {
        ArrayNode out = ctx.files.emptyObject().arrayNode();
        if (filters == null) return out;
        if (!filters.isArray()) {
            ctx.problems.error(file, "filters", shown(filters), "must be an array of filters",
                    "write \"filters\": [{\"name\": \"<filter>\", \"apply_when\": {...}, \"query\": {...}}]");
            return out;
        }
        Map<String, String> names = new HashMap<>();
        Boolean inclusive = null;
        for (int i = 0; i < filters.size(); i++) {
            String at = "filters[" + i + "]";
            JsonNode filter = filters.get(i);
            if (!filter.isObject()) {
                ctx.problems.error(file, at, shown(filter), "must be a filter object",
                        "write {\"name\": \"<filter>\", \"apply_when\": {...}, \"query\": {...}, \"projection\": {}}");
                continue;
            }
            ObjectNode copy = ctx.files.emptyObject();
            name(filter.get("name"), at, "filter", names);
            for (Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                JsonNode v = e.getValue();
                String here = at + "." + key;
                if (!FILTER_KEYS.contains(key)) {
                    ctx.problems.error(file, here, null, "is not a filter field",
                            "a filter has name, apply_when, query and projection");
                    continue;
                }
                switch (key) {
                    case "apply_when" -> {
                        expression(v, here);
                        noDocumentExpansions(v, here, true);
                    }
                    case "query" -> object(v, here, "a MongoDB query such as {\"owner_id\": \"%%user.id\"}");
                    case "project" -> {
                        if (filter.has("projection")) {
                            ctx.problems.error(file, here, null, "is given beside \"projection\"",
                                    "keep only \"projection\"");
                            continue;
                        }
                        ctx.problems.warning(file, here, null, "is read as \"projection\", the name the filter "
                                + "reference uses", "rename it \"projection\"");
                        key = "projection";
                    }
                    default -> {
                    }
                }
                if (key.equals("projection") && object(v, here, "a projection such as {\"email\": 0}")) {
                    Boolean kind = projectionKind(v, here);
                    if (kind != null && inclusive != null && !kind.equals(inclusive)) {
                        ctx.problems.warning(file, here, shown(v), "includes fields where an earlier filter excludes "
                                + "them (or the reverse); a request both apply to fails",
                                "make every filter's projection of the same kind");
                    }
                    if (kind != null) inclusive = kind;
                }
                copy.set(key, v);
            }
            out.add(copy);
        }
        return out;
    }

    /** True for an including projection, false for an excluding one, null when empty or wrong. */
    private Boolean projectionKind(JsonNode projection, String at) {
        List<String> included = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = projection.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            boolean include;
            if (v.isBoolean()) include = v.booleanValue();
            else if (v.isNumber()) include = v.doubleValue() != 0;
            else {
                ctx.problems.error(file, at + "." + e.getKey(), shown(v), "is not a projection flag",
                        "write 1 to include the field or 0 to exclude it");
                return null;
            }
            // MongoDB lets an including projection exclude _id
            if (e.getKey().equals("_id") && !include) continue;
            (include ? included : excluded).add(e.getKey());
        }
        if (!included.isEmpty() && !excluded.isEmpty()) {
            ctx.problems.error(file, at, shown(projection), "mixes included fields (" + String.join(", ", included)
                            + ") with excluded ones (" + String.join(", ", excluded) + ")",
                    "make every field 1 (include) or every field 0 (exclude); only _id may be 0 in an including one");
            return null;
        }
        if (!included.isEmpty()) return true;
        return !excluded.isEmpty() || projection.has("_id") ? false : null;
    }

    /**
     * A filter's apply_when runs before any document is read: {@code %%root}, {@code %%prevRoot}, {@code %%this},
     * {@code %%prev}, and bare field names (which mean {@code %%root.<field>} in a rule) cannot work there.
     */
    private void noDocumentExpansions(JsonNode node, String at, boolean conditions) {
        if (node.isTextual()) {
            if (readsDocument(node.textValue())) documentExpansion(at, node.textValue());
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) noDocumentExpansions(node.get(i), at + "[" + i + "]", conditions);
            return;
        }
        if (!node.isObject()) return;
        node.fields().forEachRemaining(e -> {
            String key = e.getKey();
            String here = at + "." + key;
            if (readsDocument(key)) documentExpansion(here, key);
            else if (conditions && !key.startsWith("%") && !key.startsWith("$")) documentExpansion(here, key);
            boolean logical = key.equals("%and") || key.equals("%or") || key.equals("%nor")
                    || key.equals("$and") || key.equals("$or") || key.equals("$nor");
            noDocumentExpansions(e.getValue(), here, logical);
        });
    }

    private static boolean readsDocument(String text) {
        if (!text.startsWith("%%")) return false;
        int dot = text.indexOf('.');
        return DOCUMENT_EXPANSIONS.contains(dot < 0 ? text.substring(2) : text.substring(2, dot));
    }

    private void documentExpansion(String at, String what) {
        ctx.problems.error(file, at, what, "reads the document, but a filter's apply_when is evaluated before any "
                        + "document is read (bare field names mean %%root.<field>)",
                "test only %%user, %%request, %%values, %%environment or %function here, and put conditions on "
                        + "documents into the filter's query");
    }

    // ---- shared

    /** A name: a string of 1 to 100 characters, unique among its siblings. */
    private void name(JsonNode name, String at, String what, Map<String, String> seen) {
        if (name == null || !name.isTextual() || name.textValue().isEmpty()) {
            ctx.problems.error(file, at + ".name", shown(name), "is missing or not a string: every " + what
                    + " needs a name", "add \"name\": \"<" + what + " name>\"");
            return;
        }
        String n = name.textValue();
        if (n.length() > MAX_NAME) {
            ctx.problems.error(file, at + ".name", n.substring(0, 40) + "...", "is " + n.length()
                    + " characters long", "shorten it to at most " + MAX_NAME + " characters");
        }
        String first = seen.putIfAbsent(n, at);
        if (first != null) {
            ctx.problems.error(file, at + ".name", n, "is also the name of " + first,
                    "give each " + what + " of the file a unique name");
        }
    }

    /** A rule expression: true, false or an object of conditions; parsed later with the function names. */
    private void expression(JsonNode value, String at) {
        if (value.isBoolean() || value.isObject()) {
            ctx.ruleExpression(value, file, at);
            return;
        }
        ctx.problems.error(file, at, shown(value), "must be true, false or an expression object",
                "write true, false or for example {\"owner_id\": \"%%user.id\"}");
    }

    private boolean object(JsonNode value, String at, String example) {
        if (value.isObject()) return true;
        ctx.problems.error(file, at, shown(value), "must be a JSON object", "write " + example);
        return false;
    }

    static String shown(JsonNode n) {
        if (n == null) return null;
        String s = n.isTextual() ? n.textValue() : n.toString();
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
