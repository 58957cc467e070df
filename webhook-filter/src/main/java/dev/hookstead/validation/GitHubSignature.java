package dev.hookstead.validation;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.HttpRequestData;
import org.apache.commons.codec.binary.Hex;

/**
 * GitHub's delivery signature: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, raw body)>}, or the
 * legacy {@code X-Hub-Signature: sha1=<hex HMAC-SHA1>} from older GitHub servers. GitHub sends both; when the SHA-256
 * header is present it alone decides, so a forged request cannot fall back to the weaker MAC.
 */
public final class GitHubSignature implements SignatureScheme {

    public static final String HEADER = "X-Hub-Signature-256";
    public static final String LEGACY_HEADER = "X-Hub-Signature";

    GitHubSignature() {
    }

    @Override
    public String check(String secret, Exchange exchange, Freshness freshness) {
        verify(secret, exchange.data());
        return null;
    }

    /** The {@value #HEADER} value GitHub sends for {@code body}: {@code sha256=<hex>}. */
    public static String sign(String secret, byte[] body) {
        return "sha256=" + Hex.encodeHexString(Macs.hmacSha256(Macs.utf8(secret), body));
    }

    /** @throws HookError IncomingWebhookAuthFailed when no header verifies */
    public static void verify(String secret, HttpRequestData request) {
        byte[] key = Macs.utf8(secret);
        byte[] body = request.body() == null ? new byte[0] : request.body();
        String sha256 = request.header(HEADER);
        if (sha256 != null) {
            check(HEADER, sha256, "sha256=", Macs.hmacSha256(key, body));
            return;
        }
        String sha1 = request.header(LEGACY_HEADER);
        if (sha1 != null) {
            check(LEGACY_HEADER, sha1, "sha1=", Macs.hmacSha1(key, body));
            return;
        }
        throw new HookError(ErrorCode.IncomingWebhookAuthFailed, "missing " + HEADER + " header");
    }

    private static void check(String header, String value, String prefix, byte[] expected) {
        String text = value.trim();
        byte[] given = text.startsWith(prefix) ? Macs.hex(text.substring(prefix.length())) : null;
        if (!Macs.equal(expected, given)) {
            throw new HookError(ErrorCode.IncomingWebhookAuthFailed, "invalid signature in " + header);
        }
    }
}
