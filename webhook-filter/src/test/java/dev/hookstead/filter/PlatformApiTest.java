package dev.hookstead.filter;

import com.sun.net.httpserver.HttpServer;
import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestServer;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** utils, context.functions and context.http over HTTP: real compiled JS through the real runtime. */
class PlatformApiTest {

    @RegisterExtension
    final TestServer server = new TestServer();

    private static BsonDocument json(HttpResponse<String> r) {
        return BsonDocument.parse(r.body());
    }

    private static String error(HttpResponse<String> r) {
        return json(r).getString("error").getValue();
    }

    private static String errorCode(HttpResponse<String> r) {
        return json(r).getString("error_code").getValue();
    }

    @Test
    void utilsCryptoHmacMatchesThePublishedSeedSignature() {
        server.app(new JsApp().webhook("hmac", """
                exports = () => utils.crypto.hmac(EJSON.stringify({message: "MESSAGE"}), "12345", "sha256", "hex");
                """)).start();
        HttpResponse<String> r = server.post(webhookPath("hmac"), "{}");
        assertEquals(200, r.statusCode(), r::body);
        assertEquals("\"828ee180512eaf8a6229eda7eea72323f68e9c0f0093b11a578b0544c5777862\"", r.body());
    }

    @Test
    void privateFunctionsRunNestedAndAnswerWithPromises() {
        server.app(new JsApp()
                .function("double", true, "exports = (n) => n * 2;")
                .function("sumDoubled", false, """
                        exports = async (a, b) => {
                          const [x, y] = await Promise.all([context.functions.execute("double", a),
                                                            context.functions.execute("double", b)]);
                          return {sum: x + y, user: context.user.type};
                        };
                        """)
                .function("fails", true, "exports = () => { throw new RangeError('no such order'); };")
                .webhook("calc", """
                        exports = async () => {
                          const nested = await context.functions.execute("sumDoubled", 2, 3);
                          const isPromise = context.functions.execute("double", 1) instanceof Promise;
                          let caught;
                          try { await context.functions.execute("fails"); } catch (e) { caught = e.name + ": " + e.message; }
                          return {nested, isPromise, caught};
                        };
                        """)
                .webhook("missing", "exports = () => context.functions.execute('nope');")).start();
        HttpResponse<String> r = server.post(webhookPath("calc"), "{}");
        assertEquals(200, r.statusCode(), r::body);
        assertEquals(BsonDocument.parse("{nested: {sum: 10, user: 'system'}, isPromise: true,"
                + " caught: 'RangeError: no such order'}"), json(r));

        HttpResponse<String> missing = server.post(webhookPath("missing"), "{}");
        assertEquals(404, missing.statusCode(), missing::body);
        assertEquals("FunctionNotFound", errorCode(missing));
        assertEquals("function not found: 'nope'", error(missing));
    }

    @Test
    void nestingIsBoundedAndTheCalleeSharesTheCallersDeadline() {
        server.env("HOOKSTEAD_FUNCTION_TIMEOUT", "1").app(new JsApp()
                .function("down", true, "exports = (n) => n === 0 ? 'bottom' : context.functions.execute('down', n - 1);")
                .function("spin", true, "exports = () => { while (true) {} };")
                .webhook("deep", """
                        exports = async (payload) => context.functions.execute("down", Number(payload.query.n));
                        """)
                .webhook("spin", """
                        exports = async () => {
                          try { await context.functions.execute("spin"); } catch (e) { return "swallowed " + e; }
                          return "finished";
                        };
                        """)).start();
        HttpResponse<String> ok = server.send(server.request(webhookPath("deep") + "?n=31")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(200, ok.statusCode(), ok::body);
        assertEquals("\"bottom\"", ok.body());

        HttpResponse<String> deep = server.send(server.request(webhookPath("deep") + "?n=32")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(400, deep.statusCode(), deep::body);
        assertEquals("FunctionExecutionError", errorCode(deep));
        assertEquals("context.functions.execute: calling \"down\" would nest function calls deeper than 32"
                + " (a function calling itself without end?)", error(deep));

        HttpResponse<String> spin = server.post(webhookPath("spin"), "{}");
        assertEquals("ExecutionTimeLimitExceeded", errorCode(spin), spin::body);
        assertEquals("execution time limit exceeded", error(spin));
        HttpResponse<String> after = server.send(server.request(webhookPath("deep") + "?n=1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals("\"bottom\"", after.body(), "the pool keeps serving after a callee timed out");
    }

    @Test
    void contextHttpAndTheHttpServiceClientReachALoopbackServer() throws IOException {
        HttpServer remote = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        remote.createContext("/orders", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            byte[] out = ("{\"method\":\"" + exchange.getRequestMethod() + "\",\"got\":"
                    + (in.length == 0 ? "null" : new String(in, StandardCharsets.UTF_8)) + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        remote.start();
        String base = "http://127.0.0.1:" + remote.getAddress().getPort();
        try {
            // the loopback server is closed by default: opened on purpose, as an operator would
            server.env("HOOKSTEAD_HTTP_ALLOWEDHOSTS", "127.0.0.1").env("HOOKSTEAD_HTTP_ALLOWPRIVATE", "127.0.0.1")
                    .app(new JsApp().webhook("call", """
                    exports = async (payload) => {
                      const base = JSON.parse(payload.body.text()).base;
                      const posted = await context.http.post({url: base + "/orders", body: {id: 7}, encodeBodyAsJSON: true});
                      const viaService = await context.services.get("svc").get({url: base + "/orders"});
                      let refused;
                      try { await context.http.get({url: "http://localhost:1/x"}); } catch (e) { refused = e.message; }
                      return {status: posted.statusCode, type: posted.headers["Content-Type"][0],
                              body: JSON.parse(posted.body.text()), viaService: JSON.parse(viaService.body.text()),
                              same: context.services.get("svc") === context.http, refused};
                    };
                    """)).start();
            HttpResponse<String> r = server.post(webhookPath("call"), "{\"base\":\"" + base + "\"}");
            assertEquals(200, r.statusCode(), r::body);
            assertEquals(BsonDocument.parse("""
                    {status: 201, type: "application/json", body: {method: "POST", got: {id: 7}},
                     viaService: {method: "GET", got: null}, same: true,
                     refused: "context.http.get: host localhost is not in hookstead.http.allowedHosts"}
                    """), json(r));
        } finally {
            remote.stop(0);
        }
    }

    @Test
    void badHttpSettingsFailDeploymentNamingTheSetting() {
        server.env("HOOKSTEAD_HTTP_TIMEOUT", "soon").app(new JsApp().webhook("x", "exports = () => 1;")).start();
        assertTrue(!server.started(), "the webapp must not start");
        assertTrue(server.filter().initFailure.getMessage().contains("hookstead.http.timeout"),
                server.filter().initFailure.getMessage());
    }
}
