package dev.hookstead.hardening;

import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, item 1, second line: a call stuck in engine code no guard reaches (a join over a huge sparse array runs
 * inside Nashorn's Java for many seconds) no longer holds its worker for good: the pool retires its global and
 * serves the next request with a fresh one.
 */
class StuckWorkerTest {

    @RegisterExtension
    final TestServer server = new TestServer();

    @Test
    void aWorkerStuckPastItsDeadlineIsReplaced() {
        server.env("HOOKSTEAD_FUNCTION_TIMEOUT", "1").env("HOOKSTEAD_ENGINE_POOLSIZE", "1")
                .env("HOOKSTEAD_ENGINE_ACQUIRETIMEOUT", "60").app(new JsApp()
                        .webhook("stuck", "exports = () => new Array(1e8).join('').length;")
                        .webhook("other", "exports = () => 'fresh worker';")).start();
        assertEquals(200, server.post(webhookPath("other"), "{}").statusCode());

        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> stuck = CompletableFuture.supplyAsync(
                () -> server.post(webhookPath("stuck"), "{}"));
        sleep(300);
        HttpResponse<String> other = server.post(webhookPath("other"), "{}");
        long otherMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, other.statusCode(), other::body);
        assertEquals("\"fresh worker\"", other.body());
        assertFalse(stuck.isDone(), "the stuck call was still running when the other was served");
        assertTrue(otherMillis < 10_000, "served after " + otherMillis + " ms");
        assertTrue(server.logs().contains("its script global is retired"), server::logs);

        HttpResponse<String> ended = stuck.join();
        assertEquals(400, ended.statusCode(), ended::body); // out of time, or over its memory budget

    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
