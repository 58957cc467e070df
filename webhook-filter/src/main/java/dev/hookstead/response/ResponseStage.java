package dev.hookstead.response;

import dev.hookstead.filter.Exchange;
import dev.hookstead.filter.Stage;
import dev.hookstead.script.FunctionResult;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a webhook function's result into the HTTP response:
 * <ul>
 *   <li>any response method called: the response object wins and the return value is ignored; status 200 unless
 *       set; no body unless {@code setBody} was called; a body without a Content-Type header gets
 *       {@code text/plain; charset=utf-8} (what Go's content sniffing gives for text);</li>
 *   <li>else with {@code respond_result}: 200, {@code application/json}, the return value as compact canonical
 *       EJSON; an {@code undefined} return gives {@code null};</li>
 *   <li>else: 200 with an empty body.</li>
 * </ul>
 */
public final class ResponseStage implements Stage {

    static final String DEFAULT_BODY_TYPE = "text/plain; charset=utf-8";
    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding");

    @Override
    public void apply(Exchange exchange) throws IOException {
        FunctionResult result = exchange.result();
        HttpServletResponse response = exchange.response();
        if (result.responseUsed()) {
            response.setStatus(result.statusCode() == 0 ? 200 : result.statusCode());
            boolean hasContentType = false;
            for (Map.Entry<String, List<String>> header : headers(result).entrySet()) {
                // The container frames the body itself.
                if (FRAMING.contains(header.getKey().toLowerCase(Locale.ROOT))) continue;
                hasContentType |= header.getKey().equalsIgnoreCase("Content-Type");
                for (String value : header.getValue()) response.addHeader(header.getKey(), value);
            }
            if (result.body() == null) {
                response.setContentLength(0);
                return;
            }
            if (!hasContentType) response.setContentType(DEFAULT_BODY_TYPE);
            write(response, result.body());
        } else if (exchange.route().webhook().respondResult()) {
            response.setStatus(200);
            response.setContentType("application/json");
            String json = result.returnValue() == null ? "null" : CompactJson.canonicalEjson(result.returnValue());
            write(response, json.getBytes(StandardCharsets.UTF_8));
        } else {
            response.setStatus(200);
            response.setContentLength(0);
        }
    }

    private static Map<String, List<String>> headers(FunctionResult result) {
        return result.headers() == null ? Map.of() : result.headers();
    }

    private static void write(HttpServletResponse response, byte[] body) throws IOException {
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
