package dev.hookstead.build.run;

import dev.hookstead.build.AppCompiler;
import dev.hookstead.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** webhook:run's operations lines: every printed URL answers on the development server. */
class OperationsUrlsTest {

    private static final Path EXAMPLE = Path.of("..", "webhook-war-example", "src", "main", "app");
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void everyPrintedUrlAnswers() throws Exception {
        Path webapp = tmp.resolve("webapp");
        AppCompiler compiler = new AppCompiler(tmp.resolve("cache"), "test", 2);
        assertFalse(compiler.compile(EXAMPLE, null, webapp.resolve("WEB-INF/hookstead")).problems().hasErrors());
        Map<String, String> properties = new HashMap<>();
        properties.put("hookstead.data.dir", tmp.resolve("data").toString());
        OperationsUrls.devDefaults(new Settings(name -> null, properties::get, name -> null), properties::put);
        properties.forEach(System::setProperty);
        try (DevServer server = new DevServer(webapp, List.of(), "127.0.0.1", 0, tmp.resolve("tomcat")).start()) {
            Settings settings = new Settings(name -> null, System::getProperty, name -> null);
            List<String> lines = OperationsUrls.lines(settings, "http://127.0.0.1:" + server.port());
            assertEquals("Operations:", lines.get(0));
            Map<String, String> byName = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String name = line.substring(2, 17).trim();
                byName.put(name, line.substring(17).trim());
            }
            assertEquals(200, get(byName.get("liveness"), null).statusCode());
            assertTrue(List.of(200, 503).contains(get(byName.get("readiness"), null).statusCode()));
            HttpResponse<String> openapi = get(byName.get("OpenAPI"), null);
            assertEquals(200, openapi.statusCode());
            assertTrue(openapi.body().contains("\"openapi\" : \"3.1.0\""), openapi.body());

            String log = byName.get("invocation log");
            String token = log.substring(log.indexOf("#token=") + 7);
            String logBase = log.substring(0, log.indexOf('#'));
            assertEquals(200, get(logBase, null).statusCode());
            assertEquals(200, get(logBase + "api/invocations", token).statusCode());

            String curl = byName.get("metrics");
            assertTrue(curl.startsWith("curl -H 'Authorization: Bearer "), curl);
            String scrapeToken = curl.substring(curl.indexOf("Bearer ") + 7, curl.indexOf("' "));
            HttpResponse<String> scrape = get(curl.substring(curl.lastIndexOf(' ') + 1), scrapeToken);
            assertEquals(200, scrape.statusCode());
            assertTrue(scrape.body().contains("hookstead_pool_size"), scrape.body());
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void whatTheDeveloperSetIsKept() {
        Map<String, String> properties = new HashMap<>(Map.of("hookstead.openapi.enabled", "false",
                "hookstead.log.role", "ops"));
        OperationsUrls.devDefaults(new Settings(name -> null, properties::get, name -> null), properties::put);
        assertEquals("false", properties.get("hookstead.openapi.enabled"));
        assertFalse(properties.containsKey("hookstead.log.adminToken"));
        List<String> lines = OperationsUrls.lines(new Settings(name -> null, properties::get, name -> null),
                "http://h:1");
        assertTrue(lines.contains("  OpenAPI        off (set hookstead.openapi.enabled=true)"), lines::toString);
        assertTrue(lines.contains("  invocation log http://h:1/hookstead/log/ (role ops)"), lines::toString);
        assertTrue(lines.contains("  liveness       http://h:1/hookstead/health/live"), lines::toString);
    }

    private HttpResponse<String> get(String url, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
