package dev.hookstead.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The compiled app: what the Maven plugin writes under {@code WEB-INF/hookstead/} and the filter serves.
 * Every path inside is relative to the manifest's folder. See docs/manifest.md.
 */
@JsonPropertyOrder({"format", "formatVersion", "generator", "app", "prelude", "services", "webhooks", "endpoints",
        "functions", "values", "environments", "authProviders", "customUserData", "dataSources"})
public record Manifest(
        String format,
        int formatVersion,
        String generator,
        AppInfo app,
        String prelude,
        List<ServiceDef> services,
        List<WebhookDef> webhooks,
        List<EndpointDef> endpoints,
        List<FunctionDef> functions,
        List<ValueDef> values,
        Map<String, JsonNode> environments,
        List<AuthProviderDef> authProviders,
        CustomUserDataDef customUserData,
        List<DataSourceDef> dataSources) {

    public static final String FORMAT = "hookstead-manifest";
    /** Bump on any change a reader of an older version would misread. */
    public static final int FORMAT_VERSION = 1;
    /** Folder inside the WAR, and file name inside it. */
    public static final String WAR_FOLDER = "/WEB-INF/hookstead/";
    public static final String FILE_NAME = "manifest.json";

    public Manifest {
        services = List.copyOf(nullToEmpty(services));
        webhooks = List.copyOf(nullToEmpty(webhooks));
        endpoints = List.copyOf(nullToEmpty(endpoints));
        functions = List.copyOf(nullToEmpty(functions));
        values = List.copyOf(nullToEmpty(values));
        environments = Sorted.copy(environments);
        authProviders = List.copyOf(nullToEmpty(authProviders));
        dataSources = List.copyOf(nullToEmpty(dataSources));
    }

    public FunctionDef function(String name) {
        for (FunctionDef f : functions) {
            if (f.name().equals(name)) return f;
        }
        return null;
    }

    public ServiceDef service(String name) {
        for (ServiceDef s : services) {
            if (s.name().equals(name)) return s;
        }
        return null;
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
