package dev.hookstead.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * An auth provider. {@code secretConfig} maps option names to secret names, or to lists of them
 * ({@code signingKeys}); values are never resolved at build time.
 */
@JsonPropertyOrder({"name", "type", "disabled", "config", "secretConfig", "metadataFields", "source"})
public record AuthProviderDef(
        String name,
        String type,
        boolean disabled,
        JsonNode config,
        JsonNode secretConfig,
        List<JsonNode> metadataFields,
        String source) {

    public AuthProviderDef {
        metadataFields = metadataFields == null ? List.of() : List.copyOf(metadataFields);
    }
}
