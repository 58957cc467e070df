package dev.hookstead.response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstead.pipeline.HookError;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@code {"error","error_code","link"}} with the error's status and {@code Content-Type: application/json}.
 * There is no hosted log viewer, so {@code link} is {@code hookstead.error.linkBase} followed by the invocation id,
 * which the server log line of the same request carries.
 */
public final class ErrorResponder {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String linkBase;

    public ErrorResponder(String linkBase) {
        this.linkBase = linkBase;
    }

    public String link(String invocationId) {
        return linkBase + invocationId;
    }

    public byte[] body(HookError error, String invocationId) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("error", error.getMessage());
        body.put("error_code", error.code().name());
        body.put("link", link(invocationId));
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Headers already set (such as {@code Allow}) are kept; an unwritten body is discarded. */
    public void write(HttpServletResponse response, HookError error, String invocationId) throws IOException {
        byte[] body = body(error, invocationId);
        response.resetBuffer();
        response.setStatus(error.status());
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
