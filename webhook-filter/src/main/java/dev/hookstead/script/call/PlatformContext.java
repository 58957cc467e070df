package dev.hookstead.script.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstead.manifest.AppInfo;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ValueDef;
import dev.hookstead.script.ContextContributor;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

import java.util.List;
import java.util.function.Function;

/**
 * The built-in members of {@code context} (spec 3.4): {@code values}, {@code environment} and {@code app} from the
 * manifest; {@code services}, {@code http} and {@code functions} from the global's platform scripts.
 */
public final class PlatformContext {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlatformContext() {
    }

    public static List<ContextContributor> contributors(Manifest manifest, Function<String, String> secrets) {
        return List.of(
                contributor("values", scope -> {
                    ScriptObjectMirror values = scope.newObject();
                    values.setMember("get", scope.function("get", args -> value(manifest, secrets, scope, args)));
                    return values;
                }),
                contributor("environment", scope -> scope.json(environment(manifest).toString())),
                contributor("app", scope -> scope.json(app(manifest.app()).toString())),
                contributor("services", scope -> scope.platformMember("services")),
                contributor("http", scope -> scope.platformMember("http")),
                contributor("functions", scope -> scope.platformMember("functions")));
    }

    /** {@code context.values.get(name)}: the JSON value, the secret's text, or undefined. */
    private static Object value(Manifest manifest, Function<String, String> secrets, CallScope scope, List<Object> args) {
        String name = args.isEmpty() ? null : String.valueOf(args.get(0));
        for (ValueDef def : manifest.values()) {
            if (!def.name().equals(name)) continue;
            if (def.fromSecret()) {
                String secret = def.secretName() == null ? null : secrets.apply(def.secretName());
                return secret == null ? scope.undefined() : secret;
            }
            return def.value() == null ? null : scope.json(def.value().toString());
        }
        return scope.undefined();
    }

    private static ObjectNode environment(Manifest manifest) {
        String tag = manifest.app() == null ? "" : manifest.app().environment();
        ObjectNode env = JSON.createObjectNode();
        env.put("tag", tag);
        JsonNode config = manifest.environments().get(tag);
        JsonNode values = config == null ? null : config.get("values");
        env.set("values", values == null ? JSON.createObjectNode() : values);
        return env;
    }

    private static ObjectNode app(AppInfo app) {
        ObjectNode node = JSON.createObjectNode();
        if (app == null) return node;
        node.put("id", app.appId());
        node.put("clientAppId", app.clientAppId());
        node.put("name", app.name());
        ObjectNode deployment = node.putObject("deployment");
        deployment.put("model", app.deploymentModel());
        deployment.put("providerRegion", app.providerRegion());
        return node;
    }

    private interface Builder {
        Object create(CallScope scope) throws Exception;
    }

    private static ContextContributor contributor(String name, Builder builder) {
        return new ContextContributor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Object create(CallScope scope) throws Exception {
                return builder.create(scope);
            }
        };
    }
}
