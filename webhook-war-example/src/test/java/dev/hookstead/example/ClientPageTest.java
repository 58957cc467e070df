package dev.hookstead.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.hookstead.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example's browser page ({@code src/main/webapp/client/}) in a real headless Chromium, served from another origin
 * ({@code http://localhost:<port>}) than the API ({@code http://127.0.0.1:<port>}), so every SDK request is
 * cross-origin and goes through CORS preflights. Asserts what the page shows once it has logged in and called the
 * endpoint and the function. Needs Debian's {@code chromium} ({@code .ci/run} installs it).
 */
class ClientPageTest {

    private static final Path PAGE = Path.of("src/main/webapp/client").toAbsolutePath();
    private static final String CHROMIUM = "chromium";

    @RegisterExtension
    final TestServer api = new TestServer();

    @TempDir
    Path data;
    @TempDir
    Path profile;
    private HttpServer pages;

    @BeforeEach
    void startPages() throws IOException {
        api.env("HOOKSTEAD_DATA_DIR", data.toString());
        pages = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pages.createContext("/", exchange -> {
            Path file = PAGE.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            boolean found = file.startsWith(PAGE) && Files.isRegularFile(file);
            byte[] body = found ? Files.readAllBytes(file) : new byte[0];
            exchange.getResponseHeaders().set("Content-Type", file.toString().endsWith(".html") ? "text/html"
                    : "text/javascript");
            exchange.sendResponseHeaders(found ? 200 : 404, found ? body.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        pages.start();
    }

    @AfterEach
    void stop() {
        pages.stop(0);
    }

    private String pageUrl() {
        return "http://localhost:" + pages.getAddress().getPort() + "/index.html?run&api="
                + URLEncoder.encode(api.uri("").toString(), StandardCharsets.UTF_8)
                + "&email=grace%40example.com&password=s3cret-pw";
    }

    @Test
    void thePageLogsInAndShowsTheEndpointAndFunctionResults() throws Exception {
        api.webapp(Path.of(System.getProperty("hookstead.example.webapp"))).start();
        String dom = chromium(pageUrl());
        assertEquals("done", text(dom, "status"), () -> "error: " + text(dom, "error") + "\n" + api.logs());
        assertTrue(text(dom, "user").contains("\"email\":\"grace@example.com\""), dom);
        String endpoint = text(dom, "endpoint");
        assertTrue(endpoint.startsWith("200 {\"id\":\"o-7\",\"status\":\"shipped\""), endpoint);
        String greeting = text(dom, "function");
        assertTrue(greeting.startsWith("{\"message\":\"Hello from Hookstead, Ada!\",\"userId\":\""), greeting);
        assertTrue(greeting.endsWith(",\"email\":\"grace@example.com\"}"), greeting);
    }

    @Test
    void anOriginTheAppDoesNotAllowGetsNothing() throws Exception {
        Path webapp = Path.of(System.getProperty("hookstead.example.webapp"));
        Path copy = data.resolve("webapp");
        try (var files = Files.walk(webapp)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(webapp.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(target);
                else Files.copy(file, target);
            }
        }
        Path manifest = copy.resolve("WEB-INF/hookstead/manifest.json");
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(manifest.toFile());
        ((ObjectNode) json.get("app")).putArray("allowedRequestOrigins").add("https://shop.example.com");
        Files.writeString(manifest, json.toString());
        api.webapp(copy).start();

        String dom = chromium(pageUrl());
        assertEquals("failed", text(dom, "status"), dom);
        assertTrue(text(dom, "error").contains("Failed to fetch"), text(dom, "error"));
        assertEquals("", text(dom, "user"));
    }

    /** The page's DOM once Chromium has run it: the SDK's requests hold the virtual clock until they complete. */
    private String chromium(String url) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=30000", "--dump-dom", url));
        Path out = Files.createTempFile(data, "dom", ".html");
        Path err = Files.createTempFile(data, "chromium", ".log");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("chromium is not installed: apt-get install -y chromium (.ci/run does this)", e);
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s:\n" + Files.readString(err));
        }
        String dom = Files.readString(out);
        assertTrue(dom.contains("id=\"status\""), () -> "no page from chromium:\n" + dom + readQuietly(err));
        return dom;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String text(String dom, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">(.*?)</", Pattern.DOTALL).matcher(dom);
        return m.find() ? m.group(1).replace("&quot;", "\"").replace("&amp;", "&") : "<no #" + id + ">";
    }
}
