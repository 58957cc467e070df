package dev.hookstead.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.sun.management.OperatingSystemMXBean;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.hookstead.auth.admin.UserAdmin;
import dev.hookstead.manifest.AuthProviderDef;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestApps;
import dev.hookstead.testing.TestServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.codec.binary.Hex;
import org.bson.Document;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Throughput and latency of the whole filter against hand-written servlets, on one embedded Tomcat, in one run:
 * (a) a bare servlet, (a2) the same servlet burning the CPU time (b) spends over (a), (b) a trivial webhook, (c0) a
 * servlet doing HMAC plus insertOne with the driver, (c) the same as a VERIFY_PAYLOAD webhook, (cd) that webhook
 * writing to the embedded database, which answers a write only once it is synced, where (c) writes to the same H2
 * backend committing about once a second (what the embedded database was), (d) API-key
 * application auth plus a two-condition can_evaluate, and (b0) the trivial webhook on a second webapp with the
 * operations hooks off (hookstead.metrics.enabled=false, no invocation log), where (b) runs with the defaults plus the
 * invocation log ring (hookstead.log.adminToken set). (n0) and (n) are (b) and (c) rewritten for Node.js with Express
 * and the official driver ({@link NodePeer}), served from one process; (nc0) and (nc) the same under Node's cluster,
 * one worker per core. wrk drives each in turn on loopback. Run with bench/load/run.sh, which installs the peer's
 * packages and names its directory in {@code -Dhookstead.bench.nodePeer};
 * {@code -Dhookstead.bench.maxThreads=N} sets Tomcat's worker thread limit (default 200).
 */
