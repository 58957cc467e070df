package dev.hookstead.build.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.build.problems.Problems;
import dev.hookstead.manifest.ExportLayout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** State shared by the readers of one export. */
final class ExportContext {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** A can_evaluate expression, checked once every function name is known. */
    record PendingExpression(JsonNode expression, String file, String field) {
    }

    final ExportFiles files;
    final Problems problems;
    final Scripts scripts = new Scripts();
    final ExportLayout layout;
    final List<PendingExpression> expressions = new ArrayList<>();
    /** Rule and schema expressions (roles, filters, validate), checked like can_evaluate. */
    final List<PendingExpression> ruleExpressions = new ArrayList<>();
    /** Service and data source names (one namespace: context.services.get) to the file that declared them. */
    final Map<String, String> serviceNames = new HashMap<>();
    /** Service ids from v1 exports to names, to resolve custom_user_data_config.mongo_service_id. */
    final Map<String, String> serviceIds = new HashMap<>();

    ExportContext(Path root, Problems problems, ExportLayout layout) {
        this.files = new ExportFiles(root, problems);
        this.problems = problems;
        this.layout = layout;
    }

    Path path(String relative) {
        return files.resolve(relative);
    }

    /**
     * The config object in {@code configFile}, or null when it does not parse or holds no object (the problem is
     * recorded then, with {@code fix} for the second case).
     */
    ConfigNode config(Path configFile, String fix) {
        String file = files.rel(configFile);
        JsonNode json = files.readJson(configFile);
        if (json == null) return null;
        if (!json.isObject()) {
            problems.error(file, null, null, "must hold a JSON object", fix);
            return null;
        }
        return ConfigNode.of(json, file, problems);
    }

    /**
     * The config's {@code name}, which should be its folder's: the folder's name (with a warning) when it has none, and
     * the config's (with a warning) when they differ.
     */
    String nameOrFolder(ConfigNode cfg, String file, String folder, String what) {
        String name = cfg.text("name");
        if (name == null) {
            problems.warning(file, "name", null, "is missing; the folder name \"" + folder + "\" is used",
                    "add \"name\": \"" + folder + "\"");
            return folder;
        }
        if (!name.equals(folder)) {
            problems.warning(file, "name", name, "differs from its folder \"" + folder + "\"; the name is used",
                    "rename the folder or the " + what + " so they match");
        }
        return name;
    }

    void expression(JsonNode expression, String file, String field) {
        if (expression != null) expressions.add(new PendingExpression(expression, file, field));
    }

    void ruleExpression(JsonNode expression, String file, String field) {
        if (expression != null) ruleExpressions.add(new PendingExpression(expression, file, field));
    }

    /** Service and webhook names appear in URLs: at most 64 of A-Z a-z 0-9 _ - (CFG-LEG). */
    void checkName(String file, String field, String name, String what) {
        if (!NAME.matcher(name).matches()) {
            problems.error(file, field, name, "is not a valid " + what + " name",
                    "use 1 to 64 characters from A-Z, a-z, 0-9, _ and -");
        }
    }

    /** Registers a service or data source name; a second one of the same name is an error. */
    void claimServiceName(String name, String file) {
        String first = serviceNames.putIfAbsent(name, file);
        if (first != null) {
            problems.error(file, "name", name, "is already the name of the service declared in " + first,
                    "give each service and data source a unique name");
        }
    }
}
