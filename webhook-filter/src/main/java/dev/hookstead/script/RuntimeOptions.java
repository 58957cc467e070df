package dev.hookstead.script;

import java.time.Duration;
import java.util.function.Function;

/**
 * Limits of a {@link ScriptRuntime}, and where its secrets come from.
 *
 * @param functionTimeout     run time of one invocation, async work included (the platform's limit is 300 s)
 * @param poolSize            hardened globals, i.e. invocations that can run at the same time
 * @param acquireTimeout      how long a call waits for a free global before failing with 503
 * @param maxAsyncOperations  pending async jobs (timers, host async calls) one invocation may have at once
 * @param maxRegexInputLength longest string a regular expression may run over
 * @param maxMemoryBytes      bytes one invocation may allocate, garbage included (its thread's allocated bytes)
 * @param secrets             secret name to secret text, for {@code context.values} of {@code from_secret} values;
 *                            returns null for an unknown secret
 */
public record RuntimeOptions(
        Duration functionTimeout,
        int poolSize,
        Duration acquireTimeout,
        int maxAsyncOperations,
        int maxRegexInputLength,
        long maxMemoryBytes,
        Function<String, String> secrets) {

    public static final int DEFAULT_MAX_ASYNC_OPERATIONS = 1000;
    public static final int DEFAULT_MAX_REGEX_INPUT_LENGTH = 100_000;
    /** The platform's memory limit per function. */
    public static final long PLATFORM_MAX_MEMORY_BYTES = 350L * 1024 * 1024;

    public RuntimeOptions {
        if (functionTimeout == null || functionTimeout.isNegative() || functionTimeout.isZero()) {
            throw new IllegalArgumentException("functionTimeout must be positive, got " + functionTimeout);
        }
        if (poolSize < 1) throw new IllegalArgumentException("poolSize must be at least 1, got " + poolSize);
        if (acquireTimeout == null || acquireTimeout.isNegative()) {
            throw new IllegalArgumentException("acquireTimeout must not be negative, got " + acquireTimeout);
        }
        if (maxAsyncOperations < 1) {
            throw new IllegalArgumentException("maxAsyncOperations must be at least 1, got " + maxAsyncOperations);
        }
        if (maxRegexInputLength < 1) {
            throw new IllegalArgumentException("maxRegexInputLength must be at least 1, got " + maxRegexInputLength);
        }
        if (maxMemoryBytes < 1) {
            throw new IllegalArgumentException("maxMemoryBytes must be at least 1, got " + maxMemoryBytes);
        }
        secrets = secrets == null ? name -> null : secrets;
    }

    /** The platform's 350 MB, or half the heap when that is less: a few calls at their limit must fit in the heap. */
    public static long defaultMaxMemoryBytes() {
        return Math.min(PLATFORM_MAX_MEMORY_BYTES, Runtime.getRuntime().maxMemory() / 2);
    }
}
