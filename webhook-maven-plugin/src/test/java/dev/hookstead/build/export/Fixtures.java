package dev.hookstead.build.export;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test exports under src/test/resources/exports/. */
final class Fixtures {
    private Fixtures() {
    }

    static Path export(String name) {
        URL url = Fixtures.class.getResource("/exports/" + name + "/");
        if (url == null) throw new IllegalArgumentException("no fixture exports/" + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ExportResult read(String name) {
        return ExportReader.read(export(name), null);
    }
}
