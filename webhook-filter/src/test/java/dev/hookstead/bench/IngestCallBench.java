package dev.hookstead.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import com.sun.management.OperatingSystemMXBean;
import dev.hookstead.pipeline.AppUser;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.pipeline.HttpRequestData;
import dev.hookstead.script.DirectoryScriptSource;
import dev.hookstead.script.TestOptions;
import dev.hookstead.script.TestPlatformServices;
import dev.hookstead.services.http.HttpSettings;
import dev.hookstead.services.mongodb.MongoServices;
import dev.hookstead.testing.JsApp;
import org.bson.Document;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The script side of load scenario (c) without HTTP: threads calling an async webhook that parses a 1 KiB body and
 * awaits insertOne, against the same insert written with the driver, in one run on one in-memory mongo-java-server.
 * Prints calls per second and the calling threads' CPU per call for every round, so warm-up shows. Each round also
 * runs the webhook against an H2-backed mongo-java-server that commits about once a second (what the embedded
 * database was) and against the embedded database itself, which answers a write only once it is synced: their ratio is
 * the price of durability. Run with bench/runtime/run.sh ingest [seconds per round] [rounds] [threads].
 */
public final class IngestCallBench {
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        Path scratch = Files.createTempDirectory("hookstead-bench");
        MongoServer h2 = new MongoServer(new H2Backend(scratch.resolve("h2.mv").toString()));
        h2.bind("127.0.0.1", 0);
        String h2Uri = "mongodb://127.0.0.1:" + h2.getLocalAddress().getPort();

        JsApp app = new JsApp().dataSource("mongodb-atlas").dataSource("h2").dataSource("embedded")
                .webhook("ingest", LoadBench.INGEST)
                .webhook("ingestH2", LoadBench.INGEST.replace("mongodb-atlas", "h2"))
                .webhook("ingestEmbedded", LoadBench.INGEST.replace("mongodb-atlas", "embedded"));
        Path dir = app.writeFiles(scratch.resolve("app"));
        Manifest manifest = app.manifest();
        ScriptRef ingest = manifest.webhooks().get(0).script();
        ScriptRef ingestH2 = manifest.webhooks().get(1).script();
        ScriptRef ingestEmbedded = manifest.webhooks().get(2).script();
        byte[] body = LoadBench.event().getBytes(StandardCharsets.UTF_8);
        HttpRequestData request = new HttpRequestData("POST", Map.of("Content-Type", List.of("application/json")),
                Map.of(), "", body, "127.0.0.1", "http://localhost/hook", "svc", "ingest");

        Map<String, String> settings = Map.of("hookstead.service.mongodb-atlas.uri", uri,
                "hookstead.service.h2.uri", h2Uri, "hookstead.data.dir", scratch.resolve("data").toString());
        MongoServices services = new MongoServices(List.of("mongodb-atlas", "h2", "embedded"), settings::get);
        TestOptions options = TestOptions.defaults().withFunctionTimeout(Duration.ofSeconds(30));
        try (MongoClient client = MongoClients.create(uri);
             FunctionRunner runtime = options.runtime(manifest, new DirectoryScriptSource(dir),
                     TestPlatformServices.of(services, HttpSettings.of(HttpSettings.DEFAULT_TIMEOUT, Set.of())))) {
            MongoCollection<Document> direct = client.getDatabase("bench").getCollection("events-direct");
            Call driver = () -> direct.insertOne(Document.parse(new String(body, StandardCharsets.UTF_8)));
            Call script = () -> runtime.runHttp(ingest, FunctionRunner.PayloadStyle.RAW, request, AppUser.SYSTEM, "ingest");
            Call onH2 = () -> runtime.runHttp(ingestH2, FunctionRunner.PayloadStyle.RAW, request, AppUser.SYSTEM,
                    "ingestH2");
            Call onEmbedded = () -> runtime.runHttp(ingestEmbedded, FunctionRunner.PayloadStyle.RAW, request,
                    AppUser.SYSTEM, "ingestEmbedded");
            MongoClient h2Client = services.client("h2");
            MongoClient embeddedClient = services.client("embedded");
            System.out.printf("machine: %d cores, %s, %d threads, %d s rounds%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), threads, seconds);
            for (int round = 1; round <= rounds; round++) {
                // the in-memory store would otherwise grow by hundreds of MB and slow both sides down
                client.getDatabase("bench").drop();
                double[] d = measure(driver, threads, seconds);
                double[] s = measure(script, threads, seconds);
                System.out.printf("round %d  driver %7.0f calls/s %6.1f us CPU/call   script %7.0f calls/s %6.1f us CPU/call   throughput ratio %.2f%n",
                        round, d[0], d[1], s[0], s[1], s[0] / d[0]);
                h2Client.getDatabase("bench").drop();
                embeddedClient.getDatabase("bench").drop();
                double[] before = measure(onH2, threads, seconds);
                double[] after = measure(onEmbedded, threads, seconds);
                System.out.printf("        script on H2 (commit ~1/s) %7.0f calls/s %6.1f us process CPU/call   on embedded (synced per answer) %7.0f calls/s %6.1f us process CPU/call   throughput ratio %.2f   CPU ratio %.2f%n",
                        before[0], before[2], after[0], after[2], after[0] / before[0], after[2] / before[2]);
            }
        } finally {
            services.close();
            mongo.shutdown();
            h2.shutdown();
        }
        System.exit(0); // exec:java would otherwise wait for the driver's and server's non-daemon threads
    }

    interface Call {
        void run() throws Exception;
    }

    /**
     * Calls per second over all threads, the calling threads' CPU microseconds per call, and the whole process's
     * (which holds the database servers too, so it counts their commits).
     */
    private static double[] measure(Call call, int threads, int seconds) throws InterruptedException {
        long processBefore = PROCESS.getProcessCpuTime();
        CallingThreads.Tally tally = CallingThreads.run(call, threads, seconds);
        return new double[]{tally.calls() / (double) seconds, tally.cpuNanos() / 1000.0 / tally.calls(),
                (PROCESS.getProcessCpuTime() - processBefore) / 1000.0 / tally.calls()};
    }
}
