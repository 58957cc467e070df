package dev.hookstead.pipeline;

/**
 * A failure that becomes an {@code {"error","error_code","link"}} response. The message is shown to the caller, so it
 * never carries secrets or Java internals.
 */
public class HookError extends RuntimeException {
    private final ErrorCode code;
    private final int status;

    public HookError(ErrorCode code, String message) {
        this(code, code.status(), message, null);
    }

    public HookError(ErrorCode code, int status, String message, Throwable cause) {
        super(message, cause, false, cause != null);
        this.code = code;
        this.status = status;
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return status;
    }
}
