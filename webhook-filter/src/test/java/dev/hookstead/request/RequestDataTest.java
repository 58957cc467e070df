package dev.hookstead.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstead.pipeline.HttpRequestData;
import dev.hookstead.testing.TestApps;
import dev.hookstead.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static dev.hookstead.testing.TestApps.webhook;
import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.*;

/** What the function receives as payload and context.request, over real HTTP. */
class RequestDataTest {

    @RegisterExtension
    final TestServer server = new TestServer();

    private HttpRequestData seen() {
        return server.runner().lastRequest;
    }

    @Test
    void headersGetCanonicalNamesAndKeepEveryValueInOrder() {
        server.manifest(TestApps.app(webhook("hook"))).start();

        server.send(server.request(webhookPath("hook"))
                .header("content-type", "application/json")
                .header("x-custom-header", "one")
                .header("X-Multi", "a")
                .header("x-multi", "b")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        Map<String, List<String>> headers = seen().headers();
        assertEquals(List.of("application/json"), headers.get("Content-Type"));
        assertEquals(List.of("one"), headers.get("X-Custom-Header"));
        assertEquals(List.of("a", "b"), headers.get("X-Multi"));
        assertFalse(headers.containsKey("content-type"));
    }

    @Test
    void queryKeepsTheFirstDecodedValueAndRawQueryStringIsAsSent() {
        server.manifest(TestApps.app(webhook("hook"))).start();

        server.post(webhookPath("hook") + "?arg1=hello&arg2=w%C3%B6rld+2&arg1=again", "{}");

        assertEquals(Map.of("arg1", "hello", "arg2", "wörld 2"), seen().query());
        assertEquals("arg1=hello&arg2=w%C3%B6rld+2&arg1=again", seen().rawQueryString());
    }

    @Test
    void serviceActionMethodAndUrlDescribeTheWebhook() {
        server.manifest(TestApps.app(webhook("hook", "ANY", dev.hookstead.manifest.ValidationMethod.NO_VALIDATION,
                null, true))).start();

        server.send(server.request(webhookPath("hook") + "?a=1").PUT(HttpRequest.BodyPublishers.ofString("x")).build());

        assertEquals("PUT", seen().httpMethod());
        assertEquals("svc", seen().service());
        assertEquals("hook", seen().action());
        assertEquals(server.uri(webhookPath("hook")).toString(), seen().webhookUrl());
    }

    @Test
    void publicBaseUrlReplacesSchemeHostAndContext() {
        server.manifest(TestApps.app(webhook("hook"))).contextPath("/internal")
                .env("HOOKSTEAD_PUBLICBASEURL", "https://hooks.example.com/public/").start();

        server.post(webhookPath("hook"), "{}");

        assertEquals("https://hooks.example.com/public" + webhookPath("hook"), seen().webhookUrl());
    }

    @Test
    void aRequestWithoutBodyHasNullBody() {
        server.manifest(TestApps.app(webhook("hook", "ANY", dev.hookstead.manifest.ValidationMethod.NO_VALIDATION,
                null, true))).start();

        assertEquals(200, server.get(webhookPath("hook")).statusCode());
        assertNull(seen().body());
        server.post(webhookPath("hook"), "");
        assertNull(seen().body());
    }

    @Test
    void aChunkedBodyIsReadWhole() {
        server.manifest(TestApps.app(webhook("hook"))).start();

        server.send(server.request(webhookPath("hook")).POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream("{\"chunked\":true}".getBytes()))).build());

