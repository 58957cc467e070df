package dev.hookstead.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A named function ({@code functions/}); names may be slash paths such as {@code endpoint/hello/latest}.
 *
 * @param source export-relative path of the config that declared it
 */
@JsonPropertyOrder({"name", "private", "runAs", "canEvaluate", "disableArgLogs", "script", "source"})
public record FunctionDef(
        String name,
        boolean isPrivate,
        RunAs runAs,
        JsonNode canEvaluate,
        boolean disableArgLogs,
        ScriptRef script,
        String source) {

    public FunctionDef {
        runAs = runAs == null ? RunAs.SYSTEM : runAs;
    }

    @com.fasterxml.jackson.annotation.JsonProperty("private")
    @Override
    public boolean isPrivate() {
        return isPrivate;
    }
}
