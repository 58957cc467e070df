package dev.hookstead.hardening;

import com.mongodb.client.MongoCollection;
import dev.hookstead.services.mongodb.MongoServices;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the embedded database's promise: a write it acknowledged survives SIGKILL. A child JVM inserts through the
 * real driver into the embedded server and prints each acknowledged id; the test kills it with SIGKILL while it is
 * still writing, reopens the data file and looks for every acknowledged id. Before writes waited for a synced commit,
 * 1,158 of 3,000 survived.
 */
class DurableWritesTest {

    private static final String SERVICE = "mongodb-atlas";

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedInsertSurvivesSigkill() throws Exception {
        assertSurvivesSigkill(1, 3000);
    }

    @Test
    void concurrentWritersSharingCommitsLoseNothingEither() throws Exception {
        assertSurvivesSigkill(4, 1000);
    }

    private void assertSurvivesSigkill(int threads, int count) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), dataDir.toString(),
                String.valueOf(threads))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Set<Integer> acknowledged = new TreeSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < count && (line = out.readLine()) != null) {
                acknowledged.add(Integer.parseInt(line));
            }
            // SIGKILL while the writers are still inserting: no shutdown hook, no close, no final commit
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the writer did not die");
        } finally {
            child.destroyForcibly();
        }
        assertEquals(count, acknowledged.size(), "the writer stopped before acknowledging enough inserts");

        List<Integer> missing = new ArrayList<>();
        try (MongoServices services = services(dataDir)) {
            MongoCollection<Document> things = services.client(SERVICE).getDatabase("app").getCollection("things");
            for (int id : acknowledged) {
                if (things.find(new Document("_id", id)).first() == null) {
                    missing.add(id);
                }
            }
        }
        assertEquals(0, missing.size(), (count - missing.size()) + " of " + count
                + " acknowledged inserts survived SIGKILL; the first lost id is "
                + (missing.isEmpty() ? "none" : missing.get(0)));
    }

    private static MongoServices services(Path dataDir) {
        return new MongoServices(List.of(SERVICE), Map.of("hookstead.data.dir", dataDir.toString())::get);
    }

    /**
     * The child: each of its threads inserts its own ids (thread t of n: t, t + n, t + 2n, ...) one acknowledged
     * insert at a time, and prints each id once acknowledged.
     */
    public static final class Writer {
        public static void main(String[] args) {
            MongoServices services = services(Path.of(args[0]));
            MongoCollection<Document> things = services.client(SERVICE).getDatabase("app").getCollection("things");
            int threads = Integer.parseInt(args[1]);
            for (int t = 0; t < threads; t++) {
                int first = t;
                new Thread(() -> {
                    for (int id = first; ; id += threads) {
                        things.insertOne(new Document("_id", id).append("payload", "x".repeat(200)));
                        synchronized (System.out) {
                            System.out.println(id);
                            System.out.flush();
                        }
                    }
                }).start();
            }
        }
    }
}
