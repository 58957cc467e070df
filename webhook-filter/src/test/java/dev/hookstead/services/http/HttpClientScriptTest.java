package dev.hookstead.services.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hookstead.script.utils.ScriptGlobals;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** context.http in a locked-down engine against a local HttpServer on 127.0.0.1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpClientScriptTest {

    /** Stands in for the prelude's Promise: records how the action settled. */
    private static final String TEST_PROMISE = "({"
            + " resolve: function (v) { return {state: 'resolved', value: v}; },"
            + " reject: function (e) { return {state: 'rejected', reason: e}; } })";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScriptGlobals js = new ScriptGlobals();
    private final AtomicInteger operations = new AtomicInteger();
    private final AtomicLong remaining = new AtomicLong();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private CloseableHttpAsyncClient client;
    private String base;

    @BeforeAll
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/echo", this::echo);
        server.createContext("/missing", exchange -> reply(exchange, 404, "no such thing"));
        server.createContext("/slow", exchange -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, 200, "late");
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/echo?from=moved");
            reply(exchange, 302, "");
        });
        server.createContext("/away", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://localhost:" + server.getAddress().getPort() + "/echo");
            reply(exchange, 307, "");
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        // the test server is on loopback, closed by default: open it as an operator would
        client = HttpSettings.of(Duration.ofSeconds(5), Set.of(), NetworkGuard.allowing(List.of("127.0.0.1",
                "localhost"))).newClient();
    }

    @AfterAll
    void stopServer() {
        release.countDown();
        client.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
        server.stop(0);
    }

    @BeforeEach
    void installClient() {
        install(HttpSettings.of(Duration.ofSeconds(5), Set.of()));
        remaining.set(60_000);
        operations.set(0);
        js.engine.put("base", base);
    }

    private void install(HttpSettings settings) {
        HttpBridge bridge = new HttpBridge(client, settings, remaining::get, operations::incrementAndGet,
                HttpExchanges.NONE);
        js.engine.put("http", js.install(HttpBridge.CLIENT_SCRIPT, bridge, js.bson, js.ejson,
                js.eval(TEST_PROMISE)));
    }

    private Object eval(String script) {
        return js.eval(script);
    }

    /** Answers with a JSON description of the request and a cookie. */
    private void echo(HttpExchange exchange) throws IOException {
        ObjectNode seen = JSON.createObjectNode();
        seen.put("method", exchange.getRequestMethod());
        seen.put("query", exchange.getRequestURI().getRawQuery());
        ObjectNode headers = seen.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        exchange.getResponseHeaders().add("Set-Cookie", "session=abc123; Path=/");
        exchange.getResponseHeaders().add("x-multi", "one");
        exchange.getResponseHeaders().add("x-multi", "two");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        reply(exchange, 200, seen.toString());
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (exchange.getRequestMethod().equals("HEAD") || bytes.length == 0) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Test
    void getSendsQueryAndHeadersAndResolvesWithTheResponse() {
        eval("var p = http.get({url: base + '/echo?a=1', headers: {'X-Token': ['t1', 't2'], 'X-One': 'solo'},"
                + " cookies: {flavour: 'oat'}}); var r = p.value; var seen = JSON.parse(r.body.text());");
        assertEquals("resolved", eval("p.state"));
        assertEquals("200 OK", eval("r.status"));
        assertEquals(200, ((Number) eval("r.statusCode")).intValue());
        assertEquals(true, eval("r.body instanceof BSON.Binary && r.contentLength === r.body.length()"));
        assertEquals("GET|a=1|t1,t2|solo|flavour=oat", eval("[seen.method, seen.query, seen.headers['x-token'],"
                + " seen.headers['x-one'], seen.headers['cookie']].join('|')"));
        assertEquals("one,two|application/json|abc123", eval("[r.headers['X-Multi'].join(','),"
                + " r.headers['Content-Type'][0], r.cookies.session].join('|')"));
        assertEquals(1, operations.get());
    }

    @Test
    void urlPartsBuildTheUrlWithEncodedQueryAndBasicAuth() {
        eval("var r = http.get({scheme: 'http', host: '127.0.0.1:' + base.split(':')[2], path: '/echo',"
                + " query: {q: ['a b', 'c&d'], one: 'x'}, username: 'ann', password: 'p w'}).value;"
                + " var seen = JSON.parse(r.body.text());");
        assertEquals("q=a+b&q=c%26d&one=x", eval("seen.query"));
        // "ann:p w" in base64
        assertEquals("Basic YW5uOnAgdw==", eval("seen.headers['authorization']"));
    }

    @Test
    void postEncodesTheBodyAsRelaxedJson() {
        eval("var seen = JSON.parse(http.post({url: base + '/echo', encodeBodyAsJSON: true,"
                + " body: {msg: 'hi', n: 5, big: 4294967296, id: BSON.ObjectId('5f1d7a8e9b1e8a3c4d5e6f70')}})"
                + ".value.body.text());");
        assertEquals("POST", eval("seen.method"));
        assertEquals("{\"msg\":\"hi\",\"n\":5,\"big\":4294967296,\"id\":{\"$oid\":\"5f1d7a8e9b1e8a3c4d5e6f70\"}}",
                eval("seen.body"));
        assertEquals("application/json", eval("seen.headers['content-type']"));
        // a string body goes as is, with the caller's Content-Type
        assertEquals("raw text|text/plain", eval("var s = JSON.parse(http.put({url: base + '/echo', body: 'raw text',"
                + " headers: {'Content-Type': ['text/plain']}}).value.body.text()); s.body + '|' + s.headers['content-type']"));
        assertEquals("\u0001\u0002", eval("JSON.parse(http.patch({url: base + '/echo',"
                + " body: BSON.Binary.fromHex('0102')}).value.body.text()).body"));
    }

    @Test
    void formIsSentUrlEncoded() {
        eval("var seen = JSON.parse(http.post({url: base + '/echo', form: {name: 'Zoë', note: 'a&b=c'}})"
                + ".value.body.text());");
        assertEquals("name=Zo%C3%AB&note=a%26b%3Dc", eval("seen.body"));
        assertEquals("application/x-www-form-urlencoded", eval("seen.headers['content-type']"));
    }

    @Test
    void errorStatusesResolve() {
        eval("var p = http.get({url: base + '/missing'});");
        assertEquals("resolved|404 Not Found|404|no such thing",
                eval("[p.state, p.value.status, p.value.statusCode, p.value.body.text()].join('|')"));
        assertEquals("DELETE|HEAD", eval("[JSON.parse(http['delete']({url: base + '/echo'}).value.body.text()).method,"
                + " http.head({url: base + '/echo'}).value.body.length() === 0 ? 'HEAD' : 'body'].join('|')"));
    }

    @Test
    void redirectsAreFollowedOnlyWhenAsked() {
        assertEquals(302, ((Number) eval("http.get({url: base + '/moved'}).value.statusCode")).intValue());
        assertEquals("from=moved", eval("JSON.parse(http.get({url: base + '/moved', followRedirects: true})"
                + ".value.body.text()).query"));
    }

    @Test
    void aTimeoutRejectsWithAClearMessage() {
        install(new HttpSettings(Duration.ofSeconds(1), Duration.ofMillis(300), Set.of()));
        eval("var p = http.get({url: base + '/slow'});");
        assertEquals("rejected", eval("p.state"));
        assertEquals(true, eval("p.reason instanceof Error"));
        assertEquals("context.http.get: no response from 127.0.0.1 within 300 ms (hookstead.http.timeout, bounded by"
                + " the function's remaining time)", eval("p.reason.message"));
        // the function's remaining time bounds the request too
        install(HttpSettings.of(Duration.ofSeconds(5), Set.of()));
        remaining.set(200);
        assertTrue(eval("http.get({url: base + '/slow'}).reason.message").toString().contains("within 200 ms"));
        remaining.set(0);
        assertEquals("context.http.get: the function has no time left for a request",
                eval("http.get({url: base + '/echo'}).reason.message"));
    }

    @Test
    void aDisallowedHostRejects() {
        install(HttpSettings.of(Duration.ofSeconds(5), Set.of("Example.org")));
        assertEquals("rejected|context.http.get: host 127.0.0.1 is not in hookstead.http.allowedHosts",
                eval("var p = http.get({url: base + '/echo'}); p.state + '|' + p.reason.message"));
        // every redirect hop passes the list too
        install(HttpSettings.of(Duration.ofSeconds(5), Set.of("127.0.0.1")));
        assertEquals(200, ((Number) eval("http.get({url: base + '/moved', followRedirects: true}).value.statusCode"))
                .intValue());
        assertEquals("context.http.get: host localhost is not in hookstead.http.allowedHosts",
                eval("http.get({url: base + '/away', followRedirects: true}).reason.message"));
    }

    @Test
    void badArgumentsRejectNamingTheArgument() {
        assertEquals("context.http.get: pass an object such as {url: \"https://example.com/\"}, got \"http://x\"",
                eval("http.get('http://x').reason.message"));
        assertEquals("context.http.post: headers.X[0] must be a string, got object",
                eval("http.post({url: base, headers: {X: [{}]}}).reason.message"));
        assertEquals("context.http.get: URL scheme 'ftp' is not supported; use http or https",
                eval("http.get({url: 'ftp://127.0.0.1/x'}).reason.message"));
        assertEquals("context.http.get: header 'Host' is set by the HTTP client and cannot be given; remove it from"
                + " headers", eval("http.get({url: base, headers: {Host: ['a']}}).reason.message"));
        assertEquals("context.http.post: authUrl is not supported by Hookstead; send the Authorization header"
                + " yourself", eval("http.post({url: base, authUrl: 'https://a'}).reason.message"));
        assertEquals("context.http.post: pass either body or form, not both",
                eval("http.post({url: base, body: 'x', form: {a: 'b'}}).reason.message"));
    }

    @Test
    void refusedConnectionsReject() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertEquals("context.http.get: could not connect to 127.0.0.1:" + closedPort,
                eval("http.get({url: 'http://127.0.0.1:" + closedPort + "/'}).reason.message"));
    }
}
