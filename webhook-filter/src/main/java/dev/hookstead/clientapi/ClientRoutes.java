package dev.hookstead.clientapi;

import dev.hookstead.auth.ApplicationAuth;
import dev.hookstead.config.Settings;
import dev.hookstead.auth.CanEvaluateStage;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.request.ClientAddress;
import dev.hookstead.response.ErrorResponder;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.FunctionRunner;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client API routes the realm-web SDK uses beyond login, profile and session ({@link dev.hookstead.auth.ClientApi}):
 * the app's location, {@code functions/call}, the email/password provider's registration, confirmation and reset,
 * user API keys and a user deleting itself. Each request is classified by path, then dispatched to its route; a {@link HookError} becomes the
 * platform's {@code {error, error_code, link}} body.
 */
public final class ClientRoutes {

    private static final Pattern APP = Pattern.compile("/api/client/v2\\.0/app/([^/]+)/(location|functions/call|"
            + "auth/providers/([^/]+)/(register|confirm|confirm/send|confirm/call|reset|reset/send|reset/call))/?");
    private static final String APP_PREFIX = "/api/client/v2.0/app/";
    private static final String DELETE_USER = "/api/client/v2.0/auth/delete";
    private static final Pattern API_KEYS = Pattern.compile("/api/client/v2\\.0/auth/api_keys(?:/([^/]+)(?:/(enable|disable))?)?/?");

    private final String clientAppId;
    private final boolean users;
    private final LocationRoute location;
    private final FunctionCallRoute functions;
    private final EmailPasswordRoutes emailPassword;
    private final UserApiKeyRoutes apiKeys;
    private final ErrorResponder errors;
    private final ApplicationAuth auth;

    /**
     * @throws IllegalArgumentException when the email/password provider's config names a function the app lacks
     */
    public ClientRoutes(Manifest manifest, Settings settings, FunctionRunner runner, ApplicationAuth auth) {
        String appId = manifest.app() == null ? null : manifest.app().clientAppId();
        this.clientAppId = appId == null || appId.isBlank() ? null : appId;
        this.users = !manifest.authProviders().isEmpty();
        ClientAddress clientAddress = new ClientAddress(settings.trustedProxies());
        this.location = new LocationRoute(manifest.app(), settings.publicBaseUrl());
        this.functions = new FunctionCallRoute(auth, manifest, runner, new CanEvaluateStage(manifest, settings, runner),
                clientAddress, settings.requestMaxBytes());
        this.emailPassword = new EmailPasswordRoutes(auth, manifest, runner, clientAddress);
        this.apiKeys = new UserApiKeyRoutes(auth, manifest);
        this.errors = new ErrorResponder(settings.errorLinkBase());
        this.auth = auth;
    }

    /** Whether one of these routes answers {@code path}; all but location need the app to have auth providers. */
    public boolean owns(String path) {
        if (!path.startsWith("/api/client/v2.0/")) return false;
        if (path.startsWith(APP_PREFIX) && !appRoute(path)) return false; // webhook paths skip the regex
        Matcher app = APP.matcher(path);
        if (app.matches()) {
            return (clientAppId == null || clientAppId.equals(app.group(1))) && (users || app.group(2).equals("location"));
        }
        return users && (path.equals(DELETE_USER) || API_KEYS.matcher(path).matches());
    }

    /** What follows the app id could be one of {@link #APP}'s routes. */
    private static boolean appRoute(String path) {
        int slash = path.indexOf('/', APP_PREFIX.length());
        return slash > 0 && (path.startsWith("location", slash + 1) || path.startsWith("functions/", slash + 1)
                || path.startsWith("auth/", slash + 1));
    }

    public void handle(HttpServletRequest request, HttpServletResponse response, String path, String invocationId) {
        errors.answering(response, path, invocationId, () -> {
            Matcher app = APP.matcher(path);
            if (app.matches()) {
                switch (app.group(2)) {
                    case "location" -> location.handle(request, response);
                    case "functions/call" -> functions.handle(request, response);
                    default -> emailPassword.handle(request, response, app.group(3), app.group(4));
                }
            } else if (path.equals(DELETE_USER)) {
                deleteUser(request, response);
            } else {
                Matcher keys = API_KEYS.matcher(path);
                if (!keys.matches()) throw new IllegalStateException("not a client API path: " + path);
                apiKeys.handle(request, response, keys.group(1), keys.group(2));
            }
        });
    }

    /** {@code DELETE /api/client/v2.0/auth/delete} with a Bearer access token → 204: the user deletes itself. */
    private void deleteUser(HttpServletRequest request, HttpServletResponse response) {
        ClientHttp.requireMethod(request, response, "DELETE");
        auth.store().deleteUser(auth.profile(ClientHttp.bearer(request)).id());
        response.setStatus(204);
    }
}
