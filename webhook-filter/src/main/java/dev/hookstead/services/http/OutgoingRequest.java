package dev.hookstead.services.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * One request as {@code http-client.js} describes it (a JSON object it has already checked for types), turned into
 * what {@link java.net.http.HttpRequest} needs. Credentials in the URL or in {@code username}/{@code password} become
 * basic authentication, as Go's client did.
 */
record OutgoingRequest(String action, String method, URI uri, Map<String, List<String>> headers, byte[] body,
                       boolean followRedirects) {

    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    static OutgoingRequest of(JsonNode spec) {
        String method = spec.path("method").asText();
        String action = "context.http." + method.toLowerCase(Locale.ROOT);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            if (RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(action + ": header '" + header.getKey()
                        + "' is set by the HTTP client and cannot be given; remove it from headers");
            }
            List<String> values = new ArrayList<>();
            header.getValue().forEach(v -> values.add(v.asText()));
            headers.put(header.getKey(), values);
        }
        URI uri = uri(action, spec, headers);
        cookies(spec.path("cookies"), headers);
        byte[] body = body(spec, headers);
        return new OutgoingRequest(action, method, uri, headers, body, spec.path("followRedirects").asBoolean());
    }

    private static URI uri(String action, JsonNode spec, Map<String, List<String>> headers) {
        URI uri;
        String userInfo;
        if (spec.hasNonNull("url")) {
            String url = spec.get("url").asText();
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(action + ": url '" + url + "' is not a valid URL ("
                        + e.getReason() + ")");
            }
            userInfo = uri.getRawUserInfo() == null ? null : decode(uri.getRawUserInfo());
        } else {
            uri = fromParts(action, spec);
            userInfo = spec.hasNonNull("username")
                    ? spec.get("username").asText() + ":" + spec.path("password").asText("") : null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(action + ": URL scheme '" + scheme + "' is not supported; use http or"
                    + " https");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(action + ": URL '" + uri + "' has no host");
        }
        if (userInfo != null && headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Authorization"))) {
            headers.put("Authorization", List.of("Basic " + Base64.getEncoder()
                    .encodeToString(userInfo.getBytes(StandardCharsets.UTF_8))));
        }
        // the fragment never goes on the wire, and the credentials went into Authorization
        String authority = uri.getRawAuthority();
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(scheme + "://" + authority + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /** {scheme (default https), host (may carry :port), path, query {k:[v]}, fragment}. */
    private static URI fromParts(String action, JsonNode spec) {
        if (!spec.hasNonNull("host")) {
            throw new IllegalArgumentException(action + ": pass url, or host (with optional scheme, path and query)");
        }
        String host = spec.get("host").asText();
        String scheme = spec.path("scheme").asText("https");
        String path = spec.path("path").asText("");
        try {
            URI base = new URI(scheme + "://" + host);
            URI withPath = new URI(scheme, null, base.getHost(), base.getPort(),
                    path.isEmpty() || path.startsWith("/") ? path : "/" + path, null, null);
            StringJoiner query = new StringJoiner("&");
            for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("query").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> parameter = it.next();
                parameter.getValue().forEach(v -> query.add(encode(parameter.getKey()) + "=" + encode(v.asText())));
            }
            return URI.create(withPath.toASCIIString() + (query.length() == 0 ? "" : "?" + query));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(action + ": host '" + host + "' and path '" + path
                    + "' do not make a valid URL (" + e.getReason() + ")");
        }
    }

    private static void cookies(JsonNode cookies, Map<String, List<String>> headers) {
        StringJoiner cookie = new StringJoiner("; ");
        cookies.fields().forEachRemaining(c -> cookie.add(c.getKey() + "=" + c.getValue().asText()));
        if (cookie.length() > 0) {
            headers.computeIfAbsent("Cookie", k -> new ArrayList<>()).add(cookie.toString());
        }
    }

    private static byte[] body(JsonNode spec, Map<String, List<String>> headers) {
        if (spec.has("form")) {
            StringJoiner form = new StringJoiner("&");
            spec.get("form").fields().forEachRemaining(f -> form.add(encode(f.getKey()) + "="
                    + encode(f.getValue().asText())));
            defaultContentType(headers, "application/x-www-form-urlencoded");
            return form.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (spec.has("bodyText")) {
            if (spec.path("json").asBoolean()) {
                defaultContentType(headers, "application/json");
            }
            return spec.get("bodyText").asText().getBytes(StandardCharsets.UTF_8);
        }
        if (spec.has("bodyBase64")) {
            return Base64.getDecoder().decode(spec.get("bodyBase64").asText());
        }
        return null;
    }

    private static void defaultContentType(Map<String, List<String>> headers, String type) {
        if (headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Content-Type"))) {
            headers.put("Content-Type", List.of(type));
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
