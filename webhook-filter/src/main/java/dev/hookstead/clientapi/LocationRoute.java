package dev.hookstead.clientapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstead.manifest.AppInfo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code GET /api/client/v2.0/app/<clientAppId>/location} → {@code {deployment_model, location, hostname,
 * ws_hostname}}. The SDK sends every later request to {@code hostname}, so it is the base URL clients reach this
 * webapp at: {@code hookstead.publicBaseUrl} when set, else the request's scheme, host, port and context path.
 */
final class LocationRoute {

    private final AppInfo app;
    private final String publicBaseUrl;

    /** @param publicBaseUrl without trailing '/', or null */
    LocationRoute(AppInfo app, String publicBaseUrl) {
        this.app = app;
        this.publicBaseUrl = publicBaseUrl;
    }

    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ClientHttp.requireMethod(request, response, "GET");
        String hostname = publicBaseUrl != null ? publicBaseUrl : origin(request) + request.getContextPath();
        ObjectNode out = ClientHttp.JSON.createObjectNode();
        out.put("deployment_model", app == null || app.deploymentModel() == null ? "GLOBAL" : app.deploymentModel());
        out.put("location", app == null || app.location() == null ? "" : app.location());
        out.put("hostname", hostname);
        out.put("ws_hostname", hostname.replaceFirst("^http", "ws"));
        ClientHttp.write(response, 200, out.toString());
    }

    /** {@code scheme://host[:port]} of the request, the port left out when it is the scheme's default. */
    static String origin(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String host = request.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) host = "[" + host + "]";
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
