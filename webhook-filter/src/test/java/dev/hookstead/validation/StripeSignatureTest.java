package dev.hookstead.validation;

import dev.hookstead.pipeline.HookError;
import org.junit.jupiter.api.Test;

import static dev.hookstead.validation.SignedRequests.at;
import static dev.hookstead.validation.SignedRequests.post;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Stripe publishes no fixed vector; this one was computed independently:
 * {@code printf '1614265330.{"id":"evt_1","object":"event"}' | openssl dgst -sha256 -hmac 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'}
 * (the key is the whole whsec_ string, not decoded).
 */
class StripeSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String BODY = "{\"id\":\"evt_1\",\"object\":\"event\"}";
    private static final String V1 = "9e5b1967c75cbf545b79cec1364541514b7c2d42b9f5c5ccd34aa676a0815233";
    private static final String WRONG = "5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd";

    private static String verify(String header, long now) {
        return StripeSignature.verify(SECRET, post(BODY, "Stripe-Signature", header), at(now));
    }

    @Test
    void verifiesTheVectorAndReturnsTimestampAndMac() {
        assertEquals("1614265330." + V1, verify("t=1614265330,v1=" + V1, 1614265330));
    }

    @Test
    void oneValidV1AmongWrongOnesVerifiesAndOtherSchemesAreIgnored() {
        assertDoesNotThrow(() -> verify("t=1614265330,v1=" + WRONG + ",v1=" + V1, 1614265330));
        assertDoesNotThrow(() -> verify("t=1614265330, v0=abc, v1=" + V1, 1614265330));
        HookError e = assertThrows(HookError.class, () -> verify("t=1614265330,v1=" + WRONG + ",v0=" + V1,
                1614265330));
        assertEquals("no valid v1 signature in Stripe-Signature", e.getMessage());
    }

    @Test
    void theKeyIsTheWholeSecretNotItsDecodedForm() {
        HookError e = assertThrows(HookError.class, () -> StripeSignature.verify("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                post(BODY, "Stripe-Signature", "t=1614265330,v1=" + V1), at(1614265330)));
        assertEquals(401, e.status());
    }

    @Test
    void staleMissingAndMalformedHeaders() {
        assertThrows(HookError.class, () -> verify("t=1614265330,v1=" + V1, 1614265330 + 301));
        assertEquals("missing timestamp in Stripe-Signature t",
                assertThrows(HookError.class, () -> verify("v1=" + V1, 1614265330)).getMessage());
        assertEquals("no v1 signature in Stripe-Signature",
                assertThrows(HookError.class, () -> verify("t=1614265330", 1614265330)).getMessage());
        assertThrows(HookError.class, () -> verify("t=soon,v1=" + V1, 1614265330));
        assertEquals("missing Stripe-Signature header", assertThrows(HookError.class,
                () -> StripeSignature.verify(SECRET, post(BODY), at(1614265330))).getMessage());
    }
}
