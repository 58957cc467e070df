package dev.hookstead.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Node.js peer (bench/load/node-peer/server.js, its packages installed by bench/load/run.sh) in its own process,
 * against the bench's mongo-java-server. Its CPU time is what it reports itself: user + system from
 * {@code process.cpuUsage()} (getrusage, every thread of the process), in cluster mode the primary's plus each
 * worker's.
 */
final class NodePeer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final int port;

    /** @param workers 0 to serve from one process, else the number of cluster workers */
    NodePeer(Path dir, String mongoUri, String secret, int workers) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of("node", dir.resolve("server.js").toString()))
                .directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(Map.of("MONGODB_URI", mongoUri, "WEBHOOK_SECRET", secret,
                "WORKERS", Integer.toString(workers), "NODE_ENV", "production"));
        process = builder.start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = process.outputWriter(StandardCharsets.UTF_8);
        port = JSON.readTree(line()).get("port").asInt();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The peer's CPU time so far, all its processes together, in nanoseconds. */
    synchronized long cpuNanos() {
        try {
            in.write("cpu\n");
            in.flush();
            return JSON.readTree(line()).get("cpuMicros").asLong() * 1000;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String line() throws IOException {
        String line = out.readLine();
        if (line == null) throw new IllegalStateException("the node peer ended (exit " + process.onExit().join().exitValue() + ")");
        return line;
    }

    /**
     * Stops the primary and its workers (listed first: once the primary ends they are no longer its descendants). A
     * bench JVM that ends without closing closes the peer's stdin all the same, and the peer ends on its own.
     */
    @Override
    public void close() throws IOException {
        List<ProcessHandle> workers = process.descendants().toList();
        in.close();
        workers.forEach(ProcessHandle::destroy);
        process.destroy();
    }
}
