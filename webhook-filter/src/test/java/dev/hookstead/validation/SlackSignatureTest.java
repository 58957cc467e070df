package dev.hookstead.validation;

import dev.hookstead.pipeline.HookError;
import org.junit.jupiter.api.Test;

import static dev.hookstead.validation.SignedRequests.at;
import static dev.hookstead.validation.SignedRequests.post;
import static org.junit.jupiter.api.Assertions.*;

/** The vector from Slack's "Verifying requests from Slack". */
class SlackSignatureTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String TS = "1531420618";
    private static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private static final String MAC = "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static String verify(String body, String signature, String ts, long now) {
        return SlackSignature.verify(SECRET, post(body, "X-Slack-Signature", signature,
                "X-Slack-Request-Timestamp", ts), at(now));
    }

    @Test
    void verifiesSlacksPublishedVector() {
        assertEquals(TS + "." + MAC, verify(BODY, "v0=" + MAC, TS, 1531420618 + 60));
    }

    @Test
    void rejectsAnyChangeAStaleTimestampAndMissingHeaders() {
        assertThrows(HookError.class, () -> verify(BODY + "&x=1", "v0=" + MAC, TS, 1531420618));
        assertThrows(HookError.class, () -> verify(BODY, "v1=" + MAC, TS, 1531420618));
        assertThrows(HookError.class, () -> verify(BODY, "v0=" + MAC, "1531420619", 1531420618));
        HookError stale = assertThrows(HookError.class, () -> verify(BODY, "v0=" + MAC, TS, 1531420618 + 301));
        assertTrue(stale.getMessage().contains("X-Slack-Request-Timestamp"), stale.getMessage());
        assertEquals("missing X-Slack-Signature header", assertThrows(HookError.class,
                () -> SlackSignature.verify(SECRET, post(BODY), at(1531420618))).getMessage());
        assertEquals("missing timestamp in X-Slack-Request-Timestamp", assertThrows(HookError.class,
                () -> SlackSignature.verify(SECRET, post(BODY, "X-Slack-Signature", "v0=" + MAC),
                        at(1531420618))).getMessage());
    }
}
