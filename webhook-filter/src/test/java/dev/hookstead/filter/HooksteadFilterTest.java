package dev.hookstead.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.testing.TestApps;
import dev.hookstead.testing.TestServer;
import jakarta.servlet.FilterRegistration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;

import static dev.hookstead.testing.TestApps.webhook;
import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.*;

/** Registration, dispatch and pass-through, over real HTTP. */
class HooksteadFilterTest {

    @RegisterExtension
    final TestServer server = new TestServer();

    @Test
    void theInitializerRegistersTheFilterWhenTheWarHasAManifest() {
        server.manifest(TestApps.app(webhook("hook"))).start();

        Map<String, ? extends FilterRegistration> filters = server.context().getServletContext().getFilterRegistrations();
        assertEquals(1, filters.size(), filters.toString());
        assertTrue(filters.containsKey("hookstead"));
        assertEquals(200, server.post(webhookPath("hook"), "{}").statusCode());
        assertEquals(1, server.runner().calls);
    }

    @Test
    void withoutManifestTheInitializerStaysAway() {
        server.start();

        assertTrue(server.started());
        assertTrue(server.context().getServletContext().getFilterRegistrations().isEmpty());
        assertEquals("fallback " + webhookPath("hook"), server.post(webhookPath("hook"), "{}").body());
    }

    @Test
    void autoRegisterFalseLeavesTheWebappAlone() {
        server.manifest(TestApps.app(webhook("hook"))).contextParam("hookstead.autoRegister", "false").start();

        assertTrue(server.context().getServletContext().getFilterRegistrations().isEmpty());
        assertEquals("fallback " + webhookPath("hook"), server.post(webhookPath("hook"), "{}").body());
    }

    @Test
    void anExplicitDeclarationWinsAndItsInitParamsBeatContextParamsSystemPropertiesAndEnvironment() {
        System.setProperty("hookstead.request.maxBytes", "1000");
        try {
            server.manifest(TestApps.app(webhook("hook")))
                    .env("HOOKSTEAD_REQUEST_MAXBYTES", "2000")
                    .contextParam("hookstead.request.maxBytes", "5")
                    .explicit(Map.of("hookstead.request.maxBytes", "10"))
                    .start();

            Map<String, ? extends FilterRegistration> filters =
                    server.context().getServletContext().getFilterRegistrations();
            assertEquals(1, filters.size(), "the initializer must not add a second filter: " + filters);
            assertTrue(filters.containsKey("hookstead-explicit"));
            assertEquals(200, server.post(webhookPath("hook"), "0123456789").statusCode());
            assertEquals(413, server.post(webhookPath("hook"), "0123456789A").statusCode());
        } finally {
            System.clearProperty("hookstead.request.maxBytes");
        }
    }

    @Test
    void aSystemPropertyBeatsTheEnvironment() {
        System.setProperty("hookstead.request.maxBytes", "5");
        try {
            server.manifest(TestApps.app(webhook("hook"))).env("HOOKSTEAD_REQUEST_MAXBYTES", "2000").start();

            assertEquals(413, server.post(webhookPath("hook"), "123456").statusCode());
        } finally {
            System.clearProperty("hookstead.request.maxBytes");
        }
    }

    @Test
    void contextParamsConfigureASelfRegisteredFilterAndBeatSystemProperties() {
        System.setProperty("hookstead.request.maxBytes", "1000");
        try {
            server.manifest(TestApps.app(webhook("hook"))).contextParam("hookstead.request.maxBytes", "5").start();

            assertEquals(413, server.post(webhookPath("hook"), "123456").statusCode());
        } finally {
            System.clearProperty("hookstead.request.maxBytes");
        }
    }

    @Test
    void theEnvironmentIsReadWhenNothingElseIsSet() {
        server.manifest(TestApps.app(webhook("hook"))).env("HOOKSTEAD_REQUEST_MAXBYTES", "5").start();

        assertEquals(413, server.post(webhookPath("hook"), "123456").statusCode());
        assertEquals(200, server.post(webhookPath("hook"), "12345").statusCode());
    }

    @Test
    void pathsOutsideTheAppPassThroughToTheWebapp() {
        server.manifest(TestApps.app(webhook("hook"))).start();

        assertEquals("fallback /index.html", server.get("/index.html").body());
        assertEquals("fallback /api/client/v2.0/app/otherapp-xyz/service/svc/incoming_webhook/hook",
                server.post("/api/client/v2.0/app/otherapp-xyz/service/svc/incoming_webhook/hook", "{}").body());
        assertEquals(0, server.runner().calls);
    }

    @Test
    void forwardedRequestsPassThroughEvenWhenTheFilterIsMappedForThem() {
        server.manifest(TestApps.app(webhook("hook"))).explicit(Map.of())
                .servlet("/forward", new jakarta.servlet.http.HttpServlet() {
                    @Override
                    protected void service(jakarta.servlet.http.HttpServletRequest req,
                                           jakarta.servlet.http.HttpServletResponse resp)
                            throws jakarta.servlet.ServletException, java.io.IOException {
                        req.getRequestDispatcher(webhookPath("hook")).forward(req, resp);
                    }
                }).start();

        assertEquals("fallback " + webhookPath("hook"), server.post("/forward", "{}").body());
        assertEquals(0, server.runner().calls);
        assertEquals(200, server.post(webhookPath("hook"), "{}").statusCode());
    }

