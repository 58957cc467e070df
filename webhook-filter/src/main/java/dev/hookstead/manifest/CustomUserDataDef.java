package dev.hookstead.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Where {@code context.user.custom_data} lives. */
@JsonPropertyOrder({"enabled", "serviceName", "databaseName", "collectionName", "userIdField",
        "onUserCreationFunctionName"})
public record CustomUserDataDef(
        boolean enabled,
        String serviceName,
        String databaseName,
        String collectionName,
        String userIdField,
        String onUserCreationFunctionName) {
}
