package dev.hookstead.script.runtime;

/**
 * The one way compiled modules are turned into a factory, shared by the build and the runtime. It lives on the
 * runtime side so that the WAR needs nothing of the build-time compiler ({@code script.compile}, a separate jar).
 *
 * <p>{@code wrap(es5)} evaluates to a function {@code (guard, module) -> exports}. Each call runs the module's top level
 * again, so every call gets fresh module state. The module's value is {@code exports} if the script assigned it, else
 * {@code module.exports}.
 *
 * <p>The prefix holds no newline, so a line number reported by the engine for the wrapped text is the line of
 * {@code es5} (the compiler's {@code CompiledScript.originalLine} maps it back to the user's source).
 *
 * <p>The module body runs in an inner function: in sloppy mode a function's {@code arguments} aliases its parameters,
 * so a top-level {@code arguments[0] = {check: function(){}}} would otherwise replace the guard.
 */
public final class ScriptWrapper {

    /** The parameter through which the runtime hands the guard to the module; user code may not use this name. */
    public static final String GUARD = "__hs_guard__";

    /** Everything before the module text; a single line. */
    public static final String PREFIX =
            "(function(" + GUARD + ", module){return (function(){var exports;";

    /** Everything after the module text. */
    public static final String SUFFIX =
            "\nreturn typeof exports !== \"undefined\" ? exports : module.exports;})();})";

    private ScriptWrapper() {
    }

    public static String wrap(String es5) {
        return PREFIX + es5 + SUFFIX;
    }
}
