package dev.hookstead.script;

/**
 * The object compiled scripts call as {@code __hs_guard__.check()} at the start of every function, loop body, catch
 * and finally block. A watchdog expires it at the deadline; from then on every check throws, so runaway code ends and
 * a catch or finally cannot swallow the timeout. Scripts can call every public method of this class, hence only one.
 */
public final class Guard {
    private volatile boolean expired;
    private long generation;

    public void check() {
        if (expired) throw new ExecutionTimeout();
    }

    /** Starts a new call; returns its generation, which {@link #expire(long)} must match. */
    synchronized long arm() {
        expired = false;
        return ++generation;
    }

    /** Expires the call of that generation; a late watchdog tick for an earlier call does nothing. */
    synchronized void expire(long callGeneration) {
        if (callGeneration == generation) expired = true;
    }

    synchronized void disarm() {
        generation++;
        expired = false;
    }

    boolean expired() {
        return expired;
    }
}