public final class LoadBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "bench-webhook-secret";
    private static final String DATA_SOURCE = "mongodb-atlas";
    /** A data source with no URI: the embedded database. */
    private static final String EMBEDDED = "embedded";
    private static final OperatingSystemMXBean CPU =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();

    private static final String TRIVIAL = "exports = function(payload, response) { return { ok: true }; };";
    static final String INGEST = """
            exports = async function(payload) {
              const event = JSON.parse(payload.body.text());
              await context.services.get("mongodb-atlas").db("bench").collection("events").insertOne(event);
              return { ok: true };
            };""";

    /**
     * A scenario: its short name, what it does, the request wrk repeats, the CPU clock (ns) of its server outside
     * this JVM (the Node.js peer's; else none), and whether this JVM's CPU time counts as the server's too.
     */
    private record Scenario(String name, String what, Wrk.Request request, LongSupplier peerCpuNanos,
                            boolean countsJvm) {
        Scenario(String name, String what, Wrk.Request request) {
            this(name, what, request, () -> 0, true);
        }

        long jvmCpuNanos() {
            return countsJvm ? CPU.getProcessCpuTime() : 0;
        }
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
        System.exit(0); // exec:java would otherwise wait for the servers' non-daemon threads
    }

    private static void run(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        List<String> only = args.length > 3 ? List.of(args[3].split(","))
                : List.of("a", "a2", "b", "b0", "c0", "c", "cd", "d", "n0", "n", "nc0", "nc");
        Path scratch = Files.createTempDirectory("hookstead-load");

        MongoServer mongo = new MongoServer(new H2Backend(scratch.resolve("bench.mv").toString()));
        mongo.bind("127.0.0.1", 0);
        String mongoUri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        String apiKey;
        try (UserAdmin admin = UserAdmin.connect(mongoUri, "hookstead-users")) {
            apiKey = admin.createApiKey("load-bench").key();
        }

        Replay bare = new Replay();
        Burner burner = new Burner();
        HandWrittenIngest handWritten = new HandWrittenIngest(mongoUri);
        Integer maxThreads = Integer.getInteger("hookstead.bench.maxThreads");
        JsApp app = app();
        TestServer server = new TestServer()
                .app(app)
                .env("HOOKSTEAD_LOG_ADMINTOKEN", "load-bench-log")
                .contextParam("hookstead.service." + DATA_SOURCE + ".uri", mongoUri)
                .contextParam("hookstead.data.dir", scratch.resolve("embedded").toString())
                .servlet("/bare", bare)
                .servlet("/burn", burner)
                .servlet("/c0", handWritten)
                .maxThreads(maxThreads == null ? 200 : maxThreads)
                .start();
        if (!server.started()) throw new IllegalStateException("the webapp did not start:\n" + server.logs());
        TestServer withoutOperations = new TestServer()
                .app(app)
                .env("HOOKSTEAD_METRICS_ENABLED", "false")
                .contextParam("hookstead.service." + DATA_SOURCE + ".uri", mongoUri)
                .maxThreads(maxThreads == null ? 200 : maxThreads)
                .start();
        if (!withoutOperations.started()) {
            throw new IllegalStateException("the webapp did not start:\n" + withoutOperations.logs());
        }

        String body = event();
        Map<String, String> signed = Map.of("Content-Type", "application/json", "X-Hook-Signature", "sha256=" + hmac(body));
        List<Scenario> scenarios = new ArrayList<>(List.of(
                new Scenario("a", "bare servlet, same JSON as (b)", get(server, "/bare")),
                new Scenario("a2", "(a) burning the CPU time (b) spends over (a)", get(server, "/burn")),
                new Scenario("b", "trivial webhook: NO_VALIDATION, System, respond_result", get(server, TestApps.webhookPath("trivial"))),
                new Scenario("b0", "(b) with metrics and the invocation log off",
                        get(withoutOperations, TestApps.webhookPath("trivial"))),
                new Scenario("c0", "servlet: HMAC-SHA256 check + insertOne (driver), 1 KiB", post(server, "/c0", signed, body)),
                new Scenario("c", "webhook: VERIFY_PAYLOAD + insertOne, 1 KiB", post(server, TestApps.webhookPath("ingest"), signed, body)),
                new Scenario("cd", "(c) into the embedded database (synced per answer)", post(server, TestApps.webhookPath("ingestEmbedded"), signed, body)),
                new Scenario("d", "webhook: API-key auth + 2-condition can_evaluate", post(server,
                        TestApps.webhookPath("authed"), Map.of("api-key", apiKey, "Content-Type", "application/json"), "{}"))));

        // The hand-written servlets answer exactly what the filter answers.
        bare.answer(check(server, scenarios.get(2)));
        burner.answer(check(server, scenarios.get(2)));
        handWritten.answer(check(server, scenarios.get(5)));
        for (Scenario s : scenarios) check(server, s);

        List<NodePeer> peers = new ArrayList<>();
        if (only.stream().anyMatch(s -> s.startsWith("n"))) {
            String dir = System.getProperty("hookstead.bench.nodePeer");
            if (dir == null) {
                throw new IllegalStateException("scenarios n0, n, nc0 and nc need the Node.js peer: run bench/load/run.sh,"
                        + " which installs its packages and sets -Dhookstead.bench.nodePeer");
            }
            NodePeer single = new NodePeer(Path.of(dir), mongoUri, SECRET, 0);
            peers.add(single);
            NodePeer clustered = new NodePeer(Path.of(dir), mongoUri, SECRET, Runtime.getRuntime().availableProcessors());
            peers.add(clustered);
            scenarios.addAll(peerScenarios(single, "n", "Node.js, one process", signed, body));
            scenarios.addAll(peerScenarios(clustered, "nc", "Node cluster, worker per core", signed, body));
            for (NodePeer peer : peers) samePeerAnswers(server, peer, signed, body);
        }

        scenarios = scenarios.stream().filter(s -> only.contains(s.name())).toList();
        Wrk wrk = new Wrk(connections, scratch);
        System.out.printf("machine: %d cores, JVM %s, wrk -t1 -c%d, %d s per run, %d rounds (after warm-up passes over"
                        + " all scenarios until none gets cheaper), Tomcat maxThreads %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), connections,
                seconds, rounds, maxThreads == null ? "200 (default)" : maxThreads);
        warmUp(wrk, scenarios, seconds, burner);
        Map<String, List<Wrk.Figures>> runs = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Scenario s : scenarios) {
                long peerBefore = s.peerCpuNanos().getAsLong();
                long jvmBefore = s.jvmCpuNanos();
                Wrk.Figures f = wrk.run(s.name(), s.request(), seconds);
                double jvmMicros = (s.jvmCpuNanos() - jvmBefore) / 1000.0 / f.requests();
                double peerMicros = (s.peerCpuNanos().getAsLong() - peerBefore) / 1000.0 / f.requests();
                double cpuMicros = jvmMicros + peerMicros;
                if (f.errors() > 0) throw new IllegalStateException(s.name() + ": " + f.errors() + " failed requests");
                runs.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(f);
                cpu.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(cpuMicros);
                System.out.printf("round %d %-3s %9.0f req/s  p50 %8.0f us  p99 %8.0f us  server CPU %6.0f us/req%s%n",
                        round, s.name(), f.requestsPerSecond(), f.p50Micros(), f.p99Micros(), cpuMicros,
                        peerMicros == 0 || !s.countsJvm() ? ""
                                : String.format(" (node %.0f + JVM with the database %.0f)", peerMicros, jvmMicros));
            }
        }
        System.out.println();
        System.out.printf("%-3s %-55s %10s %10s %10s %12s%n", "", "scenario (median of rounds)", "req/s", "p50 us",
                "p99 us", "CPU us/req");
        Map<String, Wrk.Figures> median = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            Wrk.Figures m = median(runs.get(s.name()));
            median.put(s.name(), m);
            System.out.printf("%-3s %-55s %10.0f %10.0f %10.0f %12.1f%n", s.name(), s.what(), m.requestsPerSecond(),
                    m.p50Micros(), m.p99Micros(), median(cpu.get(s.name()).stream().mapToDouble(d -> d).toArray()));
        }
        System.out.println();
        cpuRatio(cpu, "b", "a", "goal <= 1.25 (issue 21)");
        ratio(median, "b", "a", Wrk.Figures::requestsPerSecond, "throughput", "none");
        ratio(median, "b", "a", Wrk.Figures::p99Micros, "p99", "<= 3 at the thread limit docs/deployment.md advises"
                + " (-Dhookstead.bench.maxThreads=2 on 2 cores); none at Tomcat's default 200");
        ratio(median, "b", "a2", Wrk.Figures::p99Micros, "p99", "none: (a2) spends (b)'s CPU");
        ratio(median, "c", "c0", Wrk.Figures::requestsPerSecond, "throughput", ">= 0.85");
        ratio(median, "cd", "c", Wrk.Figures::requestsPerSecond, "throughput", "none: the price of durability");
        ratio(median, "cd", "c", Wrk.Figures::p99Micros, "p99", "none");
        ratio(median, "b", "b0", Wrk.Figures::requestsPerSecond, "throughput", "none");
        cpuRatio(cpu, "b", "b0", "goal <= 1.05 (metrics + invocation log ring)");
        ratio(median, "d", "a", Wrk.Figures::requestsPerSecond, "throughput", "none");
        ratio(median, "d", "b", Wrk.Figures::requestsPerSecond, "throughput", "none");
        ratio(median, "c", "n", Wrk.Figures::requestsPerSecond, "throughput", ">= 1.0");
        ratio(median, "b", "n0", Wrk.Figures::requestsPerSecond, "throughput", ">= 1.0");
        ratio(median, "c", "nc", Wrk.Figures::requestsPerSecond, "throughput", "none: Node on every core");
        ratio(median, "b", "nc0", Wrk.Figures::requestsPerSecond, "throughput", "none: Node on every core");
        cpuRatio(cpu, "c", "n", "goal none");
        cpuRatio(cpu, "b", "n0", "goal none");
        cpuRatio(cpu, "c", "nc", "goal none");
        cpuRatio(cpu, "b", "nc0", "goal none");

        for (NodePeer peer : peers) peer.close();
        server.stop();
        withoutOperations.stop();
        handWritten.close();
        mongo.shutdown();
    }

    /**
     * Runs every scenario in turn, pass after pass, until a pass leaves each one's server CPU time per request within
     * 5 % of the pass before (at least 2 passes, at most 8): Nashorn and the JIT keep compiling for a minute or more,
     * and interleaving lets one scenario's compilation finish before another is measured. After each pass (a2)'s burn
     * is set to what (b) cost in it over the cheapest (a) so far (one noisy pass of (a) must not zero it).
     */
    private static void warmUp(Wrk wrk, List<Scenario> scenarios, int seconds, Burner burner) throws Exception {
        Map<String, Double> previous = new LinkedHashMap<>();
        double cheapestA = Double.MAX_VALUE;
        for (int pass = 1; pass <= 8; pass++) {
            boolean steady = pass >= 2;
            for (Scenario s : scenarios) {
                long cpuBefore = s.jvmCpuNanos() + s.peerCpuNanos().getAsLong();
                Wrk.Figures f = wrk.run(s.name() + "-warm", s.request(), seconds);
                double cpuMicros = (s.jvmCpuNanos() + s.peerCpuNanos().getAsLong() - cpuBefore) / 1000.0
                        / Math.max(1, f.requests());
                System.out.printf("warm-up pass %d %-3s %9.0f req/s  server CPU %6.0f us/req%n", pass, s.name(),
                        f.requestsPerSecond(), cpuMicros);
                Double before = previous.put(s.name(), cpuMicros);
                if (before == null || cpuMicros < before * 0.95) steady = false;
            }
            if (previous.containsKey("a") && previous.containsKey("b")) {
                cheapestA = Math.min(cheapestA, previous.get("a"));
                burner.burnMicros(previous.get("b") - cheapestA);
            }
            if (steady) return;
        }
    }

    private static void ratio(Map<String, Wrk.Figures> median, String x, String base,
                              ToDoubleFunction<Wrk.Figures> figure, String what, String goal) {
        if (!median.containsKey(x) || !median.containsKey(base)) return;
        double value = figure.applyAsDouble(median.get(x)) / figure.applyAsDouble(median.get(base));
        System.out.printf("(%s)/(%s) %-10s %6.2f   goal %s%n", x, base, what, value, goal);
    }

    private static void cpuRatio(Map<String, List<Double>> cpu, String x, String base, String goal) {
        if (!cpu.containsKey(x) || !cpu.containsKey(base)) return;
        System.out.printf("(%s)/(%s) %-10s %6.3f   %s%n", x, base, "CPU/req",
                median(cpu.get(x).stream().mapToDouble(d -> d).toArray())
                        / median(cpu.get(base).stream().mapToDouble(d -> d).toArray()), goal);
    }

    /** Per figure, the median over rounds. */
    private static Wrk.Figures median(List<Wrk.Figures> all) {
        return new Wrk.Figures(median(all.stream().mapToDouble(Wrk.Figures::requestsPerSecond).toArray()),
                median(all.stream().mapToDouble(Wrk.Figures::p50Micros).toArray()),
                median(all.stream().mapToDouble(Wrk.Figures::p99Micros).toArray()),
                all.stream().mapToLong(Wrk.Figures::requests).sum(), 0);
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static JsApp app() throws Exception {
        WebhookDef base = TestApps.webhook("authed");
        WebhookDef authed = new WebhookDef(base.service(), base.serviceType(), "authed", "POST",
                ValidationMethod.NO_VALIDATION, null, null, true, new RunAs(RunAs.Mode.APPLICATION, null, null),
                JSON.readTree("{\"%%user.type\": \"server\", \"%%request.httpMethod\": \"POST\"}"), false, false,
                false, null, base.source());
        return new JsApp()
                .dataSource(DATA_SOURCE)
                .dataSource(EMBEDDED)
                .authProvider(new AuthProviderDef("api-key", "api-key", false, null, null, List.of(), "auth/providers.json"))
                .webhook(TestApps.webhook("trivial", "GET", ValidationMethod.NO_VALIDATION, null, true), TRIVIAL)
                .webhook(TestApps.webhook("ingest", "POST", ValidationMethod.VERIFY_PAYLOAD, SECRET, true), INGEST)
                .webhook(TestApps.webhook("ingestEmbedded", "POST", ValidationMethod.VERIFY_PAYLOAD, SECRET, true),
                        INGEST.replace(DATA_SOURCE, EMBEDDED))
                .webhook(authed, TRIVIAL);
    }

    /** A GitHub-style push event of exactly 1,024 bytes. */
    static String event() {
        String head = "{\"ref\":\"refs/heads/main\",\"before\":\"6113728f27ae82c7b1a177c8d03f9e96e0adf246\","
                + "\"after\":\"59b20b8d5c6ff8d09518454d4dd8b7b30f095ab5\",\"repository\":{\"id\":35129377,"
                + "\"full_name\":\"octo-org/octo-repo\",\"private\":false},\"pusher\":{\"name\":\"octocat\","
                + "\"email\":\"octocat@github.com\"},\"commits\":[{\"id\":\"59b20b8d5c6ff8d09518454d4dd8b7b30f095ab5\","
                + "\"message\":\"";
        String tail = "\",\"timestamp\":\"2026-11-23T09:30:00Z\",\"added\":[],\"removed\":[],\"modified\":[\"README.md\"]}]}";
        return head + "x".repeat(1024 - head.length() - tail.length()) + tail;
    }

    private static String hmac(String body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Hex.encodeHexString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Wrk.Request get(TestServer server, String path) {
        return new Wrk.Request("GET", server.uri(path), Map.of(), null);
    }

    private static Wrk.Request post(TestServer server, String path, Map<String, String> headers, String body) {
        return new Wrk.Request("POST", server.uri(path), headers, body);
    }

    /**
     * The peer's two scenarios: (b) and (c) rewritten, on the filter's URLs. The mongo-java-server runs in this JVM, and
     * (c)'s CPU time includes its work, so the ingest scenario counts this JVM's CPU time with the peer's; the trivial
     * one leaves this JVM idle and counts the peer's alone.
     */
    private static List<Scenario> peerScenarios(NodePeer peer, String prefix, String how, Map<String, String> signed,
                                                String body) {
        String trivial = TestApps.webhookPath("trivial");
        String ingest = TestApps.webhookPath("ingest");
        return List.of(
                new Scenario(prefix + "0", "(b) in Express, " + how,
                        new Wrk.Request("GET", peer.uri(trivial), Map.of(), null), peer::cpuNanos, false),
                new Scenario(prefix, "(c) in Express + driver, " + how,
                        new Wrk.Request("POST", peer.uri(ingest), signed, body), peer::cpuNanos, true));
    }

    /**
     * The peer answers (b)'s and (c)'s requests, and (c)'s with a wrong or missing signature, with the filter's
     * status, Content-Type and body bytes; only the invocation id in an error's link differs, a new one per request.
     */
    private static void samePeerAnswers(TestServer server, NodePeer peer, Map<String, String> signed, String body) {
        String trivial = TestApps.webhookPath("trivial");
        String ingest = TestApps.webhookPath("ingest");
        Map<String, String> json = Map.of("Content-Type", "application/json");
        Map<String, String> forged = Map.of("Content-Type", "application/json", "X-Hook-Signature", "sha256=" + "0".repeat(64));
        List<Wrk.Request> requests = List.of(new Wrk.Request("GET", server.uri(trivial), Map.of(), null),
                new Wrk.Request("POST", server.uri(ingest), signed, body),
                new Wrk.Request("POST", server.uri(ingest), forged, body),
                new Wrk.Request("POST", server.uri(ingest), json, body));
        for (Wrk.Request r : requests) {
            Wrk.Request toPeer = new Wrk.Request(r.method(), peer.uri(r.uri().getRawPath()), r.headers(), r.body());
            String filter = comparable(send(server, r));
            String node = comparable(send(server, toPeer));
            if (!filter.equals(node)) {
                throw new IllegalStateException("the node peer answers " + r.method() + " " + r.uri().getRawPath()
                        + " " + r.headers().keySet() + " differently:\n  filter: " + filter + "\n  node:   " + node);
            }
        }
    }

    private static String comparable(HttpResponse<String> response) {
        return response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("(no Content-Type)")
                + " " + response.body().replaceAll("hookstead:invocation:[0-9a-f]{24}", "hookstead:invocation:<id>");
    }

    private static HttpResponse<String> send(TestServer server, Wrk.Request r) {
        var builder = HttpRequest.newBuilder(r.uri()).method(r.method(), r.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(r.body()));
        r.headers().forEach(builder::header);
        return server.send(builder.build());
    }

    /** Sends the scenario's request once; it must answer 200. Returns the answer. */
    private static HttpResponse<String> check(TestServer server, Scenario s) {
        HttpResponse<String> response = send(server, s.request());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("scenario " + s.name() + " answered " + response.statusCode() + ": "
                    + response.body() + "\n" + server.logs());
        }
        return response;
    }

    /** (a): answers the bytes and content type the trivial webhook answers. */
    private static class Replay extends HttpServlet {
        private volatile byte[] body;
        private volatile String contentType;

        void answer(HttpResponse<String> response) {
            body = response.body().getBytes(StandardCharsets.UTF_8);
            contentType = response.headers().firstValue("Content-Type").orElseThrow();
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType(contentType);
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
        }
    }

    /**
     * (a2): (a) plus a busy loop on the thread's own CPU clock. With (b)'s CPU cost and none of its code, its latency
     * tail shows what the machine's scheduler alone makes of that cost.
     */
    private static final class Burner extends Replay {
        private volatile long burnNanos;

        void burnMicros(double micros) {
            burnNanos = Math.max(0, (long) (micros * 1000));
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            long end = THREAD_CPU.getCurrentThreadCpuTime() + burnNanos;
            while (THREAD_CPU.getCurrentThreadCpuTime() < end) {
                Thread.onSpinWait();
            }
            super.service(req, resp);
        }
    }

    /** (c0): what a careful hand-written servlet does: constant-time HMAC check, then insertOne with the driver. */
    private static final class HandWrittenIngest extends Replay {
        private final MongoClient client;
        private final MongoCollection<Document> events;
        private final SecretKeySpec key = new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");

        HandWrittenIngest(String uri) {
            client = MongoClients.create(uri);
            events = client.getDatabase("bench").getCollection("events-c0");
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            byte[] body = req.getInputStream().readAllBytes();
            String header = req.getHeader("X-Hook-Signature");
            byte[] expected;
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                expected = ("sha256=" + Hex.encodeHexString(mac.doFinal(body))).getBytes(StandardCharsets.US_ASCII);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            if (header == null || !MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.US_ASCII))) {
                resp.sendError(401);
                return;
            }
            events.insertOne(Document.parse(new String(body, StandardCharsets.UTF_8)));
            super.service(req, resp);
        }

        void close() {
            client.close();
        }
    }
}
