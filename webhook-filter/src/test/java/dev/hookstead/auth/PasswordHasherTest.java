package dev.hookstead.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    /** Published vectors of the OpenBSD bcrypt test suite, as carried by jBCrypt's TestBCrypt. */
    @Test
    void acceptsPublishedBcryptHashes() {
        assertTrue(hasher.verify("", "$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s."));
        assertTrue(hasher.verify("a", "$2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe"));
        assertTrue(hasher.verify("abc", "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i"));
        assertTrue(hasher.verify("abcdefghijklmnopqrstuvwxyz",
                "$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC"));
        assertFalse(hasher.verify("abd", "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i"));
    }

    @Test
    void hashesAreSaltedAndUseTheDeclaredCost() {
        String a = hasher.hash("correct horse");
        String b = hasher.hash("correct horse");
        assertNotEquals(a, b);
        assertTrue(a.startsWith("$2a$" + PasswordHasher.COST + "$"), a);
        assertTrue(hasher.verify("correct horse", a));
        assertFalse(hasher.verify("correct horsf", a));
        assertFalse(hasher.verify("correct horse", "not a hash"));
        assertFalse(hasher.verifyNobody("correct horse"));
    }

    /** An unknown user costs one verification at the declared cost, as a wrong password does. */
    @Test
    void theUnknownUserHashIsAWellFormedHashOfTheDeclaredCost() {
        assertTrue(PasswordHasher.DUMMY_HASH.matches("\\$2a\\$" + PasswordHasher.COST + "\\$[./A-Za-z0-9]{53}"),
                PasswordHasher.DUMMY_HASH);
        assertFalse(hasher.verifyNobody(""));
    }

    @Test
    void everyCharacterOfALongPasswordCounts() {
        String base = "x".repeat(100);
        String hash = hasher.hash(base + "1");
        assertTrue(hasher.verify(base + "1", hash));
        assertFalse(hasher.verify(base + "2", hash), "no silent truncation at 72 bytes");
    }
}