    @Test
    void worksUnderAContextPath() {
        server.manifest(TestApps.app(webhook("hook"))).contextPath("/shop").start();

        assertEquals(200, server.post(webhookPath("hook"), "{}").statusCode());
        assertEquals("http://127.0.0.1:" + server.uri("").getPort() + "/shop" + webhookPath("hook"),
                server.runner().lastRequest.webhookUrl());
    }

    @Test
    void anUnknownWebhookOfTheAppIs404WithAnErrorBody() throws Exception {
        server.manifest(TestApps.app(webhook("hook"))).start();

        HttpResponse<String> response = server.post(webhookPath("nope"), "{}");

        assertEquals(404, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow()
                .split(";")[0]);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertEquals("IncomingWebhookNotFound", body.get("error_code").asText());
        assertTrue(body.get("error").asText().contains("nope"), body.toString());
        assertTrue(body.get("link").asText().startsWith("hookstead:invocation:"), body.toString());
        String invocation = body.get("link").asText().substring("hookstead:invocation:".length());
        assertTrue(server.logs().contains("invocation=" + invocation), "the link names the log line");
        assertEquals(3, body.size(), body.toString());
    }

    @Test
    void aWrongMethodIs405WithAllow() throws Exception {
        server.manifest(TestApps.app(webhook("hook"))).start();

        HttpResponse<String> response = server.get(webhookPath("hook"));

        assertEquals(405, response.statusCode());
        assertEquals("POST", response.headers().firstValue("Allow").orElseThrow());
        assertEquals("MethodNotAllowed", new ObjectMapper().readTree(response.body()).get("error_code").asText());
        assertEquals(0, server.runner().calls);
    }

    @Test
    void oneTrailingSlashIsToleratedButCaseMatters() {
        server.manifest(TestApps.app(webhook("hook"))).start();

        assertEquals(200, server.post(webhookPath("hook") + "/", "{}").statusCode());
        assertEquals(404, server.post(webhookPath("Hook"), "{}").statusCode());
    }

    @Test
    void aMissingManifestFailsDeploymentWithTheManifestMessage() {
        server.explicit(Map.of()).start();

        assertFalse(server.started());
        assertNotNull(server.filter().initFailure);
        assertTrue(server.filter().initFailure.getMessage().contains("no manifest at /WEB-INF/hookstead/manifest.json"),
                server.filter().initFailure.getMessage());
        assertTrue(server.filter().initFailure.getMessage().contains("webhook:compile"));
    }

    @Test
    void aBadSettingFailsDeploymentNamingTheSettingAndTheFix() {
        server.manifest(TestApps.app(webhook("hook")))
                .explicit(Map.of("hookstead.function.timeout", "abc")).start();

        assertFalse(server.started());
        assertEquals("hookstead.function.timeout: value \"abc\" is not a number of seconds (a whole number above 0); "
                + "set e.g. 300", server.filter().initFailure.getMessage());
    }

    @Test
    void destroyClosesTheRunner() throws Exception {
        server.manifest(TestApps.app(webhook("hook"))).start();
        server.context().stop();

        assertTrue(server.runner().closed);
    }

    @Test
    void theServiceFileNamesTheInitializer() {
        boolean found = java.util.ServiceLoader.load(jakarta.servlet.ServletContainerInitializer.class).stream()
                .anyMatch(p -> p.type() == HooksteadInitializer.class);
        assertTrue(found);
    }

    @Test
    void unexpectedFailuresAreAGeneric500WithoutJavaDetails() throws Exception {
        server.manifest(TestApps.app(webhook("hook"))).start();
        server.runner().on("hook", r -> {
            throw new IllegalStateException("secret internals in java.lang.IllegalStateException");
        });

        HttpResponse<String> response = server.post(webhookPath("hook"), "{}");

        assertEquals(500, response.statusCode());
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertEquals("InternalServerError", body.get("error_code").asText());
        assertFalse(response.body().contains("java."), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
        assertFalse(response.body().contains("internals"), response.body());
        assertTrue(server.logs().contains("IllegalStateException"), "the stack goes to the server log");
    }

    @Test
    void hookErrorsFromTheRunnerKeepTheirCodeAndStatus() throws Exception {
        server.manifest(TestApps.app(webhook("hook"))).start();
        server.runner().on("hook", r -> {
            throw new dev.hookstead.pipeline.HookError(dev.hookstead.pipeline.ErrorCode.FunctionExecutionError,
                    "ReferenceError: foo is not defined");
        });

        HttpResponse<String> response = server.post(webhookPath("hook"), "{}");

        assertEquals(400, response.statusCode());
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertEquals("FunctionExecutionError", body.get("error_code").asText());
        assertEquals("ReferenceError: foo is not defined", body.get("error").asText());
    }

    @Test
    void runAsUserIdGivesANormalUser() {
        var byId = new dev.hookstead.manifest.WebhookDef("svc", "http", "byId", "POST",
                ValidationMethod.NO_VALIDATION, null, null, true,
                new dev.hookstead.manifest.RunAs(dev.hookstead.manifest.RunAs.Mode.USER_ID, "u-1", null), null, false,
                false, false, TestApps.script("byId"), "x");
        server.manifest(TestApps.app(byId)).start();

        assertEquals(200, server.post(webhookPath("byId"), "{}").statusCode());
        assertEquals("u-1", server.runner().lastUser.id());
        assertEquals("normal", server.runner().lastUser.type());
    }

    @Test
    void systemIsTheDefaultUser() {
        server.manifest(TestApps.app(webhook("hook"))).start();

        server.post(webhookPath("hook"), "{}");

        assertTrue(server.runner().lastUser.isSystem());
    }
}
