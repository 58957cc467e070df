package dev.hookstead.operations.endpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** What the operations paths share: JSON answers, method checks and bearer-token checks. */
public final class Responses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {
    }

    public static void json(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Answers 405 and returns false unless the method is GET or HEAD. */
    public static boolean readOnly(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) return true;
        response.setHeader("Allow", "GET, HEAD");
        json(response, 405, java.util.Map.of("error", "method not allowed: " + method));
        return false;
    }

    /** Whether the request carries {@code Authorization: Bearer <token>}, compared in constant time. */
    public static boolean bearer(HttpServletRequest request, String token) {
        String header = request.getHeader("Authorization");
        if (token == null || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        return MessageDigest.isEqual(digest(token), digest(header.substring(7).trim()));
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
