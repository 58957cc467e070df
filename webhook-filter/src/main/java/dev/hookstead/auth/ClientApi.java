package dev.hookstead.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstead.bson.Ejson;
import dev.hookstead.pipeline.AppUser;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.response.ErrorResponder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of the platform's client API the Realm SDKs use to log in:
 * <ul>
 *   <li>{@code POST /api/client/v2.0/app/<clientAppId>/auth/providers/<provider>/login} with {@code {username,
 *       password}}, {@code {key}} or {@code {token}} → 200 {@code {access_token, refresh_token, user_id, device_id}};</li>
 *   <li>{@code GET /api/client/v2.0/auth/profile} with {@code Authorization: Bearer <access token>} → the user;</li>
 *   <li>{@code POST /api/client/v2.0/auth/session} with {@code Authorization: Bearer <refresh token>} → 201
 *       {@code {access_token}}; {@code DELETE} there → 204, logs that refresh token out.</li>
 * </ul>
 */
public final class ClientApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOGIN = Pattern.compile("/api/client/v2\\.0/app/([^/]+)/auth/providers/([^/]+)/login/?");
    private static final String PREFIX = "/api/client/v2.0/";
    static final String PROFILE = "/api/client/v2.0/auth/profile";
    static final String SESSION = "/api/client/v2.0/auth/session";
    private static final int MAX_BODY = 64 * 1024;

    private final ApplicationAuth auth;
    private final String clientAppId;
    private final boolean enabled;
    private final ErrorResponder errors;

    /**
     * @param clientAppId the app id login URLs must carry, or null to accept any
     * @param enabled     whether the app has auth providers; without them no path is owned
     */
    public ClientApi(ApplicationAuth auth, String clientAppId, boolean enabled, ErrorResponder errors) {
        this.auth = auth;
        this.clientAppId = clientAppId == null || clientAppId.isBlank() ? null : clientAppId;
        this.enabled = enabled;
        this.errors = errors;
    }

    /** Whether this API answers {@code path}. */
    public boolean owns(String path) {
        if (!enabled || !path.startsWith(PREFIX)) return false;
        if (path.equals(PROFILE) || path.equals(SESSION) || path.equals(PROFILE + "/") || path.equals(SESSION + "/")) {
            return true;
        }
        if (!path.contains("/auth/providers/")) return false; // webhook and endpoint paths skip the regex
        Matcher login = LOGIN.matcher(path);
        return login.matches() && (clientAppId == null || clientAppId.equals(login.group(1)));
    }

    public void handle(HttpServletRequest request, HttpServletResponse response, String path, String invocationId) {
        errors.answering(response, path, invocationId, () -> {
            Matcher login = LOGIN.matcher(path);
            if (login.matches()) {
                requireMethod(request, response, "POST");
                ApplicationAuth.Session session = auth.login(login.group(2), body(request));
                ObjectNode out = JSON.createObjectNode();
                out.put("access_token", session.accessToken());
                out.put("refresh_token", session.refreshToken());
                out.put("user_id", session.userId());
                out.put("device_id", session.deviceId());
                write(response, 200, out);
            } else if (path.startsWith(PROFILE)) {
                requireMethod(request, response, "GET");
                write(response, 200, profile(auth.profile(bearer(request))));
            } else {
                requireMethod(request, response, "POST", "DELETE");
                if (request.getMethod().equals("DELETE")) {
                    auth.logout(bearer(request));
                    response.setStatus(204);
                } else {
                    ObjectNode out = JSON.createObjectNode();
                    out.put("access_token", auth.refresh(bearer(request)));
                    write(response, 201, out);
                }
            }
        });
    }

    private static void requireMethod(HttpServletRequest request, HttpServletResponse response, String... methods) {
        if (!List.of(methods).contains(request.getMethod())) {
            response.setHeader("Allow", String.join(", ", methods));
            throw new HookError(ErrorCode.MethodNotAllowed, "use " + String.join(" or ", methods) + " for this route");
        }
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new HookError(ErrorCode.InvalidSession, ApplicationAuth.BAD_TOKEN);
        }
        return header.substring(7).trim();
    }

    private static JsonNode body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new HookError(ErrorCode.ReadSizeLimitExceeded, "a login body may not exceed " + MAX_BODY + " bytes");
            }
            try {
                JsonNode node = bytes.length == 0 ? null : JSON.readTree(bytes);
                if (node == null || !node.isObject()) throw new IOException("not an object");
                return node;
            } catch (IOException e) {
                throw new HookError(ErrorCode.InvalidParameter, "the login body must be a JSON object");
            }
        }
    }

    private static ObjectNode profile(AppUser user) throws IOException {
        ObjectNode out = JSON.createObjectNode();
        out.put("user_id", user.id());
        out.put("type", user.type());
        out.set("data", JSON.readTree(Ejson.relaxed(user.data())));
        ArrayNode identities = out.putArray("identities");
        for (AppUser.Identity identity : user.identities()) {
            ObjectNode node = identities.addObject();
            node.put("id", identity.id());
            node.put("provider_type", identity.providerType());
            node.set("provider_data", JSON.readTree(Ejson.relaxed(identity.data())));
        }
        return out;
    }

    private static void write(HttpServletResponse response, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
