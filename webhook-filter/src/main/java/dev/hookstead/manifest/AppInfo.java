package dev.hookstead.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * Identity of the exported app. {@code clientAppId} is the id in callers' URLs ("myapp-abcde"), never the internal hex id.
 *
 * @param layout        which CLI produced the export
 * @param environment   active environment tag ("" when none)
 */
@JsonPropertyOrder({"clientAppId", "appId", "name", "layout", "configVersion", "deploymentModel", "location",
        "providerRegion", "environment", "allowedRequestOrigins"})
public record AppInfo(
        String clientAppId,
        String appId,
        String name,
        ExportLayout layout,
        long configVersion,
        String deploymentModel,
        String location,
        String providerRegion,
        String environment,
        List<String> allowedRequestOrigins) {

    public AppInfo {
        environment = environment == null ? "" : environment;
        allowedRequestOrigins = allowedRequestOrigins == null ? List.of() : List.copyOf(allowedRequestOrigins);
    }
}
