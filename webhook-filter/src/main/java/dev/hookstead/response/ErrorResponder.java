package dev.hookstead.response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@code {"error","error_code","link"}} with the error's status and {@code Content-Type: application/json}.
 * There is no hosted log viewer, so {@code link} is {@code hookstead.error.linkBase} followed by the invocation id,
 * which the server log line of the same request carries.
 */
public final class ErrorResponder {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A request's answer, written by itself, or an exception. */
    public interface Answer {
        void write() throws IOException;
    }

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

    /**
     * Runs {@code answer} for a request outside the pipeline (the client API): a {@link HookError} becomes its error
     * response, any other failure a 500 whose details only the server log gets.
     */
    public void answering(HttpServletResponse response, String path, String invocationId, Answer answer) {
        try {
            answer.write();
        } catch (HookError e) {
            if (e.status() >= 500) LOG.error("invocation={} {} failed: {}", invocationId, path, e.getMessage());
            writeUncommitted(response, e, invocationId);
        } catch (IOException | RuntimeException e) {
            LOG.error("invocation={} {} failed unexpectedly", invocationId, path, e);
            writeUncommitted(response, new HookError(ErrorCode.InternalServerError,
                    "internal server error; the server log has the details"), invocationId);
        }
    }

    private void writeUncommitted(HttpServletResponse response, HookError error, String invocationId) {
        if (response.isCommitted()) return;
        try {
            write(response, error, invocationId);
        } catch (IOException e) {
            LOG.warn("invocation={}: cannot send the error response: {}", invocationId, e.toString());
        }
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
