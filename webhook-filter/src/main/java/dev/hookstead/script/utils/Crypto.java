package dev.hookstead.script.utils;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The algorithms behind {@code utils.crypto} (spec 3.5), on bytes.
 *
 * <p>AES is AES-GCM with a random 12-byte nonce prepended and the 16-byte tag appended: the platform's documented
 * example ({@code "MongoDB is great!"} under a 32-character key, 45 bytes of output) decrypts exactly that way, so
 * ciphertexts move both ways between the platform and Hookstead. RSA signatures use SHA-256; PSS signs with the
 * largest salt (as Go's and Node's defaults do) and verifies with that or a hash-length salt.
 */
final class Crypto {

    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int SHA256_BYTES = 32;
    private static final Map<String, String> HMACS = Map.of("sha1", "HmacSHA1", "sha256", "HmacSHA256",
            "sha512", "HmacSHA512");
    private static final Map<String, String> DIGESTS = Map.of("sha1", "SHA-1", "sha256", "SHA-256", "md5", "MD5");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<byte[]> nonces;

    Crypto() {
        this(() -> {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            return nonce;
        });
    }

    /** Test seam: fixed nonces make published AES-GCM vectors reproducible. */
    Crypto(Supplier<byte[]> nonces) {
        this.nonces = nonces;
    }

    static String hmac(byte[] input, byte[] secret, String hashFunction, String outputFormat) {
        String algorithm = choice("utils.crypto.hmac", "hash_function", hashFunction, HMACS);
        String format = choice("utils.crypto.hmac", "output_format", outputFormat,
                Map.of("hex", "hex", "base64", "base64"));
        if (secret.length == 0) {
            throw new IllegalArgumentException("utils.crypto.hmac: secret is empty; pass a non-empty secret");
        }
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            byte[] signature = mac.doFinal(input);
            return format.equals("hex") ? HexFormat.of().formatHex(signature)
                    : Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + algorithm, e);
        }
    }

    static byte[] hash(String hashFunction, byte[] input) {
        String algorithm = choice("utils.crypto.hash", "hash_function", hashFunction, DIGESTS);
        try {
            return MessageDigest.getInstance(algorithm).digest(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + algorithm, e);
        }
    }

    byte[] encrypt(String encryptionType, byte[] message, byte[] key) {
        aes("utils.crypto.encrypt", encryptionType, key);
        byte[] nonce = nonces.get();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(message.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            cipher.doFinal(message, 0, message.length, out, NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    static byte[] decrypt(String encryptionType, byte[] encrypted, byte[] key) {
        aes("utils.crypto.decrypt", encryptionType, key);
        if (encrypted.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("utils.crypto.decrypt: encryptedMessage is " + encrypted.length
                    + " bytes, too short for AES-GCM output (12-byte nonce + ciphertext + 16-byte tag)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, encrypted, 0, NONCE_BYTES));
            return cipher.doFinal(encrypted, NONCE_BYTES, encrypted.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("utils.crypto.decrypt: encryptedMessage was not encrypted with this"
                    + " key, or it was altered (AES-GCM authentication failed)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    static byte[] sign(String encryptionType, byte[] message, String privateKeyPem, String scheme) {
        rsa("utils.crypto.sign", encryptionType);
        java.security.PrivateKey key = PemKeys.rsaPrivate(privateKeyPem, "utils.crypto.sign: privateKey");
        try {
            Signature signature = signature("utils.crypto.sign", scheme, maxSalt((RSAKey) key));
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("utils.crypto.sign: cannot sign with this key ("
                    + e.getMessage() + ")");
        }
    }

    static boolean verify(String encryptionType, byte[] message, String publicKeyPem, byte[] signed, String scheme) {
        rsa("utils.crypto.verify", encryptionType);
        java.security.PublicKey key = PemKeys.rsaPublic(publicKeyPem, "utils.crypto.verify: publicKey");
        int maxSalt = maxSalt((RSAKey) key);
        int[] salts = maxSalt == SHA256_BYTES ? new int[]{maxSalt} : new int[]{maxSalt, SHA256_BYTES};
        try {
            for (int salt : salts) {
                Signature signature = signature("utils.crypto.verify", scheme, salt);
                signature.initVerify(key);
                signature.update(message);
                if (verifies(signature, signed)) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("utils.crypto.verify: cannot verify with this key ("
                    + e.getMessage() + ")");
        }
    }

    /** A malformed signature is a failed verification, not an error. */
    private static boolean verifies(Signature signature, byte[] signed) {
        try {
            return signature.verify(signed);
        } catch (java.security.SignatureException malformed) {
            return false;
        }
    }

    private static Signature signature(String method, String scheme, int pssSalt) throws GeneralSecurityException {
        String chosen = choice(method, "signatureScheme", scheme == null ? "pss" : scheme,
                Map.of("pss", "pss", "pkcs1v15", "pkcs1v15"));
        if (chosen.equals("pkcs1v15")) {
            return Signature.getInstance("SHA256withRSA");
        }
        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, pssSalt, 1));
        return pss;
    }

    /** emLen - hLen - 2, the largest PSS salt the key allows. */
    private static int maxSalt(RSAKey key) {
        int emLen = (key.getModulus().bitLength() - 1 + 7) / 8;
        return Math.max(emLen - SHA256_BYTES - 2, 0);
    }

    private static void aes(String method, String encryptionType, byte[] key) {
        choice(method, "encryptionType", encryptionType, Map.of("aes", "aes"));
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException(method + ": key is " + key.length
                    + " bytes; AES keys are 16, 24 or 32 bytes (a string counts its UTF-8 bytes)");
        }
    }

    private static void rsa(String method, String encryptionType) {
        choice(method, "encryptionType", encryptionType, Map.of("rsa", "rsa"));
    }

    /** The mapped value of a case-insensitive choice, or an error listing the allowed values. */
    private static String choice(String method, String argument, String value, Map<String, String> allowed) {
        String mapped = value == null ? null : allowed.get(value.toLowerCase(Locale.ROOT));
        if (mapped == null) {
            throw new IllegalArgumentException(method + ": " + argument + " "
                    + (value == null ? "is missing" : "'" + value + "' is not supported")
                    + "; use one of " + String.join(", ", allowed.keySet().stream().sorted().map(k -> "\"" + k + "\"")
                    .toList()));
        }
        return mapped;
    }
}
