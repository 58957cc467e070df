package dev.hookstead.validation;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.HookError;
import org.apache.commons.codec.DecoderException;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The Realm VERIFY_PAYLOAD signature: {@code sha256=<hex HMAC-SHA256(key = secret as UTF-8, raw body bytes)>}, sent
 * as {@code X-Hook-Signature} (webhooks) or {@code Endpoint-Signature} (endpoints). The platform sends lowercase hex;
 * upper-case hex names the same MAC and is accepted. Comparison is constant-time over the MAC bytes.
 */
public final class RealmSignature implements SignatureScheme {

    public static final String PREFIX = "sha256=";

    RealmSignature() {
    }

    /** The signature is in the header the route names: {@code X-Hook-Signature} or {@code Endpoint-Signature}. */
    @Override
    public String check(String secret, Exchange exchange, Freshness freshness) {
        String header = exchange.target().validation().header();
        String given = exchange.data().header(header);
        if (given == null) {
            throw new HookError(ErrorCode.IncomingWebhookAuthFailed, "missing " + header + " header");
        }
        if (!verify(secret, exchange.data().body(), given)) {
            throw new HookError(ErrorCode.IncomingWebhookAuthFailed, "invalid signature in " + header);
        }
        return null;
    }

    /** The header value for {@code body} signed with {@code secret}. */
    public static String sign(String secret, byte[] body) {
        return PREFIX + Hex.encodeHexString(mac(secret, body));
    }

    /** Whether {@code header} is a valid signature of {@code body}; false for a missing or malformed header. */
    public static boolean verify(String secret, byte[] body, String header) {
        if (header == null) return false;
        String value = header.trim();
        if (!value.startsWith(PREFIX)) return false;
        byte[] given;
        try {
            given = Hex.decodeHex(value.substring(PREFIX.length()));
        } catch (DecoderException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(secret, body), given);
    }

    static byte[] mac(String secret, byte[] body) {
        return new HmacUtils(HmacAlgorithms.HMAC_SHA_256, secret.getBytes(StandardCharsets.UTF_8))
                .hmac(body == null ? new byte[0] : body);
    }
}
