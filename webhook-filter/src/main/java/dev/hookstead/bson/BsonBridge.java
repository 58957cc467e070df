package dev.hookstead.bson;

import org.bson.BsonValue;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.openjdk.nashorn.api.scripting.NashornException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The only Java object {@code bson-globals.js} is handed; the script keeps it in a closure, so user code never sees it.
 * Every method takes and returns strings, numbers and booleans only (plus the JS value {@link #stringify} converts and
 * the thrown value {@link #errorMessage} inspects), and reports bad input as an {@link IllegalArgumentException} whose
 * message the script rethrows as a plain JS {@code Error}.
 */
public final class BsonBridge {

    private static final int SHOWN_INPUT = 40;

    /** A new ObjectId as 24 lowercase hex digits. */
    public String newObjectId() {
        return new ObjectId().toHexString();
    }

    /** Hex text (either case) to base64. */
    public String hexToBase64(String hex) {
        try {
            return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("BSON.Binary.fromHex: " + shown(hex)
                    + " is not hex text; pass an even number of the digits 0-9, a-f");
        }
    }

    /** Base64 (as stored by BSON.Binary) to lowercase hex. */
    public String base64ToHex(String base64) {
        return HexFormat.of().formatHex(decode(base64));
    }

    /** UTF-8 text of base64 bytes; malformed sequences become U+FFFD. */
    public String base64ToText(String base64) {
        return new String(decode(base64), StandardCharsets.UTF_8);
    }

    /** Returns base64 text unchanged if it is valid standard base64 (padding optional), else fails. */
    public String checkBase64(String base64) {
        int length = base64.length();
        int padding = 0;
        for (int i = 0; i < length; i++) {
            char c = base64.charAt(i);
            boolean alphabet = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
            if (c == '=') {
                padding++;
            } else if (!alphabet || padding > 0) {
                throw notBase64(base64);
            }
        }
        if (padding > 2 || length % 4 == 1 || padding > 0 && length % 4 != 0) {
            throw notBase64(base64);
        }
        return base64;
    }

    /** The normalised text of a Decimal128, e.g. {@code "1.50"}. */
    public String decimal128(String text) {
        try {
            return Decimal128.parse(text).toString();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("BSON.Decimal128.fromString: " + shown(text)
                    + " is not a decimal number that fits Decimal128 (34 digits)");
        }
    }

    /** A signed 64-bit integer written in {@code radix}, as 16 hex digits of its two's complement. */
    public String longToHex(String text, int radix) {
        checkRadix(radix);
        try {
            return String.format("%016x", Long.parseLong(text, radix));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("BSON.Long.fromString: " + shown(text)
                    + " is not a 64-bit integer in base " + radix);
        }
    }

    /** The signed 64-bit integer {@code high:low} written in {@code radix}. */
    public String longToString(int high, int low, int radix) {
        checkRadix(radix);
        return Long.toString((long) high << 32 | (low & 0xFFFFFFFFL), radix);
    }

    /** Compact Extended JSON of a JS value: canonical, or relaxed when asked. */
    public String stringify(Object jsValue, boolean relaxed) {
        BsonValue value;
        try {
            value = JsBson.toBson(jsValue);
        } catch (NashornException e) {
            // a getter of the value threw; keep its message, drop the Java exception
            throw new IllegalArgumentException("EJSON.stringify: " + e.getMessage());
        }
        if (value == null) {
            return null;
        }
        return compact(relaxed ? Ejson.relaxed(value) : Ejson.canonical(value));
    }

    /** Canonical Extended JSON of canonical or relaxed Extended JSON text. */
    public String parse(String ejson) {
        try {
            return Ejson.canonical(Ejson.parse(ejson));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("EJSON.parse: invalid Extended JSON (" + e.getMessage() + ")");
        }
    }

    /** The message of an exception this bridge threw, or {@code null} for anything else (which must propagate). */
    public String errorMessage(Object thrown) {
        return thrown instanceof IllegalArgumentException e ? e.getMessage() : null;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw notBase64(base64);
        }
    }

    private static IllegalArgumentException notBase64(String base64) {
        return new IllegalArgumentException("BSON.Binary.fromBase64: " + shown(base64)
                + " is not base64 text; use the characters A-Z a-z 0-9 + / with optional '=' padding");
    }

    private static void checkRadix(int radix) {
        if (radix < 2 || radix > 36) {
            throw new IllegalArgumentException("BSON.Long: radix " + radix + " is out of range; use 2 to 36");
        }
    }

    private static String shown(String input) {
        String cut = input.length() > SHOWN_INPUT ? input.substring(0, SHOWN_INPUT) + "..." : input;
        return "'" + cut + "'";
    }

    /** Drops the whitespace the bson writer puts after ':' and ','; the platform returned compact JSON. */
    static String compact(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
