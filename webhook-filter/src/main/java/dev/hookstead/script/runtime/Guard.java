package dev.hookstead.script.runtime;

import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

/**
 * The object compiled scripts call as {@code __hs_guard__.check()} at the start of every function, loop body, catch
 * and finally block, and as {@code __hs_guard__.plain(e)} at the start of every catch block. A watchdog expires it at
 * the deadline; from then on every check throws, so runaway code ends and a catch or finally cannot swallow the
 * timeout. Scripts can call every public method of this class, hence only these two.
 *
 * <p>It also holds the call's memory budget: the bytes the call's thread allocated since the call began (garbage
 * included), as JVM sandboxes measure it. The guard reads them with the clock, and the watchdog on each tick, so a
 * single huge allocation inside Java code is caught on the next tick.
 */
public final class Guard {
    /** Checks between reads of the clock: the watchdog thread may be slow to wake on a busy machine. */
    private static final int CLOCK_EVERY = 1024;
    private static final long DISARMED_NANOS = 365L * 24 * 3600 * 1_000_000_000L;
    /** The armed guard of the call this thread runs, for code that scripts reach without a guard call (regexes). */
    private static final ThreadLocal<Guard> CURRENT = new ThreadLocal<>();

    private final long maxAllocatedBytes;
    /** sandbox-harden.js's plain(value): takes Nashorn's Java exception off a caught error. */
    private final ScriptObjectMirror plain;
    private volatile boolean expired;
    private volatile boolean overMemory;
    /** The runtime is closing: the running call ends now, and so does any call armed after. */
    private volatile boolean closing;
    private long deadlineNanos;
    private int countdown;
    /** The calling thread's id while armed, else 0; and its allocated bytes when the call began. */
    private volatile long threadId;
    private volatile long allocatedAtArm;

    Guard(long maxAllocatedBytes, ScriptObjectMirror plain) {
        this.maxAllocatedBytes = maxAllocatedBytes;
        this.plain = plain;
        // disarmed until the first call: a zero deadline would have the pool retire a global still being built
        this.deadlineNanos = System.nanoTime() + DISARMED_NANOS;
    }

    public void check() {
        if (expired) throw new ExecutionTimeout();
        if (--countdown <= 0) {
            countdown = CLOCK_EVERY;
            if (System.nanoTime() - deadlineNanos >= 0) {
                expired = true;
                throw new ExecutionTimeout();
            }
            // Another thread (a regex's deep-stack one) has its own count; the watchdog reads the caller's.
            if (Thread.currentThread().getId() == threadId
                    && AllocatedBytes.current() - allocatedAtArm > maxAllocatedBytes) {
                overMemory = true;
                expired = true;
                throw new ExecutionTimeout();
            }
        }
    }

    /**
     * What a catch block caught, made fit for the script: a JS error loses its Java exception, and a Java throwable
     * (a stack overflow, or an exception of the runtime) is thrown on, since no script may hold a Java object; the
     * call ends with it as it would have without the catch.
     */
    public void plain(Object caught) {
        if (caught instanceof Throwable t) throw Guard.<RuntimeException>rethrow(t);
        if (caught instanceof ScriptObjectMirror) plain.call(null, caught);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable t) throws T {
        throw (T) t;
    }

    /** Starts a new call on the current thread, ending at {@code deadline} (a nanoTime). */
    synchronized void arm(long deadline) {
        CURRENT.set(this);
        expired = closing;
        overMemory = false;
        deadlineNanos = deadline;
        countdown = CLOCK_EVERY;
        allocatedAtArm = AllocatedBytes.current();
        threadId = Thread.currentThread().getId();
    }

    /**
     * Expires the armed call once its deadline has passed or its thread allocated more than the budget; a disarmed
     * guard's deadline lies a year ahead.
     */
    synchronized void expireIfDue(long nowNanos) {
        if (nowNanos - deadlineNanos >= 0) expired = true;
        long thread = threadId;
        if (thread != 0 && AllocatedBytes.of(thread) - allocatedAtArm > maxAllocatedBytes) {
            overMemory = true;
            expired = true;
        }
    }

    /** Ends the running call at its next check, rather than at its deadline: the server is shutting down. */
    synchronized void close() {
        closing = true;
        if (threadId != 0) expired = true;
    }

    synchronized void disarm() {
        CURRENT.remove();
        threadId = 0;
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

    /** Whether the call was ended because the runtime closed (rather than for its deadline or memory). */
    boolean closing() {
        return closing;
    }

    /** Whether the call was ended for allocating more than its budget (rather than for its deadline). */
    boolean overMemory() {
        return overMemory;
    }

    long maxAllocatedBytes() {
        return maxAllocatedBytes;
    }
}
