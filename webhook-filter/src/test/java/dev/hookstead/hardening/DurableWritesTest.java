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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the embedded database's promise: a write it acknowledged survives SIGKILL. A child JVM inserts through the
 * real driver into the embedded server and prints each acknowledged id; the test kills it with SIGKILL while it is
 * still writing, reopens the data file and looks for every acknowledged id.
 */
class DurableWritesTest {

    private static final String SERVICE = "mongodb-atlas";
    private static final int ACKNOWLEDGED = 3000;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedInsertSurvivesSigkill() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged < ACKNOWLEDGED && (line = out.readLine()) != null) {
                assertEquals(acknowledged, Integer.parseInt(line), "the writer acknowledges ids in order");
                acknowledged++;
            }
            // SIGKILL while the writer is still inserting: no shutdown hook, no close, no final commit
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the writer did not die");
        } finally {
            child.destroyForcibly();
        }
        assertEquals(ACKNOWLEDGED, acknowledged, "the writer stopped before acknowledging enough inserts");

        List<Integer> missing = new ArrayList<>();
        try (MongoServices services = services(dataDir)) {
            MongoCollection<Document> things = services.client(SERVICE).getDatabase("app").getCollection("things");
            for (int id = 0; id < acknowledged; id++) {
                if (things.find(new Document("_id", id)).first() == null) {
                    missing.add(id);
                }
            }
        }
        assertEquals(0, missing.size(), (acknowledged - missing.size()) + " of " + acknowledged
                + " acknowledged inserts survived SIGKILL; the first lost id is "
                + (missing.isEmpty() ? "none" : missing.get(0)));
    }

    private static MongoServices services(Path dataDir) {
        return new MongoServices(List.of(SERVICE), Map.of("hookstead.data.dir", dataDir.toString())::get);
    }

    /** The child: inserts ids 0, 1, 2, ... one acknowledged insert at a time and prints each id once acknowledged. */
    public static final class Writer {
        public static void main(String[] args) {
            MongoServices services = services(Path.of(args[0]));
            MongoCollection<Document> things = services.client(SERVICE).getDatabase("app").getCollection("things");
            for (int id = 0; ; id++) {
                things.insertOne(new Document("_id", id).append("payload", "x".repeat(200)));
                System.out.println(id);
                System.out.flush();
            }
        }
    }
}
