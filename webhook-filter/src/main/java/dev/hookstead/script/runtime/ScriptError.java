package dev.hookstead.script.runtime;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;

/**
 * A failure of the user's script. The message goes to the caller; {@link #scriptStack()} (JS frames mapped to the
 * user's original file and lines) goes only to the log.
 */
public final class ScriptError extends HookError {
    private final String scriptStack;

    public ScriptError(ErrorCode code, String message, String scriptStack) {
        super(code, code.status(), message, null);
        this.scriptStack = scriptStack;
    }

    /** The JS stack with frames of the failing script as {@code original.js:line}, or null when there was none. */
    public String scriptStack() {
        return scriptStack;
    }
}
