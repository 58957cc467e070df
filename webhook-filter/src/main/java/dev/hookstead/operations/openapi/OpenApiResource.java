package dev.hookstead.operations.openapi;

import dev.hookstead.manifest.Manifest;
import dev.hookstead.operations.endpoint.OperationsEndpoint;
import dev.hookstead.operations.endpoint.Responses;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

/** Serves the OpenAPI document the Maven plugin put beside the manifest, read once at start-up. */
public final class OpenApiResource {

    public static final String PATH = Manifest.WAR_FOLDER + "openapi.json";

    private OpenApiResource() {
    }

    /** @throws IllegalArgumentException when the WAR carries no document */
    public static OperationsEndpoint of(Function<String, InputStream> resources) {
        byte[] document;
        try (InputStream in = resources.apply(PATH)) {
            if (in == null) {
                throw new IllegalArgumentException("hookstead.openapi.enabled is true but the WAR has no " + PATH
                        + "; build the WAR with this version of webhook-maven-plugin (its compile goal writes it)");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PATH, e);
        }
        return (request, response, subPath) -> {
            if (!Responses.readOnly(request, response)) return;
            response.setStatus(200);
            response.setContentType("application/json");
            response.setContentLength(document.length);
            response.getOutputStream().write(document);
        };
    }
}
