package dev.hookstead.validation;

import org.apache.commons.codec.DecoderException;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** HMAC primitives and the constant-time comparison every scheme uses. */
final class Macs {

    private Macs() {
    }

    static byte[] hmacSha256(byte[] key, byte[] data) {
        return new HmacUtils(HmacAlgorithms.HMAC_SHA_256, key).hmac(data);
    }

    static byte[] hmacSha1(byte[] key, byte[] data) {
        return new HmacUtils(HmacAlgorithms.HMAC_SHA_1, key).hmac(data);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code a} followed by {@code b}; a null {@code b} (no body) counts as empty. */
    static byte[] concat(byte[] a, byte[] b) {
        byte[] tail = b == null ? new byte[0] : b;
        byte[] out = new byte[a.length + tail.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(tail, 0, out, a.length, tail.length);
        return out;
    }

    /** Constant-time over the content: the time taken depends only on the lengths, and a MAC's length is public. */
    static boolean equal(byte[] expected, byte[] given) {
        return given != null && MessageDigest.isEqual(expected, given);
    }

    /** Hex (either case) to bytes, or null when {@code text} is not hex. */
    static byte[] hex(String text) {
        try {
            return Hex.decodeHex(text);
        } catch (DecoderException e) {
            return null;
        }
    }

    /** Standard base64 to bytes, or null when {@code text} is not base64. */
    static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
