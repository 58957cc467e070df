package dev.hookstead.operations.log;

import dev.hookstead.pipeline.AppUser;
import dev.hookstead.pipeline.Exchange;
import dev.hookstead.operations.endpoint.OperationsEndpoint;
import dev.hookstead.operations.endpoint.Responses;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.FunctionResult;
import dev.hookstead.pipeline.HttpRequestData;
import dev.hookstead.script.runtime.ScriptError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The browsable invocation log: a read-only page (plain HTML and a script, no build step) over a JSON API, open to
 * holders of the admin token ({@code Authorization: Bearer}) or of the servlet security role the deployer named.
 * <ul>
 *   <li>{@code <path>/} and {@code <path>/log.js}: the page (no data in it, so it needs no credentials);</li>
 *   <li>{@code <path>/api/invocations?route=&status=&error_code=&user=&since=&until=}: the newest 200 matches;</li>
 *   <li>{@code <path>/api/invocations/<id>}: one invocation with its console, arguments, error and stack.</li>
 * </ul>
 * Records are made on the request thread, cheaply: arguments are rendered (credential headers and secret query
 * parameters redacted) only when shown, and left out when the function sets disable_arg_logs; every known secret
 * value is masked in console and error text.
 */
public final class InvocationLogPage implements OperationsEndpoint, AutoCloseable {

    static final int LIMIT = 200;
    private static final String API = "/api/invocations";
    private static final String REDACTED = "[redacted]";
    private static final String CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self';"
            + " style-src 'unsafe-inline'; frame-ancestors 'none'";

    private final InvocationStore store;
    private final String token;
    private final String role;
    private final List<String> secrets;
    private final byte[] html = resource("log.html");
    private final byte[] script = resource("log.js");

    /**
     * @param token      the admin token, or null
     * @param role       the servlet security role, or null
     * @param secrets    secret values to mask wherever they appear in console output or error text
     */
    public InvocationLogPage(InvocationStore store, String token, String role,
                             Collection<String> secrets) {
        this.store = store;
        this.token = token;
        this.role = role;
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).distinct().toList();
    }

    /** Records a finished invocation. */
    public void record(Exchange exchange, int status, HookError failure) {
        long durationMs = (System.nanoTime() - exchange.startNanos()) / 1_000_000;
        AppUser user = exchange.user();
        HttpRequestData data = exchange.data();
        FunctionResult result = exchange.result();
        List<String> lines = result != null ? result.console() : failure instanceof ScriptError e ? e.console() : null;
        List<String> console = lines == null ? List.of() : mask(lines);
        Supplier<String> args = data == null || exchange.target().disableArgLogs() ? null : args(data);
        String stack = failure instanceof ScriptError e ? mask(e.scriptStack()) : null;
        store.add(new InvocationRecord(exchange.invocationId(), System.currentTimeMillis() - durationMs,
                exchange.route() == null ? "unmatched" : exchange.route().name(), exchange.request().getMethod(),
                status, failure == null ? null : failure.code().name(), durationMs,
                user == null ? null : user.type(), user == null ? null : user.id(),
                data == null ? exchange.request().getRemoteAddr() : data.remoteIPAddress(), args, console,
                failure == null ? null : mask(failure.getMessage()), stack));
    }

    /** Keeps the query and headers but not the body, which only its size stands for. */
    private static Supplier<String> args(HttpRequestData data) {
        Map<String, String> query = data.query();
        Map<String, List<String>> headers = data.headers();
        int bodyLength = data.body() == null ? -1 : data.body().length;
        return () -> InvocationLog.args(query, headers, bodyLength);
    }

    private List<String> mask(List<String> lines) {
        if (secrets.isEmpty()) return lines;
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) out.add(mask(line));
        return out;
    }

    private String mask(String text) {
        if (text == null) return null;
        for (String secret : secrets) {
            if (text.contains(secret)) text = text.replace(secret, REDACTED);
        }
        return text;
    }

    @Override
    public void serve(HttpServletRequest request, HttpServletResponse response, String subPath) throws IOException {
        if (!Responses.readOnly(request, response)) return;
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (subPath.isEmpty()) {
            // The page's relative links need the trailing slash.
            String query = request.getQueryString();
            response.sendRedirect(request.getRequestURI() + "/" + (query == null ? "" : "?" + query));
        } else if (subPath.equals("/")) {
            send(response, "text/html;charset=UTF-8", html);
        } else if (subPath.equals("/log.js")) {
            send(response, "text/javascript;charset=UTF-8", script);
        } else if (subPath.equals(API) || subPath.startsWith(API + "/")) {
            api(request, response, subPath.substring(API.length()));
        } else {
            Responses.json(response, 404, Map.of("error", "no such page: " + subPath));
        }
    }

    private void api(HttpServletRequest request, HttpServletResponse response, String rest) throws IOException {
        if (!allowed(request)) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"hookstead invocation log\"");
            Responses.json(response, 401, Map.of("error", "send Authorization: Bearer <hookstead.log.adminToken>"
                    + (role == null ? "" : ", or sign in with the role " + role)));
            return;
        }
        if (rest.isEmpty()) {
            InvocationQuery query;
            try {
                query = InvocationQuery.of(request::getParameter);
            } catch (IllegalArgumentException e) {
                Responses.json(response, 400, Map.of("error", e.getMessage()));
                return;
            }
            Responses.json(response, 200, Map.of("invocations",
                    store.find(query, LIMIT).stream().map(InvocationRecord::summary).toList()));
            return;
        }
        InvocationRecord record = store.get(rest.substring(1));
        if (record == null) {
            Responses.json(response, 404, Map.of("error", "no invocation " + rest.substring(1) + " in the log"));
        } else {
            Responses.json(response, 200, record.detail());
        }
    }

    private boolean allowed(HttpServletRequest request) {
        return (role != null && request.isUserInRole(role)) || (token != null && Responses.bearer(request, token));
    }

    private static void send(HttpServletResponse response, String type, byte[] body) throws IOException {
        response.setStatus(200);
        response.setContentType(type);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static byte[] resource(String name) {
        try (InputStream in = InvocationLogPage.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("the filter jar lacks " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
