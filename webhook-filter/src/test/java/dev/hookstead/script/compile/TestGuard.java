package dev.hookstead.script.compile;

import java.util.concurrent.atomic.AtomicLong;

/** A guard like the runtime's: {@code check()} throws once tripped, either by a flag or after a number of calls. */
public final class TestGuard {

    /** What the guard throws; a plain Java exception, which JS code cannot turn into a normal return. */
    public static final class Tripped extends RuntimeException {
        Tripped() {
            super("guard tripped");
        }
    }

    private final long tripAfterCalls;
    private final AtomicLong calls = new AtomicLong();
    private volatile boolean tripped;

    private TestGuard(long tripAfterCalls) {
        this.tripAfterCalls = tripAfterCalls;
    }

    public static TestGuard never() {
        return new TestGuard(Long.MAX_VALUE);
    }

    public static TestGuard afterCalls(long calls) {
        return new TestGuard(calls);
    }

    public void trip() {
        tripped = true;
    }

    public long calls() {
        return calls.get();
    }

    public void check() {
        if (tripped || calls.incrementAndGet() > tripAfterCalls) throw new Tripped();
    }

    /** Compiled catch blocks call this on their error; these tests need the error as it is. */
    public void plain(Object caught) {
    }
}
