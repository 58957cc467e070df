package dev.hookstead.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.HttpRequestData;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds application credentials in a request: {@code Authorization: Bearer <access token>} first; otherwise the
 * fields {@code email} + {@code password}, {@code api-key} (or {@code apiKey}) or {@code jwtTokenString}, all in the
 * headers or all in a JSON object body. Blank values count as absent.
 */
public final class CredentialReader {

    static final String NONE = "no authentication methods were specified";
    static final String INCOMPLETE = "must specify some form of authentication (either email+password, api-key, or "
            + "jwt) in the request header or body";
    static final String BOTH_PLACES = "authentication credentials were sent in both the request headers and the body;"
            + " send them in one place only";
    static final String SEVERAL = "more than one authentication method was specified; send only one of "
            + "email+password, api-key or jwtTokenString";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("email", "password", "api-key", "apiKey", "jwtTokenString");

    private CredentialReader() {
    }

    /** @throws HookError 400 InvalidParameter or MissingParameter, with the platform's messages */
    public static Credentials read(HttpRequestData request) {
        String authorization = request.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Credentials(Credentials.Kind.BEARER, null, authorization.substring(7).trim());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String field : FIELDS) put(headers, field, request.header(field));
        Map<String, String> body = bodyFields(request.body());
        if (!headers.isEmpty() && !body.isEmpty()) throw new HookError(ErrorCode.InvalidParameter, BOTH_PLACES);
        Map<String, String> fields = headers.isEmpty() ? body : headers;
        if (fields.isEmpty()) throw new HookError(ErrorCode.InvalidParameter, NONE);

        boolean userPass = fields.containsKey("email") || fields.containsKey("password");
        String apiKey = fields.containsKey("api-key") ? fields.get("api-key") : fields.get("apiKey");
        String jwt = fields.get("jwtTokenString");
        int methods = (userPass ? 1 : 0) + (apiKey != null ? 1 : 0) + (jwt != null ? 1 : 0);
        if (methods > 1) throw new HookError(ErrorCode.InvalidParameter, SEVERAL);
        if (apiKey != null) return new Credentials(Credentials.Kind.API_KEY, null, apiKey);
        if (jwt != null) return new Credentials(Credentials.Kind.JWT, null, jwt);
        if (!fields.containsKey("email") || !fields.containsKey("password")) {
            throw new HookError(ErrorCode.MissingParameter, INCOMPLETE);
        }
        return new Credentials(Credentials.Kind.EMAIL_PASSWORD, fields.get("email"), fields.get("password"));
    }

    /** Credential fields of a JSON object body; none when the body is absent or not a JSON object. */
    private static Map<String, String> bodyFields(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.length == 0) return fields;
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return fields;
        }
        if (root == null || !root.isObject()) return fields;
        for (String field : FIELDS) {
            JsonNode value = root.get(field);
            if (value != null && value.isValueNode() && !value.isNull()) put(fields, field, value.asText());
        }
        return fields;
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isBlank()) fields.put(name, value);
    }
}
