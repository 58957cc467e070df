package dev.hookstead.response;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErrorResponderTest {

    @Test
    void bodyHasErrorCodeAndALinkNamingTheInvocation() {
        byte[] body = new ErrorResponder("https://logs.example.com/?q=").body(
                new HookError(ErrorCode.IncomingWebhookAuthFailed, "invalid \"secret\""), "65a0");

        assertEquals("{\"error\":\"invalid \\\"secret\\\"\",\"error_code\":\"IncomingWebhookAuthFailed\","
                + "\"link\":\"https://logs.example.com/?q=65a0\"}", new String(body, StandardCharsets.UTF_8));
    }
}
