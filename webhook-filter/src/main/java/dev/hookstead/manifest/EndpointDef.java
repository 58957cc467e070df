package dev.hookstead.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An HTTPS endpoint from {@code http_endpoints/config.json}. Run-as and can_evaluate come from the called function;
 * an entry's own {@code canEvaluate} is honoured too.
 *
 * @param httpMethod GET, POST, PUT, PATCH, DELETE or ANY (the export's "*")
 * @param returnType "JSON", "EJSON", or null when the export omits it
 */
@JsonPropertyOrder({"route", "httpMethod", "functionName", "validationMethod", "secretName", "respondResult",
        "fetchCustomUserData", "createUserOnAuth", "disabled", "returnType", "canEvaluate", "source"})
public record EndpointDef(
        String route,
        String httpMethod,
        String functionName,
        ValidationMethod validationMethod,
        String secretName,
        boolean respondResult,
        boolean fetchCustomUserData,
        boolean createUserOnAuth,
        boolean disabled,
        String returnType,
        JsonNode canEvaluate,
        String source) {

    public EndpointDef {
        validationMethod = validationMethod == null ? ValidationMethod.NO_VALIDATION : validationMethod;
    }
}
