package dev.hookstead.validation;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.HttpRequestData;
import org.apache.commons.codec.binary.Hex;

/**
 * Slack's request signature: {@code X-Slack-Signature: v0=<hex HMAC-SHA256(signing secret, "v0:{ts}:{raw body}")>}
 * with {@code ts} from {@code X-Slack-Request-Timestamp}.
 *
 * <p>Message id for replay protection: {@code {ts}.{hex MAC}}: Slack sends no delivery id, and the pair names
 * exactly one signed request.
 */
public final class SlackSignature implements SignatureScheme {

    public static final String HEADER = "X-Slack-Signature";
    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    private static final String PREFIX = "v0=";

    SlackSignature() {
    }

    @Override
    public String check(String secret, Exchange exchange, Freshness freshness) {
        return verify(secret, exchange.data(), freshness);
    }

    /** The {@value #HEADER} value Slack sends for {@code body} with {@value #TIMESTAMP_HEADER} {@code ts}. */
    public static String sign(String secret, long ts, byte[] body) {
        return PREFIX + Hex.encodeHexString(mac(secret, ts, body));
    }

    private static byte[] mac(String secret, long ts, byte[] body) {
        return Macs.hmacSha256(Macs.utf8(secret), Macs.concat(Macs.utf8("v0:" + ts + ":"), body));
    }

    /**
     * @return the message id, {@code {ts}.{hex MAC}}
     * @throws HookError IncomingWebhookAuthFailed when a header is missing, the timestamp is stale or the signature
     *                   does not match
     */
    public static String verify(String secret, HttpRequestData request, Freshness freshness) {
        String signature = request.header(HEADER);
        if (signature == null || signature.isBlank()) {
            throw new HookError(ErrorCode.IncomingWebhookAuthFailed, "missing " + HEADER + " header");
        }
        long timestamp = freshness.check(TIMESTAMP_HEADER, request.header(TIMESTAMP_HEADER));
        byte[] expected = mac(secret, timestamp, request.body());
        String text = signature.trim();
        byte[] given = text.startsWith(PREFIX) ? Macs.hex(text.substring(PREFIX.length())) : null;
        if (!Macs.equal(expected, given)) {
            throw new HookError(ErrorCode.IncomingWebhookAuthFailed, "invalid signature in " + HEADER);
        }
        return timestamp + "." + Hex.encodeHexString(expected);
    }
}
