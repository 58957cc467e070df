package dev.hookstead.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A third-party service (http, github, twilio, aws, gcm) from {@code services/} or {@code http_endpoints/<svc>/}.
 *
 * @param secretConfig option name to secret name; secrets are resolved at run time, never at build time
 * @param rules        rule files by name, kept verbatim
 * @param source       export-relative path of the service's config.json
 */
@JsonPropertyOrder({"name", "type", "config", "secretConfig", "rules", "source"})
public record ServiceDef(
        String name,
        String type,
        JsonNode config,
        Map<String, String> secretConfig,
        Map<String, JsonNode> rules,
        String source) {

    public ServiceDef {
        secretConfig = Sorted.copy(secretConfig);
        rules = Sorted.copy(rules);
    }
}
