package dev.hookstead.hardening;

import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestServer;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, item 2: when the heap itself runs out during a call (the budget set above what the heap holds), the
 * caller still gets a JSON 500, the invocation line is written, and the server keeps serving. The server runs in a
 * child JVM with a small heap, so the test JVM's own heap is never at risk.
 */
class OutOfMemoryTest {

    /** Serves a hoarding webhook and a small one on an ephemeral port; prints "PORT n", stops when stdin closes. */
    public static void main(String[] args) throws IOException {
        TestServer server = new TestServer();
        server.beforeEach(null);
        server.env("HOOKSTEAD_FUNCTION_MAXMEMORY", "100000").env("HOOKSTEAD_ENGINE_POOLSIZE", "1").app(new JsApp()
                .webhook("hoard", "exports = () => { const kept = []; for (;;) kept.push(new Array(10000).fill(1)); };")
                .webhook("small", "exports = () => 'still serving';")).start();
        System.out.println("PORT " + server.uri("/").getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the test closes our stdin
        }
        System.out.print(server.logs());
        server.stop();
        System.exit(0);
    }

    @Test
    void anOutOfMemoryErrorAnswersJson500AndTheServerKeepsServing() throws Exception {
        Path log = Files.createTempFile("hookstead-oom", ".log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), OutOfMemoryTest.class.getName())
                .redirectError(log.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("PORT "), () -> "child said " + line + "\n" + read(log));
            String base = "http://127.0.0.1:" + line.substring(5);
            HttpClient client = HttpClient.newHttpClient();

            HttpResponse<String> oom = post(client, base + webhookPath("hoard"));
            assertEquals(500, oom.statusCode(), oom::body);
            BsonDocument body = BsonDocument.parse(oom.body());
            assertEquals("InternalServerError", body.getString("error_code").getValue());
            assertEquals("the server ran out of memory while running the function", body.getString("error").getValue());

            for (int i = 0; i < 3; i++) {
                HttpResponse<String> small = post(client, base + webhookPath("small"));
                assertEquals(200, small.statusCode(), small::body);
                assertEquals("\"still serving\"", small.body());
            }
            child.getOutputStream().close();
            StringBuilder logs = new StringBuilder();
            for (String l; (l = out.readLine()) != null; ) logs.append(l).append('\n');
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            List<String> lines = logs.toString().lines().filter(l -> l.contains("invocation=")).toList();
            assertTrue(lines.stream().anyMatch(l -> l.contains("status=500 errorCode=InternalServerError")), logs::toString);
            assertEquals(3, lines.stream().filter(l -> l.contains("status=200")).count(), logs::toString);
        } finally {
            child.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static HttpResponse<String> post(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
