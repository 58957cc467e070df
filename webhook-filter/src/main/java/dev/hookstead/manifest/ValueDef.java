package dev.hookstead.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An app value. With {@code fromSecret}, {@code value} is absent and {@code secretName} names the runtime secret.
 */
@JsonPropertyOrder({"name", "value", "fromSecret", "secretName", "private"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValueDef(String name, JsonNode value, boolean fromSecret, String secretName, Boolean isPrivate) {

    @com.fasterxml.jackson.annotation.JsonProperty("private")
    @Override
    public Boolean isPrivate() {
        return isPrivate;
    }
}
