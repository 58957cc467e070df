package dev.hookstead.script.runtime;

/** Thrown by {@link Guard#check()} past the deadline. No stack trace: scripts that catch it must learn nothing. */
public final class ExecutionTimeout extends RuntimeException {
    ExecutionTimeout() {
        super("execution time limit exceeded", null, false, false);
    }
}
