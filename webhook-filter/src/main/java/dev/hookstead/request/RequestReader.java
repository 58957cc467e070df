package dev.hookstead.request;

import dev.hookstead.pipeline.HttpRequestData;
import dev.hookstead.pipeline.Target;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the {@link HttpRequestData} a function sees from the servlet request. Never calls
 * {@code getParameter}, so the container does not consume form bodies.
 * <ul>
 *   <li>{@code headers}: canonical names ({@link HeaderNames}), all values in arrival order.</li>
 *   <li>{@code query}: first value per key, decoded; fields of an {@code application/x-www-form-urlencoded} body
 *       are merged in and win over URL values, as in Go's {@code Request.Form} (a Slack-style webhook reads
 *       {@code payload.query.payload}).</li>
 *   <li>{@code rawQueryString}: as sent, without the leading '?'; "" when absent.</li>
 *   <li>{@code webhookUrl}: webhooks get the URL the caller used, without query (so a query secret never leaks into
 *       it); {@code hookstead.publicBaseUrl}, when set, replaces scheme, host and context path. Endpoints get
 *       their route.</li>
 * </ul>
 */
public final class RequestReader {

    private final BodyReader bodyReader;
    private final ClientAddress clientAddress;
    private final String publicBaseUrl;

    /** @param publicBaseUrl base URL without trailing '/', or null */
    public RequestReader(BodyReader bodyReader, ClientAddress clientAddress, String publicBaseUrl) {
        this.bodyReader = bodyReader;
        this.clientAddress = clientAddress;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** @param path the request path inside the webapp */
    public HttpRequestData read(HttpServletRequest request, Target target, String path) throws IOException {
        Map<String, List<String>> headers = headers(request);
        byte[] body = bodyReader.read(request);
        String rawQuery = request.getQueryString() == null ? "" : request.getQueryString();
        Map<String, String> query = new LinkedHashMap<>();
        if (body != null && isForm(request.getContentType())) {
            query.putAll(QueryString.firstValues(new String(body, StandardCharsets.UTF_8)));
        }
        QueryString.firstValues(rawQuery).forEach(query::putIfAbsent);

        List<String> forwardedFor = headers.getOrDefault("X-Forwarded-For", List.of());
        String remote = clientAddress.resolve(request.getRemoteAddr(), forwardedFor);
        String url = target.url();
        if (url == null) url = publicBaseUrl != null ? publicBaseUrl + path : request.getRequestURL().toString();
        return new HttpRequestData(request.getMethod(), headers, query, rawQuery, body, remote, url, target.service(),
                target.action());
    }

    public static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            String canonical = HeaderNames.canonical(name);
            if (headers.containsKey(canonical)) continue;
            headers.put(canonical, List.copyOf(Collections.list(request.getHeaders(name))));
        }
        return headers;
    }

    private static boolean isForm(String contentType) {
        return contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
