package dev.hookstead.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ValueDef;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The app's values, their secrets and its environment, worked out in one place for {@code context.values} /
 * {@code context.environment} (scripts) and {@code %%values} / {@code %%environment} (expressions).
 * <ul>
 *   <li>A value is its JSON, or for {@code from_secret} the secret's text; a secret that is not defined leaves the
 *       value absent.</li>
 *   <li>The environment is {@code {tag, values}}: the app's environment tag and the {@code values} of
 *       {@code environments/<tag>.json}.</li>
 * </ul>
 */
public final class AppValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Manifest manifest;
    private final Function<String, String> secrets;

    /** @param secrets secret name to secret text, null for an unknown secret */
    public AppValues(Manifest manifest, Function<String, String> secrets) {
        this.manifest = manifest;
        this.secrets = secrets;
    }

    /** The value {@code name}: absent (null) when there is none or its secret is not defined. */
    public JsonNode value(String name) {
        for (ValueDef def : manifest.values()) {
            if (def.name().equals(name)) return resolve(def);
        }
        return null;
    }

    /** Every value that resolves, by name, in the manifest's order. */
    public Map<String, JsonNode> all() {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        for (ValueDef def : manifest.values()) {
            JsonNode value = resolve(def);
            if (value != null) all.put(def.name(), value);
        }
        return all;
    }

    public String tag() {
        return manifest.app() == null || manifest.app().environment() == null ? "" : manifest.app().environment();
    }

    /** {@code {tag, values}}. */
    public ObjectNode environment() {
        ObjectNode env = JSON.objectNode();
        env.put("tag", tag());
        JsonNode config = manifest.environments().get(tag());
        JsonNode values = config == null ? null : config.get("values");
        env.set("values", values == null || !values.isObject() ? JSON.objectNode() : values);
        return env;
    }

    private JsonNode resolve(ValueDef def) {
        if (def.fromSecret()) {
            String secret = def.secretName() == null ? null : secrets.apply(def.secretName());
            return secret == null ? null : TextNode.valueOf(secret);
        }
        return def.value() == null ? JSON.nullNode() : def.value();
    }
}
