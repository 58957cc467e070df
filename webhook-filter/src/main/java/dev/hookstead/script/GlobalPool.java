package dev.hookstead.script;

import dev.hookstead.response.ErrorCode;
import dev.hookstead.response.HookError;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A fixed number of slots, each holding a hardened global or nothing (built on next use). A call holds a slot for
 * its whole duration; when none frees up within the acquire timeout the call fails with 503 instead of queueing.
 */
final class GlobalPool {
    /** A place in the pool; {@code global} is null until built, and again after a discard. */
    static final class Slot {
        SandboxGlobal global;
    }

    private final BlockingQueue<Slot> idle;
    private final Supplier<SandboxGlobal> builder;
    private final int size;
    private final Duration acquireTimeout;

    GlobalPool(int size, Duration acquireTimeout, Supplier<SandboxGlobal> builder) {
        this.size = size;
        this.acquireTimeout = acquireTimeout;
        this.builder = builder;
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) idle.add(new Slot());
    }

    /** Builds every global now: one first (it compiles the shared code), the rest in parallel. */
    void prewarm(int threads) {
        List<Slot> slots = new ArrayList<>();
        idle.drainTo(slots);
        try {
            slots.get(0).global = builder.get();
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
            try {
                List<Future<SandboxGlobal>> built = new ArrayList<>();
                for (int i = 1; i < slots.size(); i++) built.add(pool.submit(builder::get));
                for (int i = 1; i < slots.size(); i++) slots.get(i).global = built.get(i - 1).get();
            } catch (Exception e) {
                throw new IllegalStateException("cannot build the script sandbox: " + e.getMessage(), e);
            } finally {
                pool.shutdownNow();
            }
        } finally {
            idle.addAll(slots);
        }
    }

    /** A slot with a ready global; build it first when the slot is empty. */
    Slot acquire() {
        Slot slot;
        try {
            slot = idle.poll(acquireTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (slot == null) throw busy();
        if (slot.global == null) {
            try {
                slot.global = builder.get();
            } catch (RuntimeException | Error e) {
                idle.add(slot);
                throw e;
            }
        }
        return slot;
    }

    /** Returns the slot; a broken global is dropped so the slot gets a fresh one on next use. */
    void release(Slot slot) {
        if (slot.global != null && slot.global.broken()) slot.global = null;
        idle.add(slot);
    }

    private HookError busy() {
        return new HookError(ErrorCode.ServiceUnavailable, 503, "all " + size + " JavaScript workers stayed busy for "
                + acquireTimeout.toMillis() + " ms; retry later or raise the pool size", null);
    }
}
