package dev.hookstead.script;

import dev.hookstead.manifest.Manifest;
import dev.hookstead.script.call.ContextContributor;
import dev.hookstead.script.call.PlatformContext;
import dev.hookstead.script.sandbox.PlatformServices;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A runtime's options for tests and benches: the platform's limits unless changed, no secrets, and {@code context}
 * members a test adds beside the platform's. Each {@code with} call returns a changed copy.
 */
public final class TestOptions implements Cloneable {
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
        return runtime(manifest, source, TestPlatformServices.none());
    }

    public TestOptions withFunctionTimeout(Duration value) {
        return with(copy -> copy.functionTimeout = value);
    }

    public TestOptions withPoolSize(int value) {
        return with(copy -> copy.poolSize = value);
    }

    public TestOptions withAcquireTimeout(Duration value) {
        return with(copy -> copy.acquireTimeout = value);
    }

    public TestOptions withMaxAsyncOperations(int value) {
        return with(copy -> copy.maxAsyncOperations = value);
    }

    public TestOptions withMaxRegexInputLength(int value) {
        return with(copy -> copy.maxRegexInputLength = value);
    }

    public TestOptions withMaxMemoryBytes(long value) {
        return with(copy -> copy.maxMemoryBytes = value);
    }

    public TestOptions withSecrets(Function<String, String> value) {
        return with(copy -> copy.secrets = value);
    }

    /** Extra {@code context} members, which may not take the name of a platform member. */
    public TestOptions withContributors(List<ContextContributor> value) {
        return with(copy -> copy.contributors = List.copyOf(value));
    }

    private TestOptions with(Consumer<TestOptions> change) {
        try {
            TestOptions copy = (TestOptions) clone();
            change.accept(copy);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
