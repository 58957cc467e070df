package dev.hookstead.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Server API keys: 64 random letters and digits (about 381 bits). Only their SHA-256 is stored. A fast unsalted hash
 * is enough here, unlike for passwords: a key this random cannot be guessed or looked up in a table, so slowing down
 * each guess buys nothing, and a deterministic hash lets the store find the key by its hash alone.
 */
public final class ApiKeys {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String generate() {
        StringBuilder key = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return key.toString();
    }

    /** Lower-case hex SHA-256 of the key's UTF-8 bytes. */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
