package dev.hookstead.bench;

import dev.hookstead.filter.HooksteadInitializer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Start-up of an app with many webhooks against a bare embedded Tomcat measured in the same way. Run with
 * bench/startup/run.sh, which calls the modes in order, each in a fresh JVM:
 * <ul>
 *   <li>{@code generate <dir> <count>}: compile the app (real toolchain) into {@code <dir>/webapp/WEB-INF/hookstead};</li>
 *   <li>{@code cold <dir> baseline|hookstead}: one start in this JVM, its figures saved for the summary;</li>
 *   <li>{@code warm <dir> <rounds>}: one uncounted round, then alternating starts (fresh Tomcat each), heap figures,
 *       one pass over every webhook, and the summary with the cold figures.</li>
 * </ul>
 * Baseline: Tomcat on port 0 with one plain servlet, from {@code tomcat.start()} to its first 200. Hookstead: the same
 * Tomcat plus the real {@link HooksteadInitializer} (so the real filter and script runtime) on the generated webapp,
 * from {@code tomcat.start()} to the first 200 of the first webhook, then of the last one.
 */
public final class StartupBench {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");

    /**
     * One start: times from {@code tomcat.start()} in ms ({@code last} is 0 for the baseline), heap in bytes, and the
     * CPU time until ready in ms: the starting thread's, and the whole process's (JIT compiler threads included),
     * which a loaded machine disturbs far less than the wall time.
     */
    record Start(double started, double ready, double last, long heap, double mainCpu, double processCpu) {
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** {thread CPU, process CPU} in ns, to subtract. */
    private static long[] cpuNow() {
        return new long[]{ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(), OS.getProcessCpuTime()};
    }

    private static double[] cpuSince(long[] from) {
        long[] now = cpuNow();
        return new double[]{(now[0] - from[0]) / 1e6, (now[1] - from[1]) / 1e6};
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("hookstead.secret." + GeneratedApp.SECRET_NAME, GeneratedApp.SECRET_VALUE);
        TOMCAT_LOG.setLevel(Level.SEVERE); // the webapp-leak checks warn about the JDK HttpClient selector thread
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "generate" -> generate(dir, Integer.parseInt(args[2]));
            case "cold" -> cold(dir, args[2].equals("hookstead"));
            case "warm" -> warm(dir, Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("mode must be generate, cold or warm, got " + args[0]);
        }
    }

    private static void generate(Path dir, int count) throws IOException {
        long t0 = System.nanoTime();
        deleteDir(dir);
        GeneratedApp.write(GeneratedApp.build(count), dir.resolve("webapp"));
        Files.writeString(dir.resolve("count"), String.valueOf(count));
        System.out.printf(Locale.ROOT, "generated %d webhooks with the real toolchain in %.1f s%n", count,
                (System.nanoTime() - t0) / 1e9);
    }

    private static void cold(Path dir, boolean hookstead) throws Exception {
        Start s = hookstead ? startHookstead(dir, count(dir), false) : startBaseline(dir, false);
        String line = String.format(Locale.ROOT, "%.1f %.1f %.1f %.1f %.1f", s.started, s.ready, s.last, s.mainCpu,
                s.processCpu);
        Files.writeString(dir.resolve(hookstead ? "cold-hookstead" : "cold-baseline"), line);
        System.out.printf(Locale.ROOT, "cold %s: started %.0f ms, ready %.0f ms; CPU until ready: starting thread %.0f ms,"
                        + " process %.0f ms; load average %.2f%n", hookstead ? "hookstead" : "baseline", s.started, s.ready,
                s.mainCpu, s.processCpu, OS.getSystemLoadAverage());
    }

    private static void warm(Path dir, int rounds) throws Exception {
        int count = count(dir);
        List<Start> baseline = new ArrayList<>();
        List<Start> hooks = new ArrayList<>();
        Start warmUpBase = startBaseline(dir, false);
        Start warmUp = startHookstead(dir, count, false);
        System.out.printf(Locale.ROOT, "warm-up round, not counted: baseline ready %.0f ms, hookstead ready %.0f ms%n",
                warmUpBase.ready, warmUp.ready);
        for (int r = 0; r < rounds; r++) {
            baseline.add(startBaseline(dir, true));
            hooks.add(startHookstead(dir, count, true));
            System.out.printf(Locale.ROOT, "round %d: baseline ready %.0f ms; hookstead started %.0f ms, ready %.0f ms,"
                            + " webhook %d answered at %.0f ms%n", r + 1, baseline.get(r).ready, hooks.get(r).started,
                    hooks.get(r).ready, count, hooks.get(r).last);
        }
        double[] everyHook = callEveryWebhook(dir, count);
        double[] coldBase = coldFigures(dir, "cold-baseline");
        double[] coldHooks = coldFigures(dir, "cold-hookstead");

        double baseReady = median(baseline, Start::ready);
        double ready = median(hooks, Start::ready);
        double last = median(hooks, Start::last);
        long baseHeap = (long) median(baseline, s -> s.heap);
        long hookHeap = (long) median(hooks, s -> s.heap);
        Runtime rt = Runtime.getRuntime();
        System.out.println();
        System.out.printf("machine: %d cores, JVM %s %s, max heap %d MB, load average %.2f%n", rt.availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"), rt.maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("method: %d webhooks; cold = first start in a fresh JVM; warm = median of %d starts after one "
                + "uncounted round, fresh Tomcat each, same JVM; times from tomcat.start(); heap = used after repeated System.gc() once ready%n",
                count, rounds);
        System.out.printf("engine pool size (hookstead.engine.poolSize default = 4 x cores): %d%n", 4 * rt.availableProcessors());
        System.out.println();
        System.out.println("| Figure | Baseline Tomcat | Hookstead | Ratio |");
        System.out.println("|---|---|---|---|");
        row("cold: ready (first 200)", coldBase[1], coldHooks[1]);
        System.out.printf(Locale.ROOT, "| cold: webhook %d first answered | | %.0f ms | |%n", count, coldHooks[2]);
        row("cold: CPU until ready, starting thread", coldBase[3], coldHooks[3]);
        row("cold: CPU until ready, whole process", coldBase[4], coldHooks[4]);
        row("warm: ready (first 200)", baseReady, ready);
        System.out.printf(Locale.ROOT, "| warm: webhook %d first answered | | %.0f ms | |%n", count, last);
        System.out.printf(Locale.ROOT, "| heap once ready | %.1f MB | +%.1f MB | |%n", baseHeap / 1048576.0,
                (hookHeap - baseHeap) / 1048576.0);
        System.out.printf(Locale.ROOT, "| heap after every webhook ran once (%.1f s for the pass) | | +%.1f MB | |%n",
                everyHook[0] / 1000, (everyHook[1] - baseHeap) / 1048576.0);
        System.out.println();
        System.out.printf(Locale.ROOT, "goal (issue 21): ready with %d webhooks in a cold JVM <= 1.5 s: %s (cold %.2f s;"
                + " warm %.2f s)%n", count, coldHooks[1] <= 1500 ? "met" : "NOT met", coldHooks[1] / 1000, ready / 1000);
    }