        assertEquals("{\"chunked\":true}", new String(seen().body()));
    }

    @Test
    void anOversizedBodyIs413ByContentLengthAndWhileReadingChunks() throws Exception {
        server.manifest(TestApps.app(webhook("hook"))).env("HOOKSTEAD_REQUEST_MAXBYTES", "100").start();
        byte[] big = new byte[101];

        HttpResponse<String> declared = server.post(webhookPath("hook"), new String(big));
        assertEquals(413, declared.statusCode());
        assertEquals("ReadSizeLimitExceeded",
                new ObjectMapper().readTree(declared.body()).get("error_code").asText());

        HttpResponse<String> chunked = server.send(server.request(webhookPath("hook"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());
        assertEquals(413, chunked.statusCode());
        assertEquals(0, server.runner().calls);

        server.post(webhookPath("hook"), new String(new byte[100]));
        assertEquals(100, seen().body().length);
    }

    @Test
    void remoteIpIsThePeerUnlessThePeerIsATrustedProxy() {
        server.manifest(TestApps.app(webhook("hook"))).start();

        server.send(server.request(webhookPath("hook")).header("X-Forwarded-For", "203.0.113.7")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertEquals("127.0.0.1", seen().remoteIPAddress());
    }

    @Test
    void aTrustedProxyForwardsTheClientAddress() {
        server.manifest(TestApps.app(webhook("hook"))).env("HOOKSTEAD_TRUSTEDPROXIES", "127.0.0.1, 10.0.0.2").start();

        server.send(server.request(webhookPath("hook")).header("X-Forwarded-For", "198.51.100.1, 203.0.113.7, 10.0.0.2")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertEquals("203.0.113.7", seen().remoteIPAddress());
    }

    @Test
    void formBodyFieldsAreMergedIntoQueryAndWinOverUrlValues() {
        server.manifest(TestApps.app(webhook("hook"))).start();

        server.post(webhookPath("hook") + "?a=url&b=url", "payload=%7B%22x%22%3A1%7D&a=body",
                "Content-Type", "application/x-www-form-urlencoded");

        assertEquals(Map.of("payload", "{\"x\":1}", "a", "body", "b", "url"), seen().query());
        assertEquals("a=url&b=url", seen().rawQueryString());
        assertNotNull(seen().body());
    }

    @Test
    void payloadStyleFollowsTheServiceType() throws Exception {
        var github = new dev.hookstead.manifest.WebhookDef("gh", "github", "push", "POST",
                dev.hookstead.manifest.ValidationMethod.NO_VALIDATION, null, null, true,
                dev.hookstead.manifest.RunAs.SYSTEM, null, false, false, false, TestApps.script("push"), "x");
        var twilio = new dev.hookstead.manifest.WebhookDef("tw", "twilio", "sms", "POST",
                dev.hookstead.manifest.ValidationMethod.NO_VALIDATION, null, "twilioToken", true,
                dev.hookstead.manifest.RunAs.SYSTEM, null, false, false, false, TestApps.script("sms"), "x");
        server.manifest(TestApps.app(webhook("hook"), github, twilio)).env("HOOKSTEAD_SECRET_TWILIOTOKEN", "12345")
                .start();
        String base = "/api/client/v2.0/app/" + TestApps.APP_ID + "/service/";

        server.post(webhookPath("hook"), "{}");
        assertEquals(dev.hookstead.pipeline.FunctionRunner.PayloadStyle.RAW, server.runner().lastStyle);
        server.post(base + "gh/incoming_webhook/push", "{}");
        assertEquals(dev.hookstead.pipeline.FunctionRunner.PayloadStyle.JSON_EVENT, server.runner().lastStyle);
        assertEquals("push.js", server.runner().lastScript.path().substring("scripts/".length()));
        // Twilio requests are always signed: base64(HMAC-SHA1(auth token, URL + "From" + "+1"))
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec("12345".getBytes(), "HmacSHA1"));
        String signature = java.util.Base64.getEncoder().encodeToString(mac.doFinal(
                (server.uri(base + "tw/incoming_webhook/sms") + "From+1").getBytes()));
        server.post(base + "tw/incoming_webhook/sms", "From=%2B1", "Content-Type", "application/x-www-form-urlencoded",
                "X-Twilio-Signature", signature);
        assertEquals(dev.hookstead.pipeline.FunctionRunner.PayloadStyle.FORM, server.runner().lastStyle);
    }
}
