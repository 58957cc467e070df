package dev.hookstead.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, one fresh profile per run, no network but the page's own. Missing Chromium is a test
 * failure with the fix in its message (CI installs it in .ci/run), never a silent skip.
 */
final class Chromium {

    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");

    private Chromium() {
    }

    static Path binary() {
        String configured = System.getenv("HOOKSTEAD_CHROMIUM");
        if (configured != null && Files.isExecutable(Path.of(configured))) return Path.of(configured);
        for (String candidate : CANDIDATES) {
            if (Files.isExecutable(Path.of(candidate))) return Path.of(candidate);
        }
        throw new AssertionError("Chromium is needed for the browser tests and was not found at " + CANDIDATES
                + " (or HOOKSTEAD_CHROMIUM); install it: apt-get install -y chromium");
    }

    /** The DOM after the page's scripts ran and its requests settled. */
    static String dumpDom(String url) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", url), null);
    }

    /** A PNG of the page after its scripts ran. */
    static void screenshot(String url, Path png) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=1280,900", url), png);
        if (!Files.isRegularFile(png) || Files.size(png) == 0) throw new AssertionError("Chromium wrote no " + png);
    }

    private static String run(List<String> action, Path png) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("hookstead-chromium");
        try {
            List<String> command = new ArrayList<>(List.of(binary().toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile, "--virtual-time-budget=10000"));
            command.addAll(action);
            Path out = profile.resolve("stdout.txt");
            Path err = profile.resolve("stderr.txt");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Chromium did not finish within 60 s: " + Files.readString(err));
            }
            String dom = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0 || (png == null && dom.isBlank())) {
                throw new AssertionError("Chromium failed (exit " + process.exitValue() + "): "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return dom;
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
