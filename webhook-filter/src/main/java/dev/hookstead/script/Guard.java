package dev.hookstead.script;

/**
 * The object compiled scripts call as {@code __hs_guard__.check()} at the start of every function, loop body, catch
 * and finally block. A watchdog expires it at the deadline; from then on every check throws, so runaway code ends and
 * a catch or finally cannot swallow the timeout. Scripts can call every public method of this class, hence only one.
 */
public final class Guard {
    /** Checks between reads of the clock: the watchdog thread may be slow to wake on a busy machine. */
    private static final int CLOCK_EVERY = 1024;
    private static final long DISARMED_NANOS = 365L * 24 * 3600 * 1_000_000_000L;
    /** The armed guard of the call this thread runs, for code that scripts reach without a guard call (regexes). */
    private static final ThreadLocal<Guard> CURRENT = new ThreadLocal<>();

    private volatile boolean expired;
    private long deadlineNanos;
    private int countdown;

    public void check() {
        if (expired) throw new ExecutionTimeout();
        if (--countdown <= 0) {
            countdown = CLOCK_EVERY;
            if (System.nanoTime() - deadlineNanos >= 0) {
                expired = true;
                throw new ExecutionTimeout();
            }
        }
    }

    /** Starts a new call ending at {@code deadline} (a nanoTime). */
    synchronized void arm(long deadline) {
        CURRENT.set(this);
        expired = false;
        deadlineNanos = deadline;
        countdown = CLOCK_EVERY;
    }

    /** Expires the armed call once its deadline has passed; a disarmed guard's deadline lies a year ahead. */
    synchronized void expireIfDue(long nowNanos) {
        if (nowNanos - deadlineNanos >= 0) expired = true;
    }

    synchronized void disarm() {
        CURRENT.remove();
        expired = false;
        deadlineNanos = System.nanoTime() + DISARMED_NANOS;
    }

    synchronized long deadline() {
        return deadlineNanos;
    }

    /** The guard of the call running on this thread, or null outside a call. */
    static Guard current() {
        return CURRENT.get();
    }

    boolean expired() {
        return expired;
    }
}
