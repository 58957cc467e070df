package dev.hookstead.validation;

import dev.hookstead.pipeline.HookError;
import org.junit.jupiter.api.Test;

import static dev.hookstead.validation.SignedRequests.at;
import static dev.hookstead.validation.SignedRequests.post;
import static org.junit.jupiter.api.Assertions.*;

/** The vector from the Standard Webhooks reference library tests. */
class StandardWebhooksSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TS = "1614265330";
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final byte[] KEY = StandardWebhooksSignature.key(SECRET);

    private static String verify(StandardWebhooksSignature scheme, long now, String... headers) {
        return scheme.verify(KEY, post(BODY, headers), at(now));
    }

    @Test
    void verifiesThePublishedVectorAndReturnsIdAndTimestamp() {
        assertEquals(ID + "." + TS, verify(StandardWebhooksSignature.STANDARD, 1614265330,
                "webhook-id", ID, "webhook-timestamp", TS, "webhook-signature", SIGNATURE));
    }

    @Test
    void aValidSignatureInsideAListOfInvalidOnesVerifies() {
        assertDoesNotThrow(() -> verify(StandardWebhooksSignature.STANDARD, 1614265330, "webhook-id", ID,
                "webhook-timestamp", TS, "webhook-signature", "v1,bm9wZQ== " + SIGNATURE));
        assertDoesNotThrow(() -> verify(StandardWebhooksSignature.STANDARD, 1614265330, "webhook-id", ID,
                "webhook-timestamp", TS, "webhook-signature", "v1a,xyz v1,!!! " + SIGNATURE));
        HookError e = assertThrows(HookError.class, () -> verify(StandardWebhooksSignature.STANDARD, 1614265330,
                "webhook-id", ID, "webhook-timestamp", TS, "webhook-signature", "v1,bm9wZQ== v2,"
                        + SIGNATURE.substring(3)));
        assertEquals("no valid signature in webhook-signature", e.getMessage());
    }

    @Test
    void svixHeadersAndTheUnbrandedFallback() {
        assertDoesNotThrow(() -> verify(StandardWebhooksSignature.SVIX, 1614265330,
                "svix-id", ID, "svix-timestamp", TS, "svix-signature", SIGNATURE));
        assertDoesNotThrow(() -> verify(StandardWebhooksSignature.SVIX, 1614265330,
                "webhook-id", ID, "webhook-timestamp", TS, "webhook-signature", SIGNATURE));
        assertThrows(HookError.class, () -> verify(StandardWebhooksSignature.STANDARD, 1614265330,
                "svix-id", ID, "svix-timestamp", TS, "svix-signature", SIGNATURE));
    }

    @Test
    void theTimestampMustBeWithin300SecondsEitherWay() {
        for (long now : new long[] {1614265330 - 300, 1614265330 + 300}) {
            assertDoesNotThrow(() -> verify(StandardWebhooksSignature.STANDARD, now,
                    "webhook-id", ID, "webhook-timestamp", TS, "webhook-signature", SIGNATURE));
        }
        for (long now : new long[] {1614265330 - 301, 1614265330 + 301}) {
            HookError e = assertThrows(HookError.class, () -> verify(StandardWebhooksSignature.STANDARD, now,
                    "webhook-id", ID, "webhook-timestamp", TS, "webhook-signature", SIGNATURE));
            assertTrue(e.getMessage().contains("more than 300 s away"), e.getMessage());
        }
    }

    @Test
    void anyChangeToIdTimestampOrBodyBreaksTheSignature() {
        assertThrows(HookError.class, () -> verify(StandardWebhooksSignature.STANDARD, 1614265330,
                "webhook-id", ID + "x", "webhook-timestamp", TS, "webhook-signature", SIGNATURE));
        assertThrows(HookError.class, () -> verify(StandardWebhooksSignature.STANDARD, 1614265330,
                "webhook-id", ID, "webhook-timestamp", "1614265331", "webhook-signature", SIGNATURE));
        assertThrows(HookError.class, () -> StandardWebhooksSignature.STANDARD.verify(KEY,
                post("{\"test\":2432232314}", "webhook-id", ID, "webhook-timestamp", TS, "webhook-signature",
                        SIGNATURE), at(1614265330)));
    }

    @Test
    void missingHeadersAreNamed() {
        HookError e = assertThrows(HookError.class, () -> verify(StandardWebhooksSignature.STANDARD, 1614265330,
                "webhook-timestamp", TS, "webhook-signature", SIGNATURE));
        assertEquals("missing webhook-id header", e.getMessage());
    }

    @Test
    void theKeyIsTheBase64AfterWhsec() {
        assertArrayEquals(java.util.Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), KEY);
        assertArrayEquals(KEY, StandardWebhooksSignature.key("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertNull(StandardWebhooksSignature.key("whsec_not base64!"));
    }
}
