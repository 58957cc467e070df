package dev.hookstead.validation;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The {@code sign} methods that webhook:run and webhook:sign use, pinned to the published vectors. */
class SignersTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void gitHubDocsVector() {
        assertEquals("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
                GitHubSignature.sign("It's a Secret to Everybody", utf8("Hello, World!")));
    }

    @Test
    void twilioDocsVector() {
        assertEquals("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", TwilioSignature.sign("12345",
                "https://mycompany.com/myapp.php?foo=1&bar=2",
                List.of(Map.entry("To", "+18005551212"), Map.entry("CallSid", "CA1234567890ABCDE"),
                        Map.entry("Caller", "+12349013030"), Map.entry("From", "+12349013030"),
                        Map.entry("Digits", "1234"))));
    }

    @Test
    void standardWebhooksReferenceVector() {
        byte[] key = StandardWebhooksSignature.key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", StandardWebhooksSignature.sign(key,
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, utf8("{\"test\": 2432232314}")));
    }

    @Test
    void slackDocsVector() {
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlg"
                + "cZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        assertEquals("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
                SlackSignature.sign("8f742231b10e8888abcd99yyyzzz85a5", 1531420618, utf8(body)));
    }

    /** Stripe publishes no vector: the signed header must pass the verifier that StripeSignatureTest pins. */
    @Test
    void stripeHeaderPassesTheVerifier() {
        String header = StripeSignature.sign("whsec_test", 1700000000, utf8("{\"id\":\"evt_1\"}"));
        assertDoesNotThrow(() -> StripeSignature.verify("whsec_test",
                SignedRequests.post("{\"id\":\"evt_1\"}", StripeSignature.HEADER, header),
                SignedRequests.at(1700000000)));
    }
}
