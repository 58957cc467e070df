package dev.hookstead.build.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Polls an export folder and calls back once it has changed and then stayed still for one poll, so an editor's
 * several writes of one save cause one rebuild. Polling, not WatchService: it sees changes in new sub-folders and
 * behaves the same on every file system.
 */
public final class ExportWatcher implements AutoCloseable {

    private final Path root;
    private final Runnable onChange;
    private final Thread thread;
    private volatile boolean running = true;

    public ExportWatcher(Path root, long pollMillis, Runnable onChange) {
        this.root = root;
        this.onChange = onChange;
        this.thread = new Thread(() -> loop(pollMillis), "hookstead-export-watcher");
        thread.setDaemon(true);
    }

    public ExportWatcher start() {
        thread.start();
        return this;
    }

    private void loop(long pollMillis) {
        Map<Path, String> seen = snapshot();
        boolean pending = false;
        while (running) {
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                return;
            }
            Map<Path, String> now = snapshot();
            if (!now.equals(seen)) {
                seen = now;
                pending = true;
            } else if (pending) {
                pending = false;
                onChange.run();
            }
        }
    }

    private Map<Path, String> snapshot() {
        Map<Path, String> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (a.isRegularFile()) files.put(p, a.lastModifiedTime() + "/" + a.size());
                } catch (IOException e) {
                    // deleted while walking: the next poll sees it gone
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + ": " + e.getMessage(), e);
        }
        return files;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
