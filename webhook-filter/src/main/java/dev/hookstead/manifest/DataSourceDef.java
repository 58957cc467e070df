package dev.hookstead.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A MongoDB data source ({@code data_sources/} or a v1 {@code mongodb-atlas} service). Rules are in the build's
 * normalised form, the same for every export generation, keyed by {@code db.collection} or {@code default_rule}
 * (docs/manifest.md, "Rules").
 */
@JsonPropertyOrder({"name", "type", "config", "rules", "source"})
public record DataSourceDef(String name, String type, JsonNode config, Map<String, JsonNode> rules, String source) {

    public DataSourceDef {
        rules = Sorted.copy(rules);
    }
}
