package dev.hookstead.validation;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;

import java.time.Clock;
import java.time.Duration;

/**
 * The timestamp check of the timestamped schemes: a Unix-seconds header value must lie within ± tolerance of the
 * clock, so that a captured request stops verifying once the window has passed. The clock is injectable for tests.
 */
public record Freshness(Clock clock, Duration tolerance) {

    /**
     * @param header names the header in the error
     * @return the timestamp in Unix seconds
     * @throws HookError IncomingWebhookAuthFailed when missing, malformed or outside the window
     */
    public long check(String header, String value) {
        if (value == null || value.isBlank()) {
            throw new HookError(ErrorCode.IncomingWebhookAuthFailed, "missing timestamp in " + header);
        }
        long seconds;
        try {
            seconds = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new HookError(ErrorCode.IncomingWebhookAuthFailed, "timestamp in " + header
                    + " is not a number of Unix seconds");
        }
        long now = clock.instant().getEpochSecond();
        if (seconds < now - tolerance.toSeconds() || seconds > now + tolerance.toSeconds()) {
            throw new HookError(ErrorCode.IncomingWebhookAuthFailed, "timestamp " + seconds + " in " + header
                    + " is more than " + tolerance.toSeconds() + " s away from the server's clock (" + now + ")");
        }
        return seconds;
    }
}
