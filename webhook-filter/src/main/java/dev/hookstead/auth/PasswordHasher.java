package dev.hookstead.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * local-userpass password hashes: bcrypt ({@code $2a$}, cost {@value #COST}). Passwords longer than bcrypt's 72 bytes
 * are pre-hashed with SHA-512 instead of silently truncated, so every character counts.
 */
public final class PasswordHasher {

    /** About 50-100 ms per hash on one core of a small server: slow for guessing, fine for one login. */
    public static final int COST = 10;
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;

    private final BCrypt.Hasher hasher = BCrypt.with(VERSION, new SecureRandom(),
            LongPasswordStrategies.hashSha512(VERSION));
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    /**
     * Verified against when the user is unknown, so that an unknown email costs as much as a wrong password. A fixed
     * hash (of 32 random bytes, then thrown away) instead of one made at start-up: a verification costs what the
     * hash's cost says, whatever its salt, and hashing one slowed every start of the filter. Its cost must stay
     * {@link #COST} (a test checks it).
     */
    static final String DUMMY_HASH = "$2a$10$p90ozOGbitVRCDnqKP1aneQErCsfhVoOS2eMmnnMipoqTiOckHCve";
    private static final byte[] DUMMY = DUMMY_HASH.getBytes(StandardCharsets.US_ASCII);

    public String hash(String password) {
        return new String(hasher.hash(COST, password.getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII);
    }

    /** Whether {@code password} matches {@code hash}; false for a malformed hash. */
    public boolean verify(String password, String hash) {
        try {
            return verifyer.verifyStrict(password.getBytes(StandardCharsets.UTF_8),
                    hash.getBytes(StandardCharsets.US_ASCII)).verified;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time of one verification and returns false: the answer for an unknown user. */
    public boolean verifyNobody(String password) {
        verifyer.verifyStrict(password.getBytes(StandardCharsets.UTF_8), DUMMY);
        return false;
    }
}
