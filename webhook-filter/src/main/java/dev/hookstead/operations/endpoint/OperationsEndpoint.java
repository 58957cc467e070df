package dev.hookstead.operations.endpoint;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** One operations path: health, OpenAPI, the Prometheus scrape or the invocation log. */
@FunctionalInterface
public interface OperationsEndpoint {

    /** @param subPath what follows the endpoint's own path ("" for the path itself) */
    void serve(HttpServletRequest request, HttpServletResponse response, String subPath) throws IOException;
}
