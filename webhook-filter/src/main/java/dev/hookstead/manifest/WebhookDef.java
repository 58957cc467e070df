package dev.hookstead.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An incoming webhook of an http, github or twilio service.
 *
 * @param httpMethod  GET, POST, PUT, PATCH, DELETE, HEAD or ANY
 * @param secret      inline {@code options.secret} from the export, or null
 * @param secretName  name of a runtime secret (twilio's {@code auth_token}), or null
 * @param canEvaluate the expression as exported; null means always allowed
 * @param source      export-relative path of the webhook's config.json
 */
@JsonPropertyOrder({"service", "serviceType", "name", "httpMethod", "validationMethod", "secret", "secretName",
        "respondResult", "runAs", "canEvaluate", "disableArgLogs", "fetchCustomUserData", "createUserOnAuth",
        "script", "source"})
public record WebhookDef(
        String service,
        String serviceType,
        String name,
        String httpMethod,
        ValidationMethod validationMethod,
        String secret,
        String secretName,
        boolean respondResult,
        RunAs runAs,
        JsonNode canEvaluate,
        boolean disableArgLogs,
        boolean fetchCustomUserData,
        boolean createUserOnAuth,
        ScriptRef script,
        String source) {

    public WebhookDef {
        validationMethod = validationMethod == null ? ValidationMethod.NO_VALIDATION : validationMethod;
        runAs = runAs == null ? RunAs.SYSTEM : runAs;
    }
}
