package dev.hookstead.script.runtime;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A fixed number of slots, each holding a hardened global or nothing (built on next use). A call holds a slot for
 * its whole duration; when none frees up within the acquire timeout the call fails with 503 instead of queueing.
 * Idle slots are handed out most recently returned first.
 */
public final class GlobalPool implements PoolStats {
    private static final Logger LOG = LoggerFactory.getLogger(GlobalPool.class);

    private static final int IDLE = 0, BUSY = 1, RETIRED = 2;

    /** A place in the pool; {@code global} is null until built, and again after a discard. */
    public static final class Slot {
        public SandboxGlobal global;
        /** IDLE or BUSY; RETIRED once a call overran its deadline so far that the slot was replaced. */
        final AtomicInteger state = new AtomicInteger(IDLE);
    }

    private final LinkedBlockingDeque<Slot> idle;
    private final Supplier<SandboxGlobal> builder;
    private final int size;
    private final Duration acquireTimeout;
    private ExecutorService background;
    private final AtomicReference<Runnable> fill = new AtomicReference<>();
    /** Every slot not retired, for the watchdog's scan of overrunning calls. */
    private final List<Slot> slots = new CopyOnWriteArrayList<>();
    private final AtomicInteger retiredBusy = new AtomicInteger();
    /** Counted only off the fast path: when no slot was free at once. */
    private final AtomicInteger waiting = new AtomicInteger();
    private final LongAdder acquireTimeouts = new LongAdder();
    /** Slots held by calls; the background filler's slots are not counted. */
    private final LongAdder inUse = new LongAdder();

    public GlobalPool(int size, Duration acquireTimeout, Supplier<SandboxGlobal> builder) {
        this.size = size;
        this.acquireTimeout = acquireTimeout;
        this.builder = builder;
        this.idle = new LinkedBlockingDeque<>(size);
        for (int i = 0; i < size; i++) idle.add(new Slot());
        slots.addAll(idle);
    }

    /**
     * Puts {@code first} in a slot and, once the first call has finished or a call finds no free global, builds the
     * other slots' globals on a background thread, one after another: start-up waits for one global only, and on a
     * small machine the filling does not compete with the server's own start. The background thread holds the slots
     * it builds, so a request never builds the same slot; one that finds no ready global waits for the next slot to
     * come back.
     */
    public void start(SandboxGlobal first) {
        List<Slot> slots = new ArrayList<>();
        idle.drainTo(slots);
        slots.get(0).global = first;
        idle.add(slots.get(0));
        if (slots.size() == 1) return;
        background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hookstead-script-pool-fill");
            thread.setDaemon(true);
            return thread;
        });
        fill.set(() -> {
            background.execute(() -> {
                for (Slot slot : slots.subList(1, slots.size())) {
                    try {
                        if (!Thread.currentThread().isInterrupted()) slot.global = builder.get();
                    } catch (RuntimeException | Error e) {
                        LOG.warn("Cannot build a script global in the background; a request will retry: {}", e.toString());
                    } finally {
                        idle.add(slot); // empty after a failure or a shutdown: acquire() builds it on use
                    }
                }
            });
            background.shutdown();
        });
    }

    /** A slot with a ready global; build it first when the slot is empty. */
    public Slot acquire() {
        Slot slot = idle.poll();
        try {
            if (slot == null) {
                startFilling();
                waiting.incrementAndGet();
                try {
                    slot = idle.poll(acquireTimeout.toNanos(), TimeUnit.NANOSECONDS);
                } finally {
                    waiting.decrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (slot == null) {
            acquireTimeouts.increment();
            throw busy();
        }
        slot.state.set(BUSY);
        if (slot.global == null) {
            try {
                slot.global = builder.get();
            } catch (RuntimeException | Error e) {
                slot.state.set(IDLE);
                idle.add(slot);
                throw e;
            }
        }
        inUse.increment();
        return slot;
    }

    /**
     * Returns the slot; a broken global is dropped so the slot gets a fresh one on next use. A retired slot, already
     * replaced, is dropped with its global.
     */
    public void release(Slot slot) {
        inUse.decrement();
        if (!slot.state.compareAndSet(BUSY, IDLE)) {
            retiredBusy.decrementAndGet();
            LOG.warn("A script global retired after overrunning its deadline finished its call; it is discarded");
            return;
        }
        if (slot.global != null && slot.global.broken()) slot.global = null;
        idle.addFirst(slot); // last in, first out: under light load calls keep to the same few, JIT-warm globals
        startFilling();
    }

    /**
     * The second line behind the guards: a call still running {@code graceNanos} past its deadline is stuck in code
     * no guard reaches. Its slot is retired and a fresh one takes its place, so capacity recovers; the stuck thread
     * keeps its global until it returns (then {@link #release} drops both). At most {@code size} retired slots may
     * still be busy at once, so stuck threads cannot multiply the pool without bound. Called by the watchdog.
     */
    public void retireOverrunning(long nowNanos, long graceNanos) {
        for (Slot slot : slots) {
            SandboxGlobal global = slot.global;
            if (slot.state.get() != BUSY || global == null || nowNanos - global.deadline() - graceNanos < 0) continue;
            if (retiredBusy.get() >= size || !slot.state.compareAndSet(BUSY, RETIRED)) continue;
            retiredBusy.incrementAndGet();
            slots.remove(slot);
            Slot fresh = new Slot();
            slots.add(fresh);
            idle.add(fresh);
            LOG.error("A function call is still running {} ms past its deadline, in code the time limit cannot stop;"
                    + " its script global is retired and a fresh one takes its place", graceNanos / 1_000_000);
        }
    }

    private void startFilling() {
        Runnable start = fill.getAndSet(null);
        if (start == null) return;
        try {
            start.run();
        } catch (RejectedExecutionException closing) {
            // the runtime closed meanwhile: nothing left to fill
        }
    }

    /** Stops the background building, waiting briefly so that no thread of the webapp outlives it. */
    public void close() {
        fill.set(null);
        if (background == null) return;
        background.shutdownNow();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int inUse() {
        return inUse.intValue();
    }

    @Override
    public int waiting() {
        return waiting.get();
    }

    @Override
    public long acquireTimeouts() {
        return acquireTimeouts.sum();
    }

    private HookError busy() {
        return new HookError(ErrorCode.ServiceUnavailable, 503, "all " + size + " JavaScript workers stayed busy for "
                + acquireTimeout.toMillis() + " ms; retry later or raise the pool size", null);
    }
}
