package dev.hookstead.routing;

import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.testing.TestApps;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.hookstead.testing.TestApps.endpointPath;
import static dev.hookstead.testing.TestApps.webhook;
import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.*;

class RouteTableTest {

    private static EndpointDef endpoint(String route, String method, boolean disabled) {
        return new EndpointDef(route, method, "fn" + method, ValidationMethod.NO_VALIDATION, null, true, false, false,
                disabled, "JSON", null, "http_endpoints/config.json");
    }

    private static RouteTable table() {
        return RouteTable.of(TestApps.app(List.of(webhook("hook")), List.of(
                endpoint("/items", "GET", false),
                endpoint("/items", "*", false),
                endpoint("/off", "POST", true),
                endpoint("/a/b/c", "ANY", false)), List.of()));
    }

    @Test
    void findsWebhooksExactly() {
        RouteTable t = table();
        assertTrue(t.find(webhookPath("hook")).isWebhook());
        assertNotNull(t.find(webhookPath("hook") + "/"));
        assertNull(t.find(webhookPath("hook") + "//"));
        assertNull(t.find(webhookPath("HOOK")));
        assertNull(t.find(webhookPath("hook") + "/more"));
    }

    @Test
    void ownsOnlyItsAppsUrlSpace() {
        RouteTable t = table();
        assertTrue(t.owns(webhookPath("unknown")));
        assertTrue(t.owns("/api/client/v2.0/app/" + TestApps.APP_ID + "/anything"));
        assertTrue(t.owns(endpointPath("/unknown")));
        assertFalse(t.owns("/api/client/v2.0/app/other-app/service/svc/incoming_webhook/hook"));
        assertFalse(t.owns("/app/" + TestApps.APP_ID + "/static/x.js"));
        assertFalse(t.owns("/app/" + TestApps.APP_ID + "/endpointless"));
        assertFalse(t.owns("/index.html"));
    }

    @Test
    void aSpecificMethodBeatsAnyOnTheSameRoute() {
        Route items = table().find(endpointPath("/items"));
        assertFalse(items.isWebhook());
        assertEquals("fnGET", items.endpointFor("GET").functionName());
        assertEquals("fn*", items.endpointFor("POST").functionName());
        assertNull(items.endpointFor("HEAD"), "endpoints have no HEAD");
        assertEquals(List.of("GET", "POST", "PUT", "PATCH", "DELETE"), items.allowedMethods());
        assertNotNull(table().find(endpointPath("/a/b/c")).endpointFor("DELETE"));
    }

    @Test
    void disabledEndpointsAreNotRouted() {
        assertNull(table().find(endpointPath("/off")));
    }

    @Test
    void webhookMethods() {
        Route post = table().find(webhookPath("hook"));
        assertTrue(post.webhookAccepts("POST"));
        assertFalse(post.webhookAccepts("GET"));
        assertEquals(List.of("POST"), post.allowedMethods());
        Route any = RouteTable.of(TestApps.app(webhook("h", "ANY", ValidationMethod.NO_VALIDATION, null, true)))
                .find(webhookPath("h"));
        assertTrue(any.webhookAccepts("HEAD"));
        assertFalse(any.webhookAccepts("OPTIONS"));
    }

    @Test
    void duplicateEndpointsFailWithAClearMessage() {
        Manifest twice = TestApps.app(List.of(), List.of(endpoint("/x", "GET", false), endpoint("/x", "GET", false)),
                List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RouteTable.of(twice));
        assertTrue(e.getMessage().contains("GET /x"), e.getMessage());
    }

    @Test
    void aManifestWithoutClientAppIdAcceptsAnyAppId() {
        Manifest m = TestApps.app(webhook("hook"));
        Manifest noId = new Manifest(m.format(), m.formatVersion(), m.generator(), null, null, m.services(),
                m.webhooks(), m.endpoints(), m.functions(), null, null, null, null, null);
        RouteTable t = RouteTable.of(noId);
        assertNotNull(t.find("/api/client/v2.0/app/whatever-xyz/service/svc/incoming_webhook/hook"));
        assertNull(t.find("/api/client/v2.0/app/whatever-xyz/service/svc/incoming_webhook/nope"));
    }
}
