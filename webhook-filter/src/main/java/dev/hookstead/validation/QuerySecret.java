package dev.hookstead.validation;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.HttpRequestData;
import dev.hookstead.request.QueryString;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SECRET_AS_QUERY_PARAM: {@code ?secret=} equals the secret; every {@code secret} pair is then removed from
 * {@code rawQueryString} and {@code query}, so the function never sees it.
 */
final class QuerySecret implements SignatureScheme {

    static final String PARAM = "secret";

    @Override
    public String check(String secret, Exchange exchange, Freshness freshness) {
        HttpRequestData data = exchange.data();
        String given = QueryString.first(data.rawQueryString(), PARAM);
        if (given == null || !constantTimeEquals(secret, given)) {
            throw new HookError(ErrorCode.IncomingWebhookAuthFailed, "invalid secret");
        }
        exchange.data(withoutSecret(data));
        return null;
    }

    /** Compares SHA-256 digests so that neither content nor length leaks through timing. */
    private static boolean constantTimeEquals(String expected, String given) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] a = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
            byte[] b = sha.digest(given.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(a, b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static HttpRequestData withoutSecret(HttpRequestData d) {
        Map<String, String> query = new LinkedHashMap<>(d.query());
        query.remove(PARAM);
        return new HttpRequestData(d.httpMethod(), d.headers(), query, QueryString.without(d.rawQueryString(), PARAM),
                d.body(), d.remoteIPAddress(), d.webhookUrl(), d.service(), d.action());
    }
}
