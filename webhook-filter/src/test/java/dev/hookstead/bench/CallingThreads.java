package dev.hookstead.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

/** Runs a call in a loop on several threads for a fixed time; counts the calls and the threads' own CPU time. */
final class CallingThreads {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** What the threads did: calls made, and their CPU time in nanoseconds. */
    record Tally(long calls, long cpuNanos) {
    }

    private CallingThreads() {
    }

    static Tally run(IngestCallBench.Call call, int threads, int seconds) throws InterruptedException {
        AtomicLong calls = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                long before = THREADS.getCurrentThreadCpuTime();
                long n = 0;
                try {
                    while (System.nanoTime() < end) {
                        call.run();
                        n++;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                calls.addAndGet(n);
                cpu.addAndGet(THREADS.getCurrentThreadCpuTime() - before);
            });
            workers[t].start();
        }
        for (Thread w : workers) w.join();
        return new Tally(calls.get(), cpu.get());
    }
}
