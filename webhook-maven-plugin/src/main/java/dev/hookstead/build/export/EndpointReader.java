package dev.hookstead.build.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.ValidationMethod;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** HTTPS endpoints from {@code http_endpoints/config.json} or {@code https_endpoints/config.json} (realm-behaviour 1.9). */
final class EndpointReader {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "*");
    private static final Set<String> FIELDS = Set.of("route", "http_method", "function_name", "function_id",
            "validation_method", "verification_method", "secret_name", "secret_id", "respond_result",
            "fetch_custom_user_data", "create_user_on_auth", "disabled", "return_type", "can_evaluate");

    /** Where an endpoint was declared, for the checks that need every function first. */
    record Declared(EndpointDef endpoint, String file, String at) {
    }

    private final ExportContext ctx;
    final List<Declared> endpoints = new ArrayList<>();
    private final Map<String, String> routes = new HashMap<>();

    EndpointReader(ExportContext ctx) {
        this.ctx = ctx;
    }

    void readAll() {
        for (String dir : List.of("http_endpoints", "https_endpoints")) {
            String file = dir + "/config.json";
            if (ctx.files.isFile(ctx.path(file))) read(file);
        }
    }

    private void read(String file) {
        JsonNode json = ctx.files.readJson(ctx.path(file));
        if (json == null) return;
        if (!json.isArray()) {
            ctx.problems.error(file, null, null, "must hold a JSON array of endpoints",
                    "write [ {\"route\": \"/hello\", \"http_method\": \"GET\", \"function_name\": \"hello\"}, ... ]");
            return;
        }
        for (int i = 0; i < json.size(); i++) {
            String at = "[" + i + "]";
            JsonNode entry = json.get(i);
            if (!entry.isObject()) {
                ctx.problems.error(file, at, entry.toString(), "is not an endpoint", "write an endpoint object");
                continue;
            }
            EndpointDef endpoint = endpoint(new ConfigNode(entry, file, at + ".", ctx.problems));
            if (endpoint != null) endpoints.add(new Declared(endpoint, file, at));
        }
    }

    private EndpointDef endpoint(ConfigNode cfg) {
        cfg.warnUnknown(FIELDS, "endpoint");
        String route = cfg.text("route");
        if (route == null) {
            cfg.problems().error(cfg.file(), cfg.path("route"), null, "is missing", "set \"route\": \"/my/route\"");
        } else if (!route.startsWith("/")) {
            cfg.problems().error(cfg.file(), cfg.path("route"), route, "does not start with /",
                    "write \"/" + route + "\"");
        }
        String method = method(cfg);
        if (route != null && method != null) {
            String key = method + " " + route;
            String first = routes.putIfAbsent(key, cfg.file() + " " + cfg.path("route"));
            if (first != null) {
                cfg.problems().error(cfg.file(), cfg.path("route"), route, "already has a " + method
                        + " endpoint, declared at " + first, "keep one endpoint per route and method");
            }
        }
        String functionName = cfg.text("function_name");
        if (functionName == null) {
            cfg.problems().error(cfg.file(), cfg.path("function_name"), null, "is missing",
                    "set \"function_name\" to the function this endpoint calls");
        }

        String validationField = "validation_method";
        if (!cfg.has(validationField) && cfg.has("verification_method")) {
            validationField = "verification_method";
            cfg.problems().warning(cfg.file(), cfg.path(validationField), null,
                    "is a misspelling of validation_method (as on one docs page); it is read as validation_method",
                    "rename the field to validation_method");
        }
        String validationText = cfg.text(validationField);
        ValidationMethod validation = validationText == null ? ValidationMethod.NO_VALIDATION
                : Validation.parse(validationText, cfg.file(), cfg.path(validationField), cfg.problems());
        String secretName = cfg.nonBlank("secret_name");
        if (validation != ValidationMethod.NO_VALIDATION && secretName == null) {
            cfg.problems().error(cfg.file(), cfg.path("secret_name"), null, "is missing, but " + validationField
                    + " is " + validation + " and needs it", "set \"secret_name\" to the name of the secret that "
                    + "holds the key (supply it at run time as hookstead.secret.<name>)");
        }

        String returnType = cfg.text("return_type");
        if (returnType != null && !returnType.equals("JSON") && !returnType.equals("EJSON")) {
            cfg.problems().error(cfg.file(), cfg.path("return_type"), returnType, "is not a return type",
                    "use \"JSON\" or \"EJSON\", or remove the field");
            returnType = null;
        }
        JsonNode canEvaluate = CanEvaluateCheck.normalise(cfg.get("can_evaluate"));
        ctx.expression(canEvaluate, cfg.file(), cfg.path("can_evaluate"));
        if (route == null || method == null || functionName == null) return null;
        return new EndpointDef(route, method, functionName, validation, secretName, cfg.bool("respond_result", false),
                cfg.bool("fetch_custom_user_data", false), cfg.bool("create_user_on_auth", false),
                cfg.bool("disabled", false), returnType, canEvaluate, cfg.file());
    }

    /** GET, POST, PUT, PATCH or DELETE; "*" and "ANY" become ANY. Lower case is accepted with a warning. */
    private String method(ConfigNode cfg) {
        String method = cfg.text("http_method");
        if (method == null) {
            cfg.problems().error(cfg.file(), cfg.path("http_method"), null, "is missing",
                    "set \"http_method\" to one of " + String.join(", ", METHODS));
            return null;
        }
        String upper = method.toUpperCase(Locale.ROOT);
        if (upper.equals("*") || upper.equals("ANY")) return "ANY";
        if (!METHODS.contains(upper)) {
            cfg.problems().error(cfg.file(), cfg.path("http_method"), method, "is not a valid endpoint HTTP method",
                    "use one of " + String.join(", ", METHODS));
            return null;
        }
        if (!upper.equals(method)) {
            cfg.problems().warning(cfg.file(), cfg.path("http_method"), method, "is not upper case; " + upper
                    + " is used", "write \"" + upper + "\"");
        }
        return upper;
    }
}
