package dev.hookstead.script;

import dev.hookstead.script.call.ContextContributor;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Limits and hooks of a {@link ScriptRuntime}.
 *
 * @param functionTimeout     run time of one invocation, async work included (the platform's limit is 300 s)
 * @param poolSize            hardened globals, i.e. invocations that can run at the same time
 * @param acquireTimeout      how long a call waits for a free global before failing with 503
 * @param maxAsyncOperations  pending async jobs (timers, host async calls) one invocation may have at once
 * @param maxRegexInputLength longest string a regular expression may run over
 * @param maxMemoryBytes      bytes one invocation may allocate, garbage included (its thread's allocated bytes)
 * @param secrets             secret name to secret text, for {@code context.values} of {@code from_secret} values;
 *                            returns null for an unknown secret
 * @param contributors        extra {@code context} members, built lazily per call
 */
public record RuntimeOptions(
        Duration functionTimeout,
        int poolSize,
        Duration acquireTimeout,
        int maxAsyncOperations,
        int maxRegexInputLength,
        long maxMemoryBytes,
        Function<String, String> secrets,
        List<ContextContributor> contributors) {

    public static final Duration DEFAULT_FUNCTION_TIMEOUT = Duration.ofSeconds(300);
    public static final Duration DEFAULT_ACQUIRE_TIMEOUT = Duration.ofSeconds(10);
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
        contributors = contributors == null ? List.of() : List.copyOf(contributors);
    }

    /** Platform limits, a pool of two globals per core, no secrets, no extra context members. */
    public static RuntimeOptions defaults() {
        return new RuntimeOptions(DEFAULT_FUNCTION_TIMEOUT, 2 * Runtime.getRuntime().availableProcessors(),
                DEFAULT_ACQUIRE_TIMEOUT, DEFAULT_MAX_ASYNC_OPERATIONS, DEFAULT_MAX_REGEX_INPUT_LENGTH, defaultMaxMemoryBytes(), null, null);
    }

    /** The platform's 350 MB, or half the heap when that is less: a few calls at their limit must fit in the heap. */
    public static long defaultMaxMemoryBytes() {
        return Math.min(PLATFORM_MAX_MEMORY_BYTES, Runtime.getRuntime().maxMemory() / 2);
    }

    public RuntimeOptions withFunctionTimeout(Duration value) {
        return new RuntimeOptions(value, poolSize, acquireTimeout, maxAsyncOperations, maxRegexInputLength, maxMemoryBytes, secrets, contributors);
    }

    public RuntimeOptions withPoolSize(int value) {
        return new RuntimeOptions(functionTimeout, value, acquireTimeout, maxAsyncOperations, maxRegexInputLength, maxMemoryBytes, secrets, contributors);
    }

    public RuntimeOptions withAcquireTimeout(Duration value) {
        return new RuntimeOptions(functionTimeout, poolSize, value, maxAsyncOperations, maxRegexInputLength, maxMemoryBytes, secrets, contributors);
    }

    public RuntimeOptions withMaxAsyncOperations(int value) {
        return new RuntimeOptions(functionTimeout, poolSize, acquireTimeout, value, maxRegexInputLength, maxMemoryBytes, secrets, contributors);
    }

    public RuntimeOptions withMaxRegexInputLength(int value) {
        return new RuntimeOptions(functionTimeout, poolSize, acquireTimeout, maxAsyncOperations, value, maxMemoryBytes, secrets, contributors);
    }

    public RuntimeOptions withMaxMemoryBytes(long value) {
        return new RuntimeOptions(functionTimeout, poolSize, acquireTimeout, maxAsyncOperations, maxRegexInputLength, value, secrets, contributors);
    }

    public RuntimeOptions withSecrets(Function<String, String> value) {
        return new RuntimeOptions(functionTimeout, poolSize, acquireTimeout, maxAsyncOperations, maxRegexInputLength, maxMemoryBytes, value, contributors);
    }

    public RuntimeOptions withContributors(List<ContextContributor> value) {
        return new RuntimeOptions(functionTimeout, poolSize, acquireTimeout, maxAsyncOperations, maxRegexInputLength, maxMemoryBytes, secrets, value);
    }
}
