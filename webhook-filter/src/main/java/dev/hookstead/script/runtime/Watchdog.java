package dev.hookstead.script.runtime;

import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread per runtime that expires the guards of running calls once their deadline has passed. It ticks
 * rather than scheduling a task per call: a task per call woke this thread on every request (a lock and an unpark
 * each), which cost more than a trivial function. A deadline is thus enforced within one tick.
 *
 * <p>Each global's guard is watched for the global's whole life, not per call: a disarmed guard's deadline lies a year
 * ahead, so a tick passes over idle guards, and a call pays for no registration (adding to and removing from a
 * concurrent set per call was 5 % of a trivial webhook's time in the filter). The watchdog holds guards weakly, so a
 * discarded global's guard goes with it.
 */
public final class Watchdog implements AutoCloseable {
    static final long TICK_MILLIS = 10;

    private final Queue<WeakReference<Guard>> guards = new ConcurrentLinkedQueue<>();
    private final ScheduledThreadPoolExecutor timer;
    private volatile Runnable alsoOnTick = () -> { };

    public Watchdog() {
        timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "hookstead-script-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Watches a global's guard from now on, for as long as the guard is in use. */
    void watch(Guard guard) {
        guards.add(new WeakReference<>(guard));
    }

    /** A task run after each tick's expiries, e.g. the pool's retirement of calls stuck past their deadline. */
    public void alsoOnTick(Runnable task) {
        alsoOnTick = task;
    }

    private void tick() {
        long now = System.nanoTime();
        for (Iterator<WeakReference<Guard>> it = guards.iterator(); it.hasNext(); ) {
            Guard guard = it.next().get();
            if (guard == null) it.remove();
            else guard.expireIfDue(now);
        }
        alsoOnTick.run();
    }

    /**
     * Ends every running call at its next guard check: a server stopping (SIGTERM) then waits for no deadline, only
     * for code no guard reaches.
     */
    @Override
    public void close() {
        for (WeakReference<Guard> reference : guards) {
            Guard guard = reference.get();
            if (guard != null) guard.close();
        }
        timer.shutdownNow();
    }
}
