package dev.hookstead.script;

import dev.hookstead.response.ErrorCode;
import dev.hookstead.response.HookError;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A fixed number of slots, each holding a hardened global or nothing (built on next use). A call holds a slot for
 * its whole duration; when none frees up within the acquire timeout the call fails with 503 instead of queueing.
 * Idle slots are handed out most recently returned first.
 */
final class GlobalPool implements PoolStats {
    private static final Logger LOG = LoggerFactory.getLogger(GlobalPool.class);

    /** A place in the pool; {@code global} is null until built, and again after a discard. */
    static final class Slot {
        SandboxGlobal global;
    }

    private final LinkedBlockingDeque<Slot> idle;
    private final Supplier<SandboxGlobal> builder;
    private final int size;
    private final Duration acquireTimeout;
    private ExecutorService background;
    private final AtomicReference<Runnable> fill = new AtomicReference<>();
    /** Counted only off the fast path: when no slot was free at once. */
    private final AtomicInteger waiting = new AtomicInteger();
    private final LongAdder acquireTimeouts = new LongAdder();
    /** Slots held by calls; the background filler's slots are not counted. */
    private final LongAdder inUse = new LongAdder();

    GlobalPool(int size, Duration acquireTimeout, Supplier<SandboxGlobal> builder) {
        this.size = size;
        this.acquireTimeout = acquireTimeout;
        this.builder = builder;
        this.idle = new LinkedBlockingDeque<>(size);
        for (int i = 0; i < size; i++) idle.add(new Slot());
    }

    /**
     * Puts {@code first} in a slot and, once the first call has finished or a call finds no free global, builds the
     * other slots' globals on a background thread, one after another: start-up waits for one global only, and on a
     * small machine the filling does not compete with the server's own start. The background thread holds the slots
     * it builds, so a request never builds the same slot; one that finds no ready global waits for the next slot to
     * come back.
     */
    void start(SandboxGlobal first) {
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
    Slot acquire() {
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
        if (slot.global == null) {
            try {
                slot.global = builder.get();
            } catch (RuntimeException | Error e) {
                idle.add(slot);
                throw e;
            }
        }
        inUse.increment();
        return slot;
    }

    /** Returns the slot; a broken global is dropped so the slot gets a fresh one on next use. */
    void release(Slot slot) {
        inUse.decrement();
        if (slot.global != null && slot.global.broken()) slot.global = null;
        idle.addFirst(slot); // last in, first out: under light load calls keep to the same few, JIT-warm globals
        startFilling();
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
    void close() {
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
