package dev.hookstead.script;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread per runtime that expires the guards of running calls once their deadline has passed. It ticks
 * rather than scheduling a task per call: a task per call woke this thread on every request (a lock and an unpark
 * each), which cost more than a trivial function. A deadline is thus enforced within one tick.
 */
final class Watchdog implements AutoCloseable {
    static final long TICK_MILLIS = 10;

    private final Set<Guard> running = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor timer;

    Watchdog() {
        timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "hookstead-script-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Watches an armed guard until {@link #release(Guard)}. */
    void watch(Guard guard) {
        running.add(guard);
    }

    void release(Guard guard) {
        running.remove(guard);
    }

    private void tick() {
        long now = System.nanoTime();
        for (Guard guard : running) guard.expireIfDue(now);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
