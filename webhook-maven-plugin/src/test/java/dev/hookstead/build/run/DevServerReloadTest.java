package dev.hookstead.build.run;

import dev.hookstead.build.AppCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** webhook:run's loop: serve, edit a source.js, and the next request runs the edited function without a restart. */
class DevServerReloadTest {

    private static final Path EXAMPLE = Path.of("..", "webhook-war-example", "src", "main", "app");
    private static final String PING = "/api/client/v2.0/app/hookstead-example-abcde/service/orders/incoming_webhook/ping";

    @TempDir
    Path tmp;

    @Test
    void anEditedSourceIsServedAfterTheReload() throws Exception {
        Path app = copy(EXAMPLE, tmp.resolve("app"));
        Path webapp = tmp.resolve("webapp");
        AppCompiler compiler = new AppCompiler(tmp.resolve("cache"), "test", 2);
        assertFalse(compiler.compile(app, null, webapp.resolve("WEB-INF/hookstead")).problems().hasErrors());
        List<String> log = new CopyOnWriteArrayList<>();
        Rebuilder.Log sink = new Rebuilder.Log() {
            public void info(String line) {
                log.add(line);
            }

            public void error(String line) {
                log.add("ERROR " + line);
            }
        };
        System.setProperty("hookstead.data.dir", tmp.resolve("data").toString());
        try (DevServer server = new DevServer(webapp, List.of(), "127.0.0.1", 0, tmp.resolve("tomcat")).start();
             ExportWatcher watcher = new ExportWatcher(app, 100, new Rebuilder(
                     () -> compiler.compile(app, null, webapp.resolve("WEB-INF/hookstead")), server, sink)).start()) {
            String url = "http://127.0.0.1:" + server.port() + PING;
            assertTrue(get(url).contains("\"pong\":true"));

            Path source = app.resolve("http_endpoints/orders/incoming_webhooks/ping/source.js");
            Files.writeString(source, "exports = () => ({ edited: `yes` });\n");
            awaitBody(url, "{\"edited\":\"yes\"}");
            assertTrue(log.stream().anyMatch(l -> l.startsWith("Reloaded: 1 functions transpiled again")), log::toString);

            Files.writeString(source, "exports = () => { return #broken; };\n");
            awaitLog(log, "ERROR The export has errors; still serving the last good build.");
            assertEquals("{\"edited\":\"yes\"}", get(url), "a broken edit keeps the last good build serving");
        } finally {
            System.clearProperty("hookstead.data.dir");
        }
    }

    private static void awaitBody(String url, String expected) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        String body = null;
        while (System.currentTimeMillis() < deadline) {
            body = get(url);
            if (expected.equals(body)) return;
            Thread.sleep(100);
        }
        fail("still serving " + body);
    }

    private static void awaitLog(List<String> log, String line) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline && !log.contains(line)) Thread.sleep(100);
        assertTrue(log.contains(line), log::toString);
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return to;
    }
}
