package dev.hookstead.clientapi;

import dev.hookstead.manifest.AppInfo;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.testing.TestApps;
import dev.hookstead.testing.TestRunner;
import dev.hookstead.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CORS on everything the filter answers, from the app's allowed_request_origins, over real HTTP. */
class CorsTest {

    private static final String LOCATION = "/api/client/v2.0/app/" + TestApps.APP_ID + "/location";
    private static final String APP_ORIGIN = "https://app.example.com";

    @RegisterExtension
    final TestServer server = new TestServer();

    private static Manifest app(List<String> origins) {
        Manifest m = TestApps.app(List.of(TestApps.webhook("hook")),
                List.of(TestApps.endpoint("/items", "GET", "items", "JSON")), List.of());
        AppInfo a = m.app();
        AppInfo app = new AppInfo(a.clientAppId(), a.appId(), a.name(), a.layout(), a.configVersion(),
                a.deploymentModel(), a.location(), a.providerRegion(), a.environment(), origins);
        return new Manifest(m.format(), m.formatVersion(), m.generator(), app, m.prelude(), m.services(), m.webhooks(),
                m.endpoints(), m.functions(), m.values(), m.environments(), m.authProviders(), m.customUserData(),
                m.dataSources());
    }

    private HttpResponse<String> preflight(String path, String origin) {
        return server.send(server.request(path).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type").build());
    }

    private HttpResponse<String> get(String path, String origin) {
        return server.send(server.request(path).header("Origin", origin).GET().build());
    }

    private static String header(HttpResponse<String> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void listedOriginsGetPreflightsAndHeadersOnClientApiWebhooksAndEndpoints() {
        server.manifest(app(List.of(APP_ORIGIN + "/", "http://localhost:3000"))).start();
        for (String path : List.of(LOCATION, TestApps.webhookPath("hook"), TestApps.endpointPath("/items"))) {
            HttpResponse<String> pre = preflight(path, APP_ORIGIN);
            assertEquals(204, pre.statusCode(), path);
            assertEquals(APP_ORIGIN, header(pre, "Access-Control-Allow-Origin"), path);
            assertTrue(header(pre, "Access-Control-Allow-Methods").contains("POST"), path);
            assertEquals("authorization, content-type", header(pre, "Access-Control-Allow-Headers"), path);
            assertEquals(Cors.MAX_AGE, header(pre, "Access-Control-Max-Age"));
            assertEquals(null, header(pre, "Access-Control-Allow-Credentials"));
        }
        HttpResponse<String> location = get(LOCATION, "http://localhost:3000");
        assertEquals(200, location.statusCode());
        assertEquals("http://localhost:3000", header(location, "Access-Control-Allow-Origin"));
        assertTrue(location.headers().allValues("Vary").contains("Origin"));
        HttpResponse<String> missing = get(TestApps.endpointPath("/items"), APP_ORIGIN);
        assertEquals(APP_ORIGIN, header(missing, "Access-Control-Allow-Origin"), "errors are readable by the page");
    }

    @Test
    void aFunctionsOwnCorsHeaderReplacesTheFiltersRatherThanDoublingIt() {
        server.manifest(app(List.of())).runner().on("hook", r -> TestRunner.responds(200,
                Map.of("Access-Control-Allow-Origin", List.of("*")), "ok".getBytes(StandardCharsets.UTF_8), null));
        server.start();
        HttpResponse<String> r = server.send(server.request(TestApps.webhookPath("hook"))
                .header("Origin", APP_ORIGIN).POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(200, r.statusCode(), r::body);
        assertEquals(List.of("*"), r.headers().allValues("Access-Control-Allow-Origin"));
    }

    @Test
    void otherOriginsAreRefusedBeforeAnythingRuns() {
        server.manifest(app(List.of(APP_ORIGIN))).start();
        HttpResponse<String> pre = preflight(LOCATION, "https://evil.example.net");
        assertEquals(403, pre.statusCode());
        assertTrue(pre.body().contains("\"error_code\":\"DomainNotAllowed\""), pre.body());
        assertEquals(null, header(pre, "Access-Control-Allow-Origin"));
        HttpResponse<String> post = server.send(server.request(TestApps.webhookPath("hook"))
                .header("Origin", "https://app.example.com:8443").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(403, post.statusCode(), "a port is part of the origin");
        assertEquals(0, server.runner().calls, "nothing ran");
    }

    @Test
    void requestsWithoutOriginOrFromTheWebappItselfAreNotCrossOrigin() {
        server.manifest(app(List.of(APP_ORIGIN))).start();
        HttpResponse<String> plain = server.get(LOCATION);
        assertEquals(200, plain.statusCode());
        assertEquals(null, header(plain, "Access-Control-Allow-Origin"));
        String own = server.uri("").toString();
        HttpResponse<String> same = get(LOCATION, own);
        assertEquals(200, same.statusCode(), same::body);
    }

    @Test
    void withoutAListEveryOriginIsAllowedAsOnThePlatform() {
        server.manifest(app(List.of())).start();
        HttpResponse<String> pre = preflight(TestApps.endpointPath("/items"), "https://anywhere.example.org");
        assertEquals(204, pre.statusCode());
        assertEquals("https://anywhere.example.org", header(pre, "Access-Control-Allow-Origin"));
        assertEquals("https://anywhere.example.org",
                header(get(LOCATION, "https://anywhere.example.org"), "Access-Control-Allow-Origin"));
    }

    @Test
    void anOriginThatIsNotOneFailsDeployment() {
        server.manifest(app(List.of("https://app.example.com/path"))).start();
        assertNotNull(server.filter().initFailure);
        assertTrue(server.filter().initFailure.getMessage().contains(
                "allowed_request_origins entry 'https://app.example.com/path' is not an origin"),
                server.filter().initFailure.getMessage());
    }
}
