package dev.hookstead.services.mongodb;

import de.bwaldvogel.mongo.MongoServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The in-process MongoDB (mongo-java-server with its H2 backend) that services without a configured URI share.
 * Started on first use, bound to 127.0.0.1 on a free port, persisted in one MVStore file; a write is acknowledged
 * only once it is synced to that file ({@link DurableH2Backend}).
 */
final class EmbeddedMongo implements AutoCloseable {

    static final String FILE_NAME = "embedded-mongodb.mv.db";

    private final Path dataFile;
    private MongoServer server;
    private boolean closed;

    EmbeddedMongo(Path dataDirectory) {
        this.dataFile = dataDirectory.resolve(FILE_NAME).toAbsolutePath();
    }

    Path dataFile() {
        return dataFile;
    }

    /**
     * The connection string of the running server, starting it first if needed.
     *
     * @throws IllegalStateException naming the cause and the fix when the server cannot start
     */
    synchronized String connectionString() {
        if (closed) {
            throw new IllegalStateException("The embedded MongoDB was closed");
        }
        if (server == null) {
            start();
        }
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    private void start() {
        try {
            Files.createDirectories(dataFile.getParent());
        } catch (IOException e) {
            throw unavailable("cannot create the data directory " + dataFile.getParent() + " (" + e.getMessage()
                    + "); set " + MongoSettings.DATA_DIR + " to a writable directory", e);
        }
        DurableH2Backend opened;
        try {
            opened = DurableH2Backend.open(dataFile.toString());
        } catch (RuntimeException e) {
            // typically the file is locked by another Hookstead instance using the same data directory
            throw unavailable("cannot open the data file " + dataFile + " (" + e.getMessage() + "); give each"
                    + " instance its own " + MongoSettings.DATA_DIR, e);
        }
        MongoServer started = new MongoServer(opened);
        try {
            started.bind("127.0.0.1", 0);
        } catch (RuntimeException e) {
            opened.close();
            throw unavailable("cannot listen on 127.0.0.1 (" + e.getMessage() + ")", e);
        }
        server = started;
    }

    private static IllegalStateException unavailable(String detail, Throwable cause) {
        return new IllegalStateException("The embedded MongoDB could not start: " + detail, cause);
    }

    /** Stops the server, which commits and closes the data file. */
    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }
}
