package dev.hookstead.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import dev.hookstead.bson.Ejson;
import dev.hookstead.pipeline.ContextDocuments;
import dev.hookstead.manifest.DataSourceDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ValueDef;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.services.MongoFailure;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The MongoDB rules of every data source of an app, read once from the manifest's normalised form
 * (notes/rules-contract.md) into an immutable model, and the entry point that enforces them on an application user's
 * operation. A form it cannot read refuses start-up. Thread-safe.
 */
public final class Rules {

    /** Runs an app function for {@code %function} in a rule expression, as the caller. */
    @FunctionalInterface
    public interface Functions {
        BsonValue call(String name, List<BsonValue> args, Caller caller);
    }

    private static final String DEFAULT_RULE = "default_rule";
    private static final String DATA_FEDERATION = "datalake";

    private record Source(boolean systemOnly, Map<String, NamespaceRules> namespaces, List<Role> defaultRoles,
                          List<QueryFilter> defaultFilters) {
    }

    private final Map<String, Source> sources;
    private final BsonDocument values;
    private final BsonDocument environment;
    private final Functions functions;

    private Rules(Map<String, Source> sources, BsonDocument values, BsonDocument environment, Functions functions) {
        this.sources = sources;
        this.values = values;
        this.environment = environment;
        this.functions = functions;
    }

    /**
     * @param secrets   secret name to its value, for {@code %%values} backed by secrets
     * @param functions runs {@code %function}
     * @throws IllegalArgumentException naming the data source, namespace and field of the first unreadable rule
     */
    public static Rules of(Manifest manifest, Function<String, String> secrets, Functions functions) {
        Map<String, Source> sources = new HashMap<>();
        for (DataSourceDef source : manifest.dataSources()) {
            String where = "data source '" + source.name() + "' rules";
            sources.put(source.name(), source(source, where));
        }
        return new Rules(Collections.unmodifiableMap(sources), values(manifest, secrets), environment(manifest),
                functions);
    }

    private static Source source(DataSourceDef def, String where) {
        Map<String, JsonNode> rules = def.rules();
        List<Role> defaultRoles = null;
        List<QueryFilter> defaultFilters = List.of();
        JsonNode defaults = rules.get(DEFAULT_RULE);
        if (defaults != null) {
            RuleJson.onlyKeys(defaults, Set.of("roles", "filters"), where + " " + DEFAULT_RULE);
            defaultRoles = roles(defaults.get("roles"), where + " " + DEFAULT_RULE + ".roles");
            defaultFilters = filters(defaults.get("filters"), where + " " + DEFAULT_RULE + ".filters");
            if (defaultRoles == null) {
                throw new IllegalArgumentException(where + " " + DEFAULT_RULE + " has no roles array");
            }
        }
        Map<String, NamespaceRules> namespaces = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : rules.entrySet()) {
            if (e.getKey().equals(DEFAULT_RULE)) continue;
            String at = where + " '" + e.getKey() + "'";
            JsonNode node = e.getValue();
            RuleJson.onlyKeys(node, Set.of("database", "collection", "roles", "filters", "schema", "relationships"), at);
            String namespace = RuleJson.text(node, "database", at) + "." + RuleJson.text(node, "collection", at);
            if (!namespace.equals(e.getKey())) {
                throw new IllegalArgumentException(at + " is keyed '" + e.getKey() + "' but names " + namespace);
            }
            List<Role> roles = roles(node.get("roles"), at + ".roles");
            Schema schema = Schema.parse(node.get("schema"), at + ".schema");
            List<QueryFilter> filters = filters(node.get("filters"), at + ".filters");
            if (roles == null && defaultRoles == null) {
                namespaces.put(namespace, null); // schema only, no default rule: no rule applies
            } else if (roles == null) {
                namespaces.put(namespace, new NamespaceRules(namespace, defaultRoles, defaultFilters, schema));
            } else {
                namespaces.put(namespace, new NamespaceRules(namespace, roles, filters, schema));
            }
        }
        Source result = new Source(DATA_FEDERATION.equals(def.type()), new HashMap<>(namespaces), defaultRoles,
                defaultFilters);
        return result;
    }

    private static List<Role> roles(JsonNode node, String where) {
        if (node == null || node.isNull()) return null;
        if (!node.isArray()) throw new IllegalArgumentException(where + " is " + RuleJson.describe(node) + "; expected an array");
        List<Role> roles = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) roles.add(Role.parse(node.get(i), where + "[" + i + "]"));
        return List.copyOf(roles);
    }

    private static List<QueryFilter> filters(JsonNode node, String where) {
        if (node == null || node.isNull()) return List.of();
        if (!node.isArray()) throw new IllegalArgumentException(where + " is " + RuleJson.describe(node) + "; expected an array");
        List<QueryFilter> filters = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) filters.add(QueryFilter.parse(node.get(i), where + "[" + i + "]"));
        return List.copyOf(filters);
    }

    private static BsonDocument values(Manifest manifest, Function<String, String> secrets) {
        BsonDocument values = new BsonDocument();
        for (ValueDef value : manifest.values()) {
            if (value.fromSecret()) {
                String secret = value.secretName() == null ? null : secrets.apply(value.secretName());
                if (secret != null) values.put(value.name(), new BsonString(secret));
            } else if (value.value() != null) {
                values.put(value.name(), Ejson.parse("{\"v\":" + value.value() + "}").asDocument().get("v"));
            }
        }
        return values;
    }

    private static BsonDocument environment(Manifest manifest) {
        String tag = manifest.app() == null ? "" : manifest.app().environment();
        JsonNode config = manifest.environments().get(tag);
        JsonNode values = config == null ? null : config.get("values");
        return ContextDocuments.environment(tag, values == null || !values.isObject() ? new BsonDocument()
                : BsonDocument.parse(values.toString()));
    }

    /**
     * The rules of a namespace for an application user.
     *
     * @throws MongoFailure NoMatchingRuleFound when no rule exists for it, or the source is System-only
     */
    NamespaceRules namespace(String service, String database, String collection) {
        String namespace = database + "." + collection;
        Source source = sources.get(service);
        if (source == null || source.systemOnly()) {
            throw new MongoFailure(ErrorCode.NoMatchingRuleFound, "no rule exists for namespace '" + namespace
                    + "'" + (source == null ? "" : ": Data Federation sources are for System functions only"), null);
        }
        if (source.namespaces().containsKey(namespace)) {
            NamespaceRules rules = source.namespaces().get(namespace);
            if (rules == null) throw Denials.noRule(namespace);
            return rules;
        }
        if (source.defaultRoles() == null) throw Denials.noRule(namespace);
        return new NamespaceRules(namespace, source.defaultRoles(), source.defaultFilters(), null);
    }

    /**
     * Runs {@code collection.<method>(...args)} for an application user under the namespace's rules.
     *
     * @throws MongoFailure for a refused operation, with the platform's text and code
     */
    public BsonValue enforce(MongoCollection<BsonDocument> collection, String service, String database,
                             String collectionName, String method, BsonArray args, Caller caller) {
        NamespaceRules rules = namespace(service, database, collectionName);
        RuleContext ctx = new RuleContext(caller, ContextDocuments.user(caller.user()),
                caller.request() == null ? null : ContextDocuments.request(caller.request()), values, environment,
                functions);
        return new GuardedOperations(collection, rules, ctx).run(method, args);
    }
}
