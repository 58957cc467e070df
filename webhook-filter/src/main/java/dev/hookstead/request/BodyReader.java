package dev.hookstead.request;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body within the size limit: a declared Content-Length over the limit is refused before reading,
 * and a chunked body is counted while reading, so no more than limit + 1 bytes are ever held.
 */
public final class BodyReader {

    private final long maxBytes;

    public BodyReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The body's bytes, or null when the request carries none (an empty body counts as none). */
    public byte[] read(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) throw tooLarge();
        if (declared == 0) return null;
        // HTTP/1.x frames a body by Content-Length or Transfer-Encoding only; without either there is none.
        if (declared < 0 && request.getHeader("Transfer-Encoding") == null && request.getProtocol().startsWith("HTTP/1.")) {
            return null;
        }
        // Without Content-Length the body may be chunked (HTTP/1.1) or framed (HTTP/2): read until the end.
        int cap = (int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8);
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(cap);
        }
        if (body.length > maxBytes) throw tooLarge();
        return body.length == 0 ? null : body;
    }

    private HookError tooLarge() {
        return new HookError(ErrorCode.ReadSizeLimitExceeded,
                "request body is larger than the limit of " + maxBytes + " bytes");
    }
}
