package dev.hookstead.script.sandbox;

import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.rules.Rules;

import java.util.List;
import java.util.function.Function;

/**
 * What every global of a runtime is built with for {@code utils}, {@code context.services}, {@code context.http}
 * and {@code context.functions}.
 *
 * @param services     the host services the bridges call
 * @param httpServices names of the app's HTTP services, whose clients are {@code context.http}
 * @param functions    function name to its compiled script, null for an unknown name
 * @param wrapped      a script's factory source (see {@link dev.hookstead.script.runtime.ScriptWrapper})
 * @param rules        the app's MongoDB rules, enforced on application users' operations
 */
public record GlobalPlatform(PlatformServices services, List<String> httpServices,
                             Function<String, ScriptRef> functions, Function<ScriptRef, String> wrapped,
                             Rules rules) {
}
