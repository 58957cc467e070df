package dev.hookstead.validation;

import dev.hookstead.pipeline.HookError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.hookstead.validation.SignedRequests.post;
import static org.junit.jupiter.api.Assertions.*;

class TwilioSignatureTest {

    /** Twilio docs, "Webhooks security": auth token 12345 and these parameters. */
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final String FORM = "CallSid=CA1234567890ABCDE&Caller=%2B12349013030&Digits=1234"
            + "&From=%2B12349013030&To=%2B18005551212";
    private static final String SIGNATURE = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";

    @Test
    void verifiesTwiliosPublishedVector() {
        assertDoesNotThrow(() -> TwilioSignature.verify("12345", URL,
                post(FORM, "Content-Type", FORM_TYPE, "X-Twilio-Signature", SIGNATURE)));
    }

    @Test
    void parameterOrderInTheBodyDoesNotMatterButEveryByteOfTheUrlDoes() {
        String shuffled = "To=%2B18005551212&Digits=1234&CallSid=CA1234567890ABCDE&From=%2B12349013030"
                + "&Caller=%2B12349013030";
        assertDoesNotThrow(() -> TwilioSignature.verify("12345", URL,
                post(shuffled, "Content-Type", FORM_TYPE, "X-Twilio-Signature", SIGNATURE)));
        assertThrows(HookError.class, () -> TwilioSignature.verify("12345", URL.replace("foo=1&bar=2", "bar=2&foo=1"),
                post(FORM, "Content-Type", FORM_TYPE, "X-Twilio-Signature", SIGNATURE)));
        assertThrows(HookError.class, () -> TwilioSignature.verify("12346", URL,
                post(FORM, "Content-Type", FORM_TYPE, "X-Twilio-Signature", SIGNATURE)));
        assertThrows(HookError.class, () -> TwilioSignature.verify("12345", URL,
                post(FORM + "&Body=x", "Content-Type", FORM_TYPE, "X-Twilio-Signature", SIGNATURE)));
    }

    @Test
    void theDefaultPortMayBeAddedOrDroppedAsTwiliosValidatorsAllow() {
        assertDoesNotThrow(() -> TwilioSignature.verify("12345", "https://mycompany.com:443/myapp.php?foo=1&bar=2",
                post(FORM, "Content-Type", FORM_TYPE, "X-Twilio-Signature", SIGNATURE)));
        assertEquals(List.of("http://[::1]:8080/a?b=1", "http://[::1]/a?b=1"),
                TwilioSignature.portVariants("http://[::1]:8080/a?b=1"));
        assertEquals(List.of("https://h:443", "https://h"), TwilioSignature.portVariants("https://h"));
    }

    @Test
    void theSignedTextIsTheUrlThenSortedNamesAndValues() {
        assertEquals(URL + "CallSidCA1234567890ABCDECaller+12349013030Digits1234From+12349013030To+18005551212",
                TwilioSignature.signedText(URL, List.of(Map.entry("To", "+18005551212"),
                        Map.entry("From", "+12349013030"), Map.entry("Digits", "1234"),
                        Map.entry("Caller", "+12349013030"), Map.entry("CallSid", "CA1234567890ABCDE"))));
    }

    @Test
    void aJsonBodyIsCoveredByBodySha256InTheSignedUrl() {
        // printf '{"a":1}' | openssl dgst -sha256
        String url = "https://mycompany.com/hook?bodySHA256="
                + "015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862";
        // printf '%s' '<url>' | openssl dgst -sha1 -hmac 12345 -binary | base64
        String signature = "5RzLWLtxROOEDxluB0CLCWjQg48=";
        assertDoesNotThrow(() -> TwilioSignature.verify("12345", url,
                post("{\"a\":1}", "Content-Type", "application/json", "X-Twilio-Signature", signature)));
        HookError e = assertThrows(HookError.class, () -> TwilioSignature.verify("12345", url,
                post("{\"a\":2}", "Content-Type", "application/json", "X-Twilio-Signature", signature)));
        assertEquals("the body does not match bodySHA256", e.getMessage());
    }

    @Test
    void aMissingHeaderIsNamed() {
        assertEquals("missing X-Twilio-Signature header", assertThrows(HookError.class,
                () -> TwilioSignature.verify("12345", URL, post(FORM, "Content-Type", FORM_TYPE))).getMessage());
    }
}
