package dev.hookstead.build.export;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Test exports. The realistic layouts and the broken exports are the invoker projects under src-it (each builds
 * there with real Maven); small ones live under src/test/resources/exports/.
 */
final class Fixtures {
    private static final Path SRC_IT = Path.of("..", "src-it");
    private static final Map<String, String> LAYOUTS = Map.of(
            "stitch", "layout-stitch-cli",
            "realm-v1", "layout-realm-cli-v1",
            "realm-v2", "layout-realm-cli-v2",
            "appservices", "layout-appservices");

    private Fixtures() {
    }

    static Path export(String name) {
        String project = name.startsWith("broken/") ? "fails-on-" + name.substring("broken/".length()) : LAYOUTS.get(name);
        if (project != null) {
            Path app = SRC_IT.resolve(project).resolve("src/main/app");
            if (!Files.isDirectory(app)) throw new IllegalArgumentException("no invoker project " + app);
            return app;
        }
        URL url = Fixtures.class.getResource("/exports/" + name + "/");
        if (url == null) throw new IllegalArgumentException("no fixture exports/" + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a fixture export into {@code to}, to change one file of it. */
    static void copy(String name, Path to) throws IOException {
        Path from = export(name);
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    static ExportResult read(String name) {
        return ExportReader.read(export(name), null);
    }
}
