package dev.hookstead.clientapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstead.request.ClientAddress;
import dev.hookstead.request.RequestReader;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.HttpRequestData;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Request and response plumbing shared by the client API routes. */
final class ClientHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Bodies of the auth routes are small; function calls have their own limit. */
    static final int MAX_AUTH_BODY = 64 * 1024;

    private ClientHttp() {
    }

    static void requireMethod(HttpServletRequest request, HttpServletResponse response, String... methods) {
        if (!List.of(methods).contains(request.getMethod())) {
            response.setHeader("Allow", String.join(", ", methods));
            throw new HookError(ErrorCode.MethodNotAllowed, "use " + String.join(" or ", methods) + " for this route");
        }
    }

    /** The token of {@code Authorization: Bearer <token>}; 401 InvalidSession without one. */
    static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            throw new HookError(ErrorCode.InvalidSession, "invalid session: a Bearer token is required");
        }
        return header.substring(7).trim();
    }

    static byte[] read(HttpServletRequest request, long max) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new HookError(ErrorCode.ReadSizeLimitExceeded, "the request body may not exceed " + max + " bytes");
            }
            return bytes;
        }
    }

    /** The body as a JSON object; 400 InvalidParameter for anything else. */
    static JsonNode jsonObject(HttpServletRequest request) throws IOException {
        byte[] bytes = read(request, MAX_AUTH_BODY);
        try {
            JsonNode node = bytes.length == 0 ? null : JSON.readTree(bytes);
            if (node != null && node.isObject()) return node;
        } catch (IOException e) {
            // answered below
        }
        throw new HookError(ErrorCode.InvalidParameter, "the request body must be a JSON object");
    }

    /** A non-blank string field, or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }

    /** A required string field; 400 MissingParameter naming it when absent. */
    static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) throw new HookError(ErrorCode.MissingParameter, "expected a string field '" + field + "'");
        return value;
    }

    static void write(HttpServletResponse response, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** {@code context.request} of a client API call, with {@code action} naming what it runs. */
    static HttpRequestData requestData(HttpServletRequest request, byte[] body, String action,
                                       ClientAddress clientAddress) {
        Map<String, List<String>> headers = RequestReader.headers(request);
        String remote = clientAddress.resolve(request.getRemoteAddr(), headers.getOrDefault("X-Forwarded-For", List.of()));
        return new HttpRequestData(request.getMethod(), headers, Map.of(), "", body, remote,
                request.getRequestURL().toString(), null, action);
    }
}
