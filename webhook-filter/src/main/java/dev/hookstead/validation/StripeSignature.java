package dev.hookstead.validation;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.HttpRequestData;
import org.apache.commons.codec.binary.Hex;

import java.util.ArrayList;
import java.util.List;

/**
 * Stripe's signature: {@code Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>…]}, each v1 a hex
 * HMAC-SHA256(key = the whole {@code whsec_…} secret as UTF-8, "{t}.{raw body}"); the request verifies when any v1
 * matches. Other schemes in the header ({@code v0} test signatures) are ignored, as Stripe's libraries do.
 *
 * <p>Message id for replay protection: {@code {t}.{hex MAC}}. Stripe signs every delivery attempt with a new
 * {@code t}, so a genuine retry is accepted and an identical copy is not.
 */
public final class StripeSignature implements SignatureScheme {

    public static final String HEADER = "Stripe-Signature";

    StripeSignature() {
    }

    @Override
    public String check(String secret, Exchange exchange, Freshness freshness) {
        return verify(secret, exchange.data(), freshness);
    }

    /** The {@value #HEADER} value Stripe sends for {@code body} at Unix time {@code t}: {@code t=…,v1=<hex>}. */
    public static String sign(String secret, long t, byte[] body) {
        return "t=" + t + ",v1=" + Hex.encodeHexString(mac(secret, t, body));
    }

    private static byte[] mac(String secret, long t, byte[] body) {
        return Macs.hmacSha256(Macs.utf8(secret), Macs.concat(Macs.utf8(t + "."), body));
    }

    /**
     * @return the message id, {@code {t}.{hex MAC}}
     * @throws HookError IncomingWebhookAuthFailed when the header is missing or malformed, {@code t} is stale or no
     *                   v1 matches
     */
    public static String verify(String secret, HttpRequestData request, Freshness freshness) {
        String header = request.header(HEADER);
        if (header == null || header.isBlank()) {
            throw new HookError(ErrorCode.IncomingWebhookAuthFailed, "missing " + HEADER + " header");
        }
        String t = null;
        List<String> v1 = new ArrayList<>();
        for (String item : header.split(",")) {
            int eq = item.indexOf('=');
            if (eq < 0) continue;
            String name = item.substring(0, eq).trim();
            String value = item.substring(eq + 1).trim();
            if (name.equals("t")) t = value;
            if (name.equals("v1")) v1.add(value);
        }
        long timestamp = freshness.check(HEADER + " t", t);
        if (v1.isEmpty()) {
            throw new HookError(ErrorCode.IncomingWebhookAuthFailed, "no v1 signature in " + HEADER);
        }
        byte[] expected = mac(secret, timestamp, request.body());
        boolean ok = false;
        for (String given : v1) ok |= Macs.equal(expected, Macs.hex(given));
        if (!ok) throw new HookError(ErrorCode.IncomingWebhookAuthFailed, "no valid v1 signature in " + HEADER);
        return timestamp + "." + Hex.encodeHexString(expected);
    }
}
