package dev.hookstead.validation;

import dev.hookstead.pipeline.HookError;
import org.junit.jupiter.api.Test;

import static dev.hookstead.validation.SignedRequests.post;
import static org.junit.jupiter.api.Assertions.*;

class GitHubSignatureTest {

    private static final String SECRET = "It's a Secret to Everybody";
    private static final String BODY = "Hello, World!";
    /** GitHub docs, "Validating webhook deliveries". */
    private static final String SHA256 = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    /** printf 'Hello, World!' | openssl dgst -sha1 -hmac "It's a Secret to Everybody" */
    private static final String SHA1 = "sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59";

    @Test
    void verifiesGitHubsPublishedVector() {
        assertDoesNotThrow(() -> GitHubSignature.verify(SECRET, post(BODY, "X-Hub-Signature-256", SHA256)));
    }

    @Test
    void verifiesTheLegacySha1Header() {
        assertDoesNotThrow(() -> GitHubSignature.verify(SECRET, post(BODY, "X-Hub-Signature", SHA1)));
    }

    @Test
    void theSha256HeaderDecidesWhenBothAreSent() {
        assertDoesNotThrow(() -> GitHubSignature.verify(SECRET,
                post(BODY, "X-Hub-Signature-256", SHA256, "X-Hub-Signature", "sha1=00")));
        HookError e = assertThrows(HookError.class, () -> GitHubSignature.verify(SECRET,
                post(BODY, "X-Hub-Signature-256", "sha256=00", "X-Hub-Signature", SHA1)));
        assertEquals("invalid signature in X-Hub-Signature-256", e.getMessage());
    }

    @Test
    void rejectsWrongMalformedAndMissingSignatures() {
        assertEquals(401, assertThrows(HookError.class, () -> GitHubSignature.verify(SECRET,
                post(BODY + "\n", "X-Hub-Signature-256", SHA256))).status());
        assertThrows(HookError.class, () -> GitHubSignature.verify(SECRET,
                post(BODY, "X-Hub-Signature-256", SHA256.substring("sha256=".length()))));
        assertThrows(HookError.class, () -> GitHubSignature.verify(SECRET, post(BODY, "X-Hub-Signature", "sha1=zz")));
        assertThrows(HookError.class, () -> GitHubSignature.verify(SECRET,
                post(BODY, "X-Hub-Signature", SHA1.replace("sha1=", "sha256="))));
        HookError missing = assertThrows(HookError.class, () -> GitHubSignature.verify(SECRET, post(BODY)));
        assertEquals("missing X-Hub-Signature-256 header", missing.getMessage());
    }
}
