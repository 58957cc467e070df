package dev.hookstead.build.run;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntConsumer;

/** The dev server's lifecycle: serve and watch the export until Ctrl-C, and close both before the JVM exits. */
public final class DevLoop {

    private static final int POLL_MILLIS = 500;

    private DevLoop() {
    }

    /**
     * Starts {@code server} and a watcher of {@code export}, tells {@code started} the bound port, and blocks until the
     * JVM shuts down.
     *
     * @throws IllegalStateException when the server cannot start
     */
    public static void run(DevServer server, Path export, Function<DevServer, Rebuilder> rebuilder,
                           IntConsumer started) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C: let the server and watcher close before the JVM exits
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hookstead-shutdown"));
        try (DevServer serving = server.start();
             ExportWatcher watcher = new ExportWatcher(export, POLL_MILLIS, rebuilder.apply(serving)).start()) {
            started.accept(serving.port());
            stop.await();
        } finally {
            stopped.countDown();
        }
    }
}
