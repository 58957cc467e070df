package dev.hookstead.script;

import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.pipeline.AppUser;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.FunctionResult;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.pipeline.HookError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounded pool: no unbounded queue when all globals are busy, and discarded globals come back. */
class PoolTest {

    @Test
    void busyPoolAnswers503AfterTheAcquireTimeout() throws Exception {
        try (Scripts s = new Scripts(Scripts.fastOptions().withPoolSize(1).withFunctionTimeout(Duration.ofSeconds(5))
                .withAcquireTimeout(Duration.ofMillis(200)).withMaxMemoryBytes(Long.MAX_VALUE / 2))) {
            // a busy wait allocates (Nashorn boxes each Date.now()); this test is about the pool, not the budget
            ScriptRef slow = s.js("exports = () => { const end = Date.now() + 1500; while (Date.now() < end) {} return 'slow'; };");
            ScriptRef fast = s.js("exports = () => 'fast';");
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<FunctionResult> first = CompletableFuture.supplyAsync(() -> {
                started.countDown();
                return s.http(slow);
            });
            started.await();
            Thread.sleep(200); // let the slow call take the only global
            long start = System.nanoTime();
            HookError e = assertThrows(HookError.class, () -> s.http(fast));
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(ErrorCode.ServiceUnavailable, e.code());
            assertEquals(503, e.status());
            assertTrue(waitedMs >= 180, "waited " + waitedMs + " ms");
            assertTrue(e.getMessage().contains("JavaScript workers"), e.getMessage());
            assertEquals("\"slow\"", dev.hookstead.bson.Ejson.canonical(first.get(10, TimeUnit.SECONDS).returnValue()));
            assertEquals("\"fast\"", dev.hookstead.bson.Ejson.canonical(s.http(fast).returnValue()));
        }
    }

    @Test
    void aDiscardedGlobalIsReplaced() {
        try (Scripts s = new Scripts(Scripts.fastOptions().withPoolSize(1).withFunctionTimeout(Duration.ofMillis(300)))) {
            ScriptRef marker = s.es5("exports = function () { return 1; };");
            int builtBefore = s.runtime.globalsBuilt();
            assertThrows(HookError.class, () -> s.http("exports = () => { while (true) {} };"));
            assertEquals(builtBefore, s.runtime.globalsBuilt(), "rebuilt lazily, on next use");
            assertEquals("{\"$numberInt\": \"1\"}", dev.hookstead.bson.Ejson.canonical(s.http(marker).returnValue()));
            assertEquals(builtBefore + 1, s.runtime.globalsBuilt());
            for (int i = 0; i < 3; i++) s.http(marker);
            assertEquals(builtBefore + 1, s.runtime.globalsBuilt(), "a healthy global is reused");
        }
    }

    @Test
    void callsFromManyThreadsShareASmallPool() throws Exception {
        try (Scripts s = new Scripts(Scripts.fastOptions().withPoolSize(2).withFunctionTimeout(Duration.ofSeconds(5))
                .withAcquireTimeout(Duration.ofSeconds(10)))) {
            ScriptRef ref = s.js("exports = async (p) => { await new Promise(r => setTimeout(r, 5)); return p.query.arg1; };");
            CompletableFuture<?>[] all = new CompletableFuture<?>[12];
            for (int i = 0; i < all.length; i++) {
                all[i] = CompletableFuture.runAsync(() -> assertEquals("\"hello\"", dev.hookstead.bson.Ejson.canonical(
                        s.runtime.runHttp(ref, FunctionRunner.PayloadStyle.RAW, Scripts.request(null), AppUser.SYSTEM, "t").returnValue())));
            }
            CompletableFuture.allOf(all).get(30, TimeUnit.SECONDS);
        }
    }
}
