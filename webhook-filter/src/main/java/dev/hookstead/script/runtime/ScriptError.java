package dev.hookstead.script.runtime;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;

import java.util.List;

/**
 * A failure of the user's script. The message goes to the caller; {@link #scriptStack()} (JS frames mapped to the
 * user's original file and lines) and {@link #console()} go only to the logs.
 */
public final class ScriptError extends HookError {
    private final String scriptStack;
    private final List<String> console;

    public ScriptError(ErrorCode code, String message, String scriptStack, List<String> console) {
        super(code, code.status(), message, null);
        this.scriptStack = scriptStack;
        this.console = console;
    }

    /** What the call wrote through {@code console.*} before it failed: a failed call's lines matter most. */
    public List<String> console() {
        return console;
    }

    /** The JS stack with frames of the failing script as {@code original.js:line}, or null when there was none. */
    public String scriptStack() {
        return scriptStack;
    }
}
