package dev.hookstead.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.hookstead.pipeline.AppUser;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.script.DirectoryScriptSource;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.pipeline.HttpRequestData;
import dev.hookstead.script.TestOptions;
import dev.hookstead.script.TestPlatformServices;
import dev.hookstead.services.http.HttpSettings;
import dev.hookstead.services.mongodb.MongoServices;
import dev.hookstead.testing.JsApp;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What MongoDB rules cost: a webhook that runs findOne then updateOne on one document, as an application user under
 * an owner rule, against the same webhook as System (no rules), alternating in one run on one in-memory
 * mongo-java-server in a process of its own. Prints, per round, calls per second and CPU per call: the calling
 * threads' (the script and the driver, which does its I/O on them), the server's (the whole bench process: this plus
 * GC, JIT and driver background threads, what the machine running Hookstead spends) and the database process's. Run with bench/runtime/run.sh rules [seconds per round] [rounds] [threads].
 */
public final class RulesCallBench {
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    static final String FIND_AND_UPDATE = """
            exports = async function(payload) {
              const orders = context.services.get("mongodb-atlas").db("bench").collection("orders");
              const id = payload.query.id;
              const order = await orders.findOne({_id: id});
              await orders.updateOne({_id: id}, {$inc: {views: 1}});
              return order.views;
            };
            """;

    static final String OWNER_RULE = """
            {"database": "bench", "collection": "orders", "filters": [], "roles": [{"name": "owner",
              "apply_when": {"owner_id": "%%user.id"}, "read": true, "write": true, "insert": true, "delete": true}]}""";

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        database = startDatabase();
        String uri = "mongodb://127.0.0.1:" + port(database);

        JsApp app = new JsApp().dataSource("mongodb-atlas", Map.of("bench.orders", new ObjectMapper().readTree(OWNER_RULE)))
                .webhook("order", FIND_AND_UPDATE);
        Path dir = app.writeFiles(Files.createTempDirectory("hookstead-bench"));
        Manifest manifest = app.manifest();
        ScriptRef order = manifest.webhooks().get(0).script();
        HttpRequestData request = new HttpRequestData("POST", Map.of(), Map.of("id", "o-1"), "id=o-1", new byte[0],
                "127.0.0.1", "http://localhost/hook", "svc", "order");
        AppUser owner = new AppUser("u-1", "normal", new org.bson.BsonDocument(), new org.bson.BsonDocument(), List.of());

        MongoServices services = new MongoServices(List.of("mongodb-atlas"),
                name -> name.equals("hookstead.service.mongodb-atlas.uri") ? uri : null);
        TestOptions options = TestOptions.defaults().withFunctionTimeout(Duration.ofSeconds(30));
        try (MongoClient client = MongoClients.create(uri);
             FunctionRunner runtime = options.runtime(manifest, new DirectoryScriptSource(dir),
                     TestPlatformServices.of(services, HttpSettings.of(HttpSettings.DEFAULT_TIMEOUT, Set.of())))) {
            MongoCollection<Document> orders = client.getDatabase("bench").getCollection("orders");
            List<Document> seed = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                seed.add(new Document("_id", "o-" + i).append("owner_id", "u-" + i).append("views", 0)
                        .append("items", List.of("a", "b")).append("total", i * 1.5));
            }
            orders.insertMany(seed);
            IngestCallBench.Call system = () -> runtime.runHttp(order, FunctionRunner.PayloadStyle.RAW, request,
                    AppUser.SYSTEM, "order");
            IngestCallBench.Call user = () -> runtime.runHttp(order, FunctionRunner.PayloadStyle.RAW, request, owner,
                    "order");
            System.out.printf("machine: %d cores, %s, %d threads, %d s rounds%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), threads, seconds);
            List<Double> ratios = new ArrayList<>();
            List<Double> processRatios = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                double[] s = measure(system, threads, seconds);
                double[] u = measure(user, threads, seconds);
                System.out.printf("round %2d  System %5.0f calls/s, us CPU/call: threads %6.1f server %6.1f database %6.1f"
                                + "   user %5.0f calls/s, threads %6.1f server %6.1f database %6.1f"
                                + "   ratio threads %.2f server %.2f database %.2f%n",
                        round, s[0], s[1], s[2], s[3], u[0], u[1], u[2], u[3], u[1] / s[1], u[2] / s[2], u[3] / s[3]);
                if (round > rounds / 2) { // the first half warms up
                    ratios.add(u[1] / s[1]);
                    processRatios.add(u[2] / s[2]);
                }
            }
            System.out.printf("median over rounds %d..%d: user/System CPU per call, calling threads %.2f, server"
                    + " (the process; the database runs in its own) %.2f%n", rounds / 2 + 1, rounds, median(ratios),
                    median(processRatios));
        } finally {
            services.close();
            database.destroy();
        }
        System.exit(0); // exec:java would otherwise wait for the driver's and server's non-daemon threads
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    private static Process database;

    /**
     * mongo-java-server in a JVM of its own, as MongoDB runs apart from Hookstead: its CPU, and the garbage collection
     * of what it allocates (it scans the collection for any query with more keys than {@code _id}), stay out of the
     * server's figure.
     */
    private static Process startDatabase() throws Exception {
        String classpath = Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader
                ? Arrays.stream(loader.getURLs()).map(RulesCallBench::file).collect(Collectors.joining(File.pathSeparator))
                : System.getProperty("java.class.path");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                Database.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String file(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(url.toString(), e);
        }
    }

    private static int port(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("port=")) {
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "database-output");
                drain.setDaemon(true); // its log lines must not fill the pipe and stall it
                drain.start();
                return Integer.parseInt(line.substring(5));
            }
        }
        throw new IllegalStateException("the database process ended without a port");
    }

    /** CPU nanoseconds of the database's process so far. */
    private static long databaseCpu() {
        return database.toHandle().info().totalCpuDuration().orElseThrow().toNanos();
    }

    /** The database process: an in-memory mongo-java-server on a free port, until its input closes. */
    public static final class Database {
        public static void main(String[] args) throws Exception {
            MongoServer mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", 0);
            System.out.println("port=" + mongo.getLocalAddress().getPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serves until the bench ends
            }
            mongo.shutdown();
        }
    }

    /**
     * Calls per second, and CPU microseconds per call: the calling threads', the process's,
     * and the database's.
     */
    private static double[] measure(IngestCallBench.Call call, int threads, int seconds) throws InterruptedException {
        long processBefore = PROCESS.getProcessCpuTime();
        long databaseBefore = databaseCpu();
        CallingThreads.Tally tally = CallingThreads.run(call, threads, seconds);
        double database = (databaseCpu() - databaseBefore) / 1000.0 / tally.calls();
        double process = (PROCESS.getProcessCpuTime() - processBefore) / 1000.0 / tally.calls();
        return new double[]{tally.calls() / (double) seconds, tally.cpuNanos() / 1000.0 / tally.calls(), process, database};
    }
}
