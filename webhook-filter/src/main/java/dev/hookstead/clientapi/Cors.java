package dev.hookstead.clientapi;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.response.ErrorResponder;
import dev.hookstead.pipeline.HookError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CORS for everything the filter answers (client API, webhooks, endpoints), from the app's
 * {@code allowed_request_origins}. Configured once; each request is classified by its {@code Origin} header:
 * <ul>
 *   <li>none, or the webapp's own origin: not cross-origin, passed on untouched;</li>
 *   <li>an allowed origin (any origin when the app lists none, as on the platform): a preflight ({@code OPTIONS} with
 *       {@code Access-Control-Request-Method}) is answered 204 here; any other request gets
 *       {@code Access-Control-Allow-Origin} and goes on;</li>
 *   <li>any other origin: 403 {@code DomainNotAllowed}, preflight or not, and nothing runs.</li>
 * </ul>
 * No cookies are involved (clients send Bearer tokens), so {@code Access-Control-Allow-Credentials} is never sent.
 */
public final class Cors {

    static final String MAX_AGE = "600";
    private static final String METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";

    private final Set<String> allowed;
    private final String publicOrigin;
    private final ErrorResponder errors;

    /**
     * @param origins       {@code <scheme>://<host>[:port]} each; empty allows any origin
     * @param publicBaseUrl {@code hookstead.publicBaseUrl} or null: its origin is the webapp's own
     * @throws IllegalArgumentException naming an entry that is not such an origin
     */
    public Cors(List<String> origins, String publicBaseUrl, ErrorResponder errors) {
        Set<String> set = new LinkedHashSet<>();
        for (String origin : origins) set.add(normalise(origin, "allowed_request_origins entry"));
        this.allowed = Set.copyOf(set);
        this.publicOrigin = publicBaseUrl == null ? null : normalise(originOf(publicBaseUrl), "hookstead.publicBaseUrl");
        this.errors = errors;
    }

    /**
     * Applies CORS to a request the filter answers.
     *
     * @return true when the response is complete (a preflight, or a refused origin)
     */
    public boolean answer(HttpServletRequest request, HttpServletResponse response, String invocationId)
            throws IOException {
        String origin = request.getHeader("Origin");
        if (origin == null || isOwn(origin, request)) return false;
        String key = origin.toLowerCase(Locale.ROOT);
        response.addHeader("Vary", "Origin");
        if (!allowed.isEmpty() && !allowed.contains(key)) {
            errors.write(response, new HookError(ErrorCode.DomainNotAllowed, "origin '" + origin
                    + "' is not in this app's allowed_request_origins"), invocationId);
            return true;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            response.setHeader("Access-Control-Allow-Methods", METHODS);
            String headers = request.getHeader("Access-Control-Request-Headers");
            if (headers != null && !headers.isBlank()) response.setHeader("Access-Control-Allow-Headers", headers);
            response.setHeader("Access-Control-Max-Age", MAX_AGE);
            response.addHeader("Vary", "Access-Control-Request-Method, Access-Control-Request-Headers");
            response.setStatus(204);
            return true;
        }
        response.setHeader("Access-Control-Expose-Headers", "*");
        return false;
    }

    private boolean isOwn(String origin, HttpServletRequest request) {
        String key = origin.toLowerCase(Locale.ROOT);
        return key.equals(publicOrigin) || key.equals(LocationRoute.origin(request).toLowerCase(Locale.ROOT));
    }

    private static String originOf(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("hookstead.publicBaseUrl '" + url + "' is not a URL", e);
        }
    }

    /** Lower-case {@code scheme://host[:port]}, a default port dropped, as browsers send it. */
    static String normalise(String origin, String what) {
        URI uri;
        try {
            uri = new URI(origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null) {
            throw new IllegalArgumentException(what + " '" + origin + "' is not an origin; write it as "
                    + "<scheme>://<host>[:port], e.g. https://app.example.com");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port < 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
