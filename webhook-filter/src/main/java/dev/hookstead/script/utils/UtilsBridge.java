package dev.hookstead.script.utils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * The only Java object {@code utils-globals.js} is handed; the script keeps it in a closure, so user code never sees
 * it. Bytes cross as base64 text, everything else as strings and booleans; bad input comes back as an
 * {@link IllegalArgumentException} whose message the script rethrows as a plain JS {@code Error}, and no other Java
 * exception leaves a method.
 */
public final class UtilsBridge {

    /** Classpath resource evaluating to {@code function(bridge, BSON, EJSON) -> {crypto, jwt}}. */
    public static final String GLOBALS_SCRIPT = "dev/hookstead/script/utils/utils-globals.js";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Crypto crypto;
    private final Jwt jwt;

    public UtilsBridge() {
        this(new Crypto(), Clock.systemUTC());
    }

    UtilsBridge(Crypto crypto, Clock clock) {
        this.crypto = crypto;
        this.jwt = new Jwt(clock);
    }

    /** UTF-8 bytes of a string, as base64. */
    public String utf8ToBase64(String text) {
        return base64(text.getBytes(StandardCharsets.UTF_8));
    }

    public String hmac(String inputBase64, String secretBase64, String hashFunction, String outputFormat) {
        return guard(() -> Crypto.hmac(bytes(inputBase64), bytes(secretBase64), hashFunction, outputFormat));
    }

    public String hash(String hashFunction, String inputBase64) {
        return guard(() -> base64(Crypto.hash(hashFunction, bytes(inputBase64))));
    }

    public String encrypt(String encryptionType, String messageBase64, String keyBase64) {
        return guard(() -> base64(crypto.encrypt(encryptionType, bytes(messageBase64), bytes(keyBase64))));
    }

    public String decrypt(String encryptionType, String encryptedBase64, String keyBase64) {
        return guard(() -> base64(Crypto.decrypt(encryptionType, bytes(encryptedBase64), bytes(keyBase64))));
    }

    /** {@code scheme} may be {@code null} (then "pss", the platform's default). */
    public String sign(String encryptionType, String messageBase64, String privateKeyPem, String scheme) {
        return guard(() -> base64(Crypto.sign(encryptionType, bytes(messageBase64), privateKeyPem, scheme)));
    }

    /** {@code scheme} may be {@code null} (then "pss", the platform's default). */
    public boolean verify(String encryptionType, String messageBase64, String publicKeyPem, String signatureBase64,
                          String scheme) {
        return guard(() -> Crypto.verify(encryptionType, bytes(messageBase64), publicKeyPem, bytes(signatureBase64),
                scheme));
    }

    /**
     * {@code customHeaderJson} may be {@code null}. The secret is {@code secretText} or, when that is {@code null},
     * the bytes of {@code secretBase64} (an HMAC secret given as a BSON.Binary).
     */
    public String jwtEncode(String signingMethod, String payloadJson, String secretText, String secretBase64,
                            String customHeaderJson) {
        return guard(() -> Jwt.encode(signingMethod, payloadJson, secret(secretText, secretBase64), customHeaderJson));
    }

    /**
     * A JSON array {@code [headerJson, payloadJson]} of a verified token. The key is {@code keyText} or, when that is
     * {@code null}, the bytes of {@code keyBase64}.
     *
     * @param acceptedMethods comma-joined signing methods, or {@code null} to accept any supported one
     */
    public String jwtDecode(String token, String keyText, String keyBase64, String acceptedMethods) {
        return guard(() -> {
            List<String> accepted = acceptedMethods == null ? null : List.of(acceptedMethods.split(",", -1));
            try {
                return JSON.writeValueAsString(jwt.decode(token, secret(keyText, keyBase64), accepted));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Runs a call, turning any unexpected failure into a message without Java details. */
    private static <T> T guard(Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("utils: internal error (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Jwt.Secret secret(String text, String base64) {
        return text != null ? Jwt.Secret.ofText(text) : Jwt.Secret.ofBytes(bytes(base64));
    }

    private static byte[] bytes(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
