package dev.hookstead.script;

import dev.hookstead.manifest.Manifest;
import dev.hookstead.script.call.ContextContributor;
import dev.hookstead.script.call.PlatformContext;
import dev.hookstead.script.sandbox.PlatformServices;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A runtime's options for tests and benches: the platform's limits unless changed, no secrets, and {@code context}
 * members a test adds beside the platform's. Each {@code with} call returns a changed copy.
 */
public final class TestOptions {
    private Duration functionTimeout = Duration.ofSeconds(300);
    private int poolSize = 2 * Runtime.getRuntime().availableProcessors();
    private Duration acquireTimeout = Duration.ofSeconds(10);
    private int maxAsyncOperations = RuntimeOptions.DEFAULT_MAX_ASYNC_OPERATIONS;
    private int maxRegexInputLength = RuntimeOptions.DEFAULT_MAX_REGEX_INPUT_LENGTH;
    private long maxMemoryBytes = RuntimeOptions.defaultMaxMemoryBytes();
    private Function<String, String> secrets;
    private List<ContextContributor> contributors = List.of();

    private TestOptions() {
    }

    public static TestOptions defaults() {
        return new TestOptions();
    }

    public RuntimeOptions options() {
        return new RuntimeOptions(functionTimeout, poolSize, acquireTimeout, maxAsyncOperations, maxRegexInputLength,
                maxMemoryBytes, secrets);
    }

    /** A runtime with the platform's {@code context} members and this test's. */
    public ScriptRuntime runtime(Manifest manifest, ScriptSource source, PlatformServices services) {
        RuntimeOptions options = options();
        List<ContextContributor> context = new ArrayList<>(PlatformContext.contributors(manifest, options.secrets()));
        context.addAll(contributors);
        return new ScriptRuntime(manifest, source, options, context, services);
    }

    public ScriptRuntime runtime(Manifest manifest, ScriptSource source) {
        return runtime(manifest, source, PlatformServices.none());
    }

    public TestOptions withFunctionTimeout(Duration value) {
        TestOptions copy = copy();
        copy.functionTimeout = value;
        return copy;
    }

    public TestOptions withPoolSize(int value) {
        TestOptions copy = copy();
        copy.poolSize = value;
        return copy;
    }

    public TestOptions withAcquireTimeout(Duration value) {
        TestOptions copy = copy();
        copy.acquireTimeout = value;
        return copy;
    }

    public TestOptions withMaxAsyncOperations(int value) {
        TestOptions copy = copy();
        copy.maxAsyncOperations = value;
        return copy;
    }

    public TestOptions withMaxRegexInputLength(int value) {
        TestOptions copy = copy();
        copy.maxRegexInputLength = value;
        return copy;
    }

    public TestOptions withMaxMemoryBytes(long value) {
        TestOptions copy = copy();
        copy.maxMemoryBytes = value;
        return copy;
    }

    public TestOptions withSecrets(Function<String, String> value) {
        TestOptions copy = copy();
        copy.secrets = value;
        return copy;
    }

    /** Extra {@code context} members, which may not take the name of a platform member. */
    public TestOptions withContributors(List<ContextContributor> value) {
        TestOptions copy = copy();
        copy.contributors = List.copyOf(value);
        return copy;
    }

    private TestOptions copy() {
        TestOptions copy = new TestOptions();
        copy.functionTimeout = functionTimeout;
        copy.poolSize = poolSize;
        copy.acquireTimeout = acquireTimeout;
        copy.maxAsyncOperations = maxAsyncOperations;
        copy.maxRegexInputLength = maxRegexInputLength;
        copy.maxMemoryBytes = maxMemoryBytes;
        copy.secrets = secrets;
        copy.contributors = contributors;
        return copy;
    }
}
