package dev.hookstead.build.export;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * stitch-cli's {@code secrets.json} holds secret values. None is copied into the build: the user is told which keys
 * it holds (never their values) and that they must be supplied at run time.
 */
final class StitchSecrets {

    static final String FILE = "secrets.json";

    private StitchSecrets() {
    }

    static void check(ExportContext ctx) {
        if (!ctx.files.isFile(ctx.path(FILE))) return;
        JsonNode json = ctx.files.readJson(ctx.path(FILE));
        if (json == null) return;
        List<String> keys = new ArrayList<>();
        collect(json, "", keys);
        ctx.problems.warning(FILE, null, null, "holds secret values (" + (keys.isEmpty() ? "none found"
                        : String.join(", ", keys)) + ") that are not copied into the build",
                "supply each secret at run time as hookstead.secret.<name>, where <name> is the secret name the "
                        + "service's or provider's secret_config gives it");
    }

    /** Dotted paths of the leaves: {@code services.<svc>.<option>}, {@code auth_providers.<provider>.<option>}. */
    private static void collect(JsonNode node, String path, List<String> out) {
        if (!node.isObject()) {
            out.add(path);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
        }
    }
}