    private static void row(String name, double base, double hooks) {
        System.out.printf(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.1f |%n", name, base, hooks, hooks / base);
    }

    private static Start startBaseline(Path dir, boolean measureHeap) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-webapp"));
        Tomcat tomcat = tomcat(dir, empty, false);
        try {
            long t0 = System.nanoTime();
            long[] cpu0 = cpuNow();
            tomcat.start();
            double started = millisSince(t0);
            expectOk(get(tomcat, "/ping"), "the plain servlet");
            double ready = millisSince(t0);
            double[] cpu = cpuSince(cpu0);
            return new Start(started, ready, 0, measureHeap ? usedHeapAfterGc() : 0, cpu[0], cpu[1]);
        } finally {
            stop(tomcat);
        }
    }

    private static Start startHookstead(Path dir, int count, boolean measureHeap) throws Exception {
        Tomcat tomcat = tomcat(dir, dir.resolve("webapp"), true);
        try {
            long t0 = System.nanoTime();
            long[] cpu0 = cpuNow();
            tomcat.start();
            double started = millisSince(t0);
            Context context = (Context) tomcat.getHost().findChildren()[0];
            if (!context.getState().isAvailable()) throw new IllegalStateException("the webapp did not start; see the log");
            String base = base(tomcat);
            expectOk(CLIENT.send(GeneratedApp.call(base, 0), HttpResponse.BodyHandlers.ofString()), "webhook 1");
            double ready = millisSince(t0);
            double[] cpu = cpuSince(cpu0);
            expectOk(CLIENT.send(GeneratedApp.call(base, count - 1), HttpResponse.BodyHandlers.ofString()),
                    "webhook " + count);
            double last = millisSince(t0);
            return new Start(started, ready, last, measureHeap ? usedHeapAfterGc() : 0, cpu[0], cpu[1]);
        } finally {
            stop(tomcat);
        }
    }

    /** Starts a server, calls every webhook once; returns the pass's time (ms) and the used heap after it. */
    private static double[] callEveryWebhook(Path dir, int count) throws Exception {
        Tomcat tomcat = tomcat(dir, dir.resolve("webapp"), true);
        try {
            tomcat.start();
            String base = base(tomcat);
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                expectOk(CLIENT.send(GeneratedApp.call(base, i), HttpResponse.BodyHandlers.ofString()),
                        "webhook " + (i + 1));
            }
            return new double[]{millisSince(t0), usedHeapAfterGc()};
        } finally {
            stop(tomcat);
        }
    }

    private static Tomcat tomcat(Path dir, Path docBase, boolean hookstead) throws IOException {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory(dir, "tomcat").toString());
        tomcat.setPort(0);
        Context context = tomcat.addContext("", docBase.toString());
        Tomcat.addServlet(context, "ok", new Ok());
        context.addServletMappingDecoded("/", "ok");
        if (hookstead) context.addServletContainerInitializer(new HooksteadInitializer(), null);
        tomcat.getConnector();
        return tomcat;
    }

    private static void stop(Tomcat tomcat) throws LifecycleException, IOException {
        String baseDir = tomcat.getServer().getCatalinaBase().toString();
        tomcat.stop();
        tomcat.destroy();
        deleteDir(Path.of(baseDir));
    }

    private static String base(Tomcat tomcat) {
        return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
    }

    private static HttpResponse<String> get(Tomcat tomcat, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base(tomcat) + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void expectOk(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The lowest used heap over a few full collections, so that garbage left by earlier rounds is not counted. */
    private static long usedHeapAfterGc() throws InterruptedException {
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            lowest = Math.min(lowest, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return lowest;
    }

    private static double millisSince(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(List<Start> starts, java.util.function.ToDoubleFunction<Start> figure) {
        double[] values = starts.stream().mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static int count(Path dir) throws IOException {
        return Integer.parseInt(Files.readString(dir.resolve("count")).trim());
    }

    private static double[] coldFigures(Path dir, String file) throws IOException {
        String[] parts = Files.readString(dir.resolve(file)).trim().split(" ");
        double[] figures = new double[parts.length];
        for (int i = 0; i < parts.length; i++) figures[i] = Double.parseDouble(parts[i]);
        return figures;
    }

    private static void deleteDir(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static final class Ok extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            resp.getWriter().print("ok");
        }
    }
}
