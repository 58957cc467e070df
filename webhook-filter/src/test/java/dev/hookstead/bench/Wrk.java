package dev.hookstead.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (a second process, on loopback) against one request shape and reads back its figures. */
final class Wrk {
    /** What wrk reported for one run; latencies in microseconds. */
    record Figures(double requestsPerSecond, double p50Micros, double p99Micros, long requests, long errors) {
    }

    /** One request, sent over and over by every connection. */
    record Request(String method, URI uri, Map<String, String> headers, String body) {
    }

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private final int connections;
    private final Path scratch;

    Wrk(int connections, Path scratch) {
        this.connections = connections;
        this.scratch = scratch;
    }

    Figures run(String name, Request request, int seconds) throws IOException, InterruptedException {
        Path script = scratch.resolve(name + ".lua");
        Files.writeString(script, lua(request));
        // wrk's default 2 s timeout counted a slow answer as a failed request; a slow answer is a latency figure
        List<String> command = new ArrayList<>(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "--latency", "-s", script.toString(), request.uri().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) throw new IllegalStateException("wrk failed for " + name + ":\n" + out);
        return parse(name, out);
    }

    static Figures parse(String name, String out) {
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(out);
        if (non2xx.find()) errors += Long.parseLong(non2xx.group(1));
        Matcher socket = SOCKET_ERRORS.matcher(out);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) errors += Long.parseLong(socket.group(g));
        }
        return new Figures(number(RPS, out, name), latency("50%", out, name), latency("99%", out, name),
                (long) number(TOTAL, out, name), errors);
    }

    private static double number(Pattern pattern, String out, String name) {
        Matcher m = pattern.matcher(out);
        if (!m.find()) throw new IllegalStateException("no " + pattern + " in wrk output of " + name + ":\n" + out);
        return Double.parseDouble(m.group(1));
    }

    /** A line of wrk's latency distribution, such as {@code 99%    1.23ms}, in microseconds. */
    private static double latency(String percentile, String out, String name) {
        Matcher m = Pattern.compile("^\\s*" + Pattern.quote(percentile) + "\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
                .matcher(out);
        if (!m.find()) throw new IllegalStateException("no " + percentile + " latency in wrk output of " + name + ":\n" + out);
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value;
            case "ms" -> value * 1_000;
            default -> value * 1_000_000;
        };
    }

    private static String lua(Request request) {
        StringBuilder lua = new StringBuilder("wrk.method = ").append(quote(request.method())).append('\n');
        if (request.body() != null) lua.append("wrk.body = ").append(quote(request.body())).append('\n');
        request.headers().forEach((k, v) -> lua.append("wrk.headers[ ").append(quote(k)).append(" ] = ")
                .append(quote(v)).append('\n'));
        return lua.toString();
    }

    /** A Lua long-bracket string, which needs no escapes. */
    private static String quote(String text) {
        String level = "=";
        while (text.contains("]" + level + "]")) level += "=";
        return "[" + level + "[" + text + "]" + level + "]";
    }
}
