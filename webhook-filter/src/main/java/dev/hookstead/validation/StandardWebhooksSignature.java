package dev.hookstead.validation;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.HttpRequestData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Base64;

/**
 * Standard Webhooks (standardwebhooks.com) and Svix, which is the same scheme with {@code svix-} headers:
 * {@code webhook-id}, {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature}, a space-separated list
 * of {@code v1,<base64 HMAC-SHA256(key, "{id}.{timestamp}.{raw body}")>}; the request verifies when any entry matches
 * (senders list several while rotating secrets). The key is the base64 text after {@code whsec_}.
 *
 * <p>Message id for replay protection: {@code {id}.{timestamp}}. Senders reuse the id on every retry but sign each
 * attempt with a new timestamp, so a genuine retry after a failure is accepted and an identical copy is not.
 */
public final class StandardWebhooksSignature implements SignatureScheme {

    private static final Logger LOG = LoggerFactory.getLogger(StandardWebhooksSignature.class);

    public static final StandardWebhooksSignature STANDARD = new StandardWebhooksSignature("webhook-", null);
    /** Svix headers; Svix's own libraries also accept the unbranded {@code webhook-} headers, and so does this. */
    public static final StandardWebhooksSignature SVIX = new StandardWebhooksSignature("svix-", "webhook-");

    static final String SECRET_PREFIX = "whsec_";

    private final String prefix;
    private final String fallbackPrefix;

    private StandardWebhooksSignature(String prefix, String fallbackPrefix) {
        this.prefix = prefix;
        this.fallbackPrefix = fallbackPrefix;
    }

    /**
     * The signing key from a {@code whsec_<base64>} secret (the prefix is optional), or null when the rest is not
     * base64: a configuration error, never the caller's.
     */
    public static byte[] key(String secret) {
        String text = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        byte[] key = Macs.base64(text);
        return key == null || key.length == 0 ? null : key;
    }

    /** One {@code webhook-signature} entry, {@code v1,<base64>}, for this message. */
    public static String sign(byte[] key, String id, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(mac(key, id, timestamp, body));
    }

    private static byte[] mac(byte[] key, String id, long timestamp, byte[] body) {
        return Macs.hmacSha256(key, Macs.concat(Macs.utf8(id + "." + timestamp + "."), body));
    }

    /** A secret that is not a key is the operator's to fix: 500 for the caller, the fix in the server log. */
    @Override
    public String check(String secret, Exchange exchange, Freshness freshness) {
        byte[] key = key(secret);
        if (key == null) {
            LOG.error("{}: its secret is not a Standard Webhooks key; use the whsec_<base64> secret the sender shows",
                    exchange.target().name());
            throw new HookError(ErrorCode.InternalServerError, "the server is not configured for this request");
        }
        return verify(key, exchange.data(), freshness);
    }

    /**
     * @param key from {@link #key(String)}
     * @return the message id, {@code {id}.{timestamp}}
     * @throws HookError IncomingWebhookAuthFailed when a header is missing, the timestamp is stale or no entry
     *                   matches
     */
    public String verify(byte[] key, HttpRequestData request, Freshness freshness) {
        String headerPrefix = request.header(prefix + "signature") == null && fallbackPrefix != null
                && request.header(fallbackPrefix + "signature") != null ? fallbackPrefix : prefix;
        String id = required(request, headerPrefix + "id");
        String timestampText = required(request, headerPrefix + "timestamp");
        String signatures = required(request, headerPrefix + "signature");
        long timestamp = freshness.check(headerPrefix + "timestamp", timestampText);
        byte[] expected = mac(key, id, timestamp, request.body());
        boolean ok = false;
        for (String entry : signatures.trim().split(" +")) {
            if (!entry.startsWith("v1,")) continue; // other versions (v1a: asymmetric) are not for a shared secret
            ok |= Macs.equal(expected, Macs.base64(entry.substring(3)));
        }
        if (!ok) {
            throw new HookError(ErrorCode.IncomingWebhookAuthFailed, "no valid signature in " + headerPrefix
                    + "signature");
        }
        return id + "." + timestamp;
    }

    private static String required(HttpRequestData request, String header) {
        String value = request.header(header);
        if (value == null || value.isBlank()) {
            throw new HookError(ErrorCode.IncomingWebhookAuthFailed, "missing " + header + " header");
        }
        return value.trim();
    }
}
