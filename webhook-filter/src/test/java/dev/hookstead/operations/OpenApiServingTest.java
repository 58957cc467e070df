package dev.hookstead.operations;

import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The filter serves WEB-INF/hookstead/openapi.json at its path only when told to. */
class OpenApiServingTest {

    private static final String DOCUMENT = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{}}";

    @RegisterExtension
    final TestServer server = new TestServer();

    private JsApp app() {
        return new JsApp().webhook("hello", "exports = () => 'hi';");
    }

    @Test
    void servedAtTheConfiguredPathWhenEnabled() {
        server.env("HOOKSTEAD_OPENAPI_ENABLED", "true").env("HOOKSTEAD_OPENAPI_PATH", "/docs/openapi.json")
                .app(app()).file("openapi.json", DOCUMENT).start();
        HttpResponse<String> doc = server.get("/docs/openapi.json");
        assertEquals(200, doc.statusCode());
        assertEquals("application/json", doc.headers().firstValue("Content-Type").orElse(""));
        assertEquals(DOCUMENT, doc.body());
        assertEquals(405, server.post("/docs/openapi.json", "").statusCode());
    }

    @Test
    void offByDefault() {
        server.app(app()).file("openapi.json", DOCUMENT).start();
        assertEquals("fallback /hookstead/openapi.json", server.get("/hookstead/openapi.json").body());
    }

    @Test
    void enabledWithoutADocumentInTheWarFailsStartUp() {
        server.env("HOOKSTEAD_OPENAPI_ENABLED", "true").app(app()).start();
        assertFalse(server.started());
        assertTrue(server.filter().initFailure.getMessage().startsWith("hookstead.openapi.enabled is true but the WAR"
                + " has no /WEB-INF/hookstead/openapi.json"), server.filter().initFailure.getMessage());
    }
}
