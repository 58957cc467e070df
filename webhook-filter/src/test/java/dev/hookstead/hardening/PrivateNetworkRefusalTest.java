package dev.hookstead.hardening;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hookstead.services.http.NetworkGuard;
import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestServer;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards context.http against the private network: by default a function reaches neither loopback, link-local (cloud
 * metadata), private, shared, unique-local or unspecified addresses nor this server's own addresses, whether it names
 * them, reaches them through a host name or is redirected there; hookstead.http.allowPrivate opens them on purpose.
 * Real HTTP into the filter on embedded Tomcat; the "internal service" is a real server on loopback.
 */
class PrivateNetworkRefusalTest {

    private static final String SETTING = "hookstead.http.allowPrivate";
    private static final String CALL = """
            exports = async (payload) => {
              const url = JSON.parse(payload.body.text()).url;
              try {
                const r = await context.http.get({url, followRedirects: true});
                return {status: r.statusCode, body: r.body.text()};
              } catch (e) {
                return {refused: e.message};
              }
            };
            """;

    @RegisterExtension
    final TestServer server = new TestServer();

    private HttpServer internal;
    private final AtomicInteger internalHits = new AtomicInteger();
    private int port;

    @BeforeEach
    void startInternalService() throws IOException {
        internal = HttpServer.create(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0), 0);
        internal.createContext("/secret", exchange -> {
            internalHits.incrementAndGet();
            byte[] out = "internal data".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        internal.createContext("/to-metadata", exchange -> redirect(exchange, "http://169.254.169.254/latest/meta-data/"));
        internal.createContext("/to-ipv6-loopback", exchange -> redirect(exchange, "http://[::1]:" + port + "/secret"));
        internal.start();
        port = internal.getAddress().getPort();
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    @AfterEach
    void stopInternalService() {
        internal.stop(0);
    }

    private BsonDocument call(String url) {
        HttpResponse<String> r = server.post(webhookPath("call"), "{\"url\":\"" + url + "\"}");
        assertEquals(200, r.statusCode(), r::body);
        return BsonDocument.parse(r.body());
    }

    private void assertRefused(String url, String why) {
        BsonDocument result = call(url);
        assertTrue(result.containsKey("refused"), url + " was reached: " + result);
        String message = result.getString("refused").getValue();
        assertTrue(message.startsWith("context.http.get: refused to connect to "), message);
        assertTrue(message.contains(why), url + ": " + message);
        assertTrue(message.endsWith("closed to context.http by default; to allow it on purpose add the host or a"
                + " CIDR range to " + SETTING), message);
    }

    @Test
    void privateAddressesAreRefusedByDefaultSayingWhyAndNamingTheSetting() {
        server.app(new JsApp().webhook("call", CALL)).start();
        assertRefused("http://127.0.0.1:" + port + "/secret", "a loopback address");
        assertRefused("http://[::1]:" + port + "/secret", "a loopback address");
        assertRefused("http://169.254.169.254/latest/meta-data/", "a link-local address (cloud metadata");
        assertRefused("http://[fe80::1]/", "a link-local address");
        assertRefused("http://10.1.2.3/", "a private address");
        assertRefused("http://172.16.0.1/", "a private address");
        assertRefused("http://172.31.255.254/", "a private address");
        assertRefused("http://192.168.1.1/", "a private address");
        assertRefused("http://100.64.0.1/", "a shared (carrier-grade NAT) address");
        assertRefused("http://[fd12:3456::1]/", "a unique-local address");
        assertRefused("http://[fc00::1]/", "a unique-local address");
        assertRefused("http://0.0.0.0:" + port + "/secret", "an unspecified address");
        assertRefused("http://[::]:" + port + "/secret", "an unspecified address");
        // a name is checked by the addresses it resolves to, and the client connects only to those checked addresses
        assertRefused("http://localhost:" + port + "/secret", "a loopback address");
        assertEquals(0, internalHits.get(), "the internal service must not have been reached");
    }

    @Test
    void thisServersOwnAddressesAndPortsAreRefused() throws IOException {
        server.app(new JsApp().webhook("call", CALL)).start();
        int tomcatPort = server.uri("/").getPort();
        assertRefused("http://127.0.0.1:" + tomcatPort + webhookPath("call"), "a loopback address");
        InetAddress own = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst().orElse(null);
        if (own != null) { // a machine with only loopback has no other address of its own to try
            BsonDocument result = call("http://" + own.getHostAddress() + ":" + tomcatPort + webhookPath("call"));
            assertTrue(result.containsKey("refused"), result::toJson);
            assertTrue(result.getString("refused").getValue().contains(SETTING), result::toJson);
        }
    }

    @Test
    void redirectsArePassedThroughTheSameCheck() {
        server.env("HOOKSTEAD_HTTP_ALLOWPRIVATE", "127.0.0.1").app(new JsApp().webhook("call", CALL)).start();
        assertRefused("http://127.0.0.1:" + port + "/to-metadata", "a link-local address");
        assertRefused("http://127.0.0.1:" + port + "/to-ipv6-loopback", "a loopback address");
        assertEquals(0, internalHits.get());
    }

    @Test
    void allowPrivateOpensNamedHostsAndRangesOnly() {
        server.env("HOOKSTEAD_HTTP_ALLOWPRIVATE", " localhost , 10.0.0.0/8,fd00::/8 ")
                .app(new JsApp().webhook("call", CALL)).start();
        assertEquals(BsonDocument.parse("{status: 200, body: 'internal data'}"),
                call("http://localhost:" + port + "/secret"));
        // the host entry opens that name, not the address it resolves to
        assertRefused("http://127.0.0.1:" + port + "/secret", "a loopback address");
        assertRefused("http://192.168.1.1/", "a private address");
        assertEquals(1, internalHits.get());
    }

    @Test
    void aCidrRangeOpensItsAddresses() {
        server.env("HOOKSTEAD_HTTP_ALLOWPRIVATE", "127.0.0.0/8").app(new JsApp().webhook("call", CALL)).start();
        assertEquals(BsonDocument.parse("{status: 200, body: 'internal data'}"),
                call("http://127.0.0.1:" + port + "/secret"));
        assertRefused("http://[::1]:" + port + "/secret", "a loopback address");
    }

    @Test
    void aBadAllowPrivateEntryFailsDeploymentNamingTheSetting() {
        server.env("HOOKSTEAD_HTTP_ALLOWPRIVATE", "10.0.0.0/33").app(new JsApp().webhook("call", CALL)).start();
        assertFalse(server.started(), "the webapp must not start");
        String message = server.filter().initFailure.getMessage();
        assertTrue(message.contains(SETTING) && message.contains("10.0.0.0/33"), message);
    }

    @Test
    void theResolverChecksEveryAddressOfAName() throws Exception {
        NetworkGuard guard = NetworkGuard.closed();
        UnknownHostException refused = assertThrows(UnknownHostException.class, () -> guard.resolve("localhost"));
        assertTrue(refused.getMessage().contains("a loopback address"), refused.getMessage());
        assertEquals(List.of(InetAddress.getByName("8.8.8.8")), List.of(guard.resolve("8.8.8.8")));
    }
}
