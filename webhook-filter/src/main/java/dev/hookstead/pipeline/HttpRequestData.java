package dev.hookstead.pipeline;

import java.util.List;
import java.util.Map;

/**
 * The HTTP request as a function sees it: {@code payload}/{@code request} and {@code context.request}.
 *
 * @param headers         header name to all its values, in arrival order, names in canonical form (Content-Type)
 * @param query           first value of each query parameter, secret already removed
 * @param rawQueryString  the query string without leading '?', secret pair already removed
 * @param body            the raw bytes, or null when the request carried no body
 * @param webhookUrl      webhooks: the full URL the caller used; endpoints: the route
 * @param service         service name (webhooks) or null
 * @param action          webhook name or endpoint function name
 */
public record HttpRequestData(
        String httpMethod,
        Map<String, List<String>> headers,
        Map<String, String> query,
        String rawQueryString,
        byte[] body,
        String remoteIPAddress,
        String webhookUrl,
        String service,
        String action) {

    /** First value of a header, matched case-insensitively, or null. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return e.getValue().get(0);
        }
        return null;
    }
}
