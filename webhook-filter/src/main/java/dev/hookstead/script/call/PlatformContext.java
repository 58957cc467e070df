package dev.hookstead.script.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstead.config.AppValues;
import dev.hookstead.manifest.AppInfo;
import dev.hookstead.manifest.Manifest;
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
        AppValues values = new AppValues(manifest, secrets);
        return List.of(
                contributor("values", scope -> {
                    ScriptObjectMirror object = scope.newObject();
                    object.setMember("get", scope.function("get", args -> value(values, scope, args)));
                    return object;
                }),
                contributor("environment", scope -> scope.json(values.environment().toString())),
                contributor("app", scope -> scope.json(app(manifest.app()).toString())),
                contributor("services", scope -> scope.platformMember("services")),
                contributor("http", scope -> scope.platformMember("http")),
                contributor("functions", scope -> scope.platformMember("functions")));
    }

    /** {@code context.values.get(name)}: the JSON value, the secret's text, or undefined. */
    private static Object value(AppValues values, CallScope scope, List<Object> args) {
        JsonNode value = values.value(args.isEmpty() ? null : String.valueOf(args.get(0)));
        if (value == null) return scope.undefined();
        if (value.isNull()) return null;
        return value.isTextual() ? value.textValue() : scope.json(value.toString());
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
