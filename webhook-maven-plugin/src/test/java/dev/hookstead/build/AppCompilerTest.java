package dev.hookstead.build;

import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ScriptRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class AppCompilerTest {

    private static final Path LAYOUT = Path.of("..", "src-it", "layout-realm-cli-v2", "src", "main", "app");

    @TempDir
    Path tmp;

    private AppCompiler compiler() {
        return new AppCompiler(tmp.resolve("cache"), "test", 2);
    }

    @Test
    void writesTheManifestFolderAndReusesUnchangedFunctions() throws IOException {
        Path app = copy(LAYOUT, tmp.resolve("app"));
        Path out = tmp.resolve("out");

        AppCompiler.Result first = compiler().compile(app, null, out);
        assertFalse(first.problems().hasErrors(), first.problems()::format);
        assertEquals(0, first.reused());
        int scripts = first.transpiled();
        assertTrue(scripts >= 4, "every webhook and function is transpiled: " + scripts);
        ScriptRef latest = first.manifest().function("endpoint/hello/latest").script();
        assertEquals("scripts/functions/endpoint/hello/latest.js", latest.path());
        assertTrue(Files.readString(out.resolve(latest.path())).contains("__hs_guard__.check();"));
        assertEquals(Files.readString(app.resolve("functions/endpoint/hello/latest.js")),
                Files.readString(out.resolve(latest.original())), "the original source is kept beside the output");
        assertTrue(Files.readString(out.resolve(AppCompiler.PRELUDE_PATH)).contains("$jscomp"));
        byte[] manifest = Files.readAllBytes(out.resolve(Manifest.FILE_NAME));

        AppCompiler.Result noop = compiler().compile(app, null, out);
        assertEquals(0, noop.transpiled(), "nothing changed, nothing transpiled");
        assertEquals(scripts, noop.reused());
        assertEquals(0, noop.filesChanged(), "a no-op build rewrites no file");
        assertArrayEquals(manifest, Files.readAllBytes(out.resolve(Manifest.FILE_NAME)));

        Files.writeString(app.resolve("functions/util/format.js"), "exports = (x) => `[${x}]`;\n");
        AppCompiler.Result edited = compiler().compile(app, null, out);
        assertEquals(1, edited.transpiled(), "only the edited function is transpiled again");
        assertEquals(scripts - 1, edited.reused());
    }

    @Test
    void theSameInputGivesByteIdenticalOutputWithAColdCache() throws IOException {
        AppCompiler.Result a = new AppCompiler(tmp.resolve("c1"), "test", 2).compile(LAYOUT, null, tmp.resolve("a"));
        AppCompiler.Result b = new AppCompiler(tmp.resolve("c2"), "test", 1).compile(LAYOUT, null, tmp.resolve("b"));
        assertEquals(a.transpiled(), b.transpiled());
        assertEquals(listing(tmp.resolve("a")), listing(tmp.resolve("b")));
        for (String file : listing(tmp.resolve("a"))) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(file)),
                    Files.readAllBytes(tmp.resolve("b").resolve(file)), file);
        }
    }

    @Test
    void removesFilesOfFunctionsThatNoLongerExist() throws IOException {
        Path app = copy(LAYOUT, tmp.resolve("app"));
        Path out = tmp.resolve("out");
        compiler().compile(app, null, out);
        Path stale = out.resolve("scripts/functions/old.js");
        Files.writeString(stale, "exports = 1;");
        compiler().compile(app, null, out);
        assertFalse(Files.exists(stale));
    }

    @Test
    void transpileErrorsJoinTheExportsProblemsWithFileLineAndColumn() throws IOException {
        Path app = copy(LAYOUT, tmp.resolve("app"));
        Files.writeString(app.resolve("functions/util/format.js"), "exports = function(x) {\n  return x.#secret;\n};\n");
        AppCompiler.Result r = compiler().compile(app, null, tmp.resolve("out"));
        assertNull(r.manifest());
        String text = r.problems().format();
        assertTrue(text.contains("functions/util/format.js:2:"), text);
        assertFalse(Files.exists(tmp.resolve("out")), "nothing is written when the export has errors");
    }

    @Test
    void aJavaScriptParseErrorQuotesTheLineAndSaysHowToFixIt() throws IOException {
        Path app = copy(LAYOUT, tmp.resolve("app"));
        Files.writeString(app.resolve("functions/util/format.js"), "exports = function(x) {\n  const y = ;\n};\n");
        AppCompiler.Result r = compiler().compile(app, null, tmp.resolve("out"));
        String text = r.problems().format();
        assertTrue(text.startsWith("ERROR functions/util/format.js:2:"), text);
        assertTrue(text.contains(": value \"const y = ;\" Parse error."), text);
        assertTrue(text.contains(". Fix: correct the JavaScript syntax at that position"), text);
    }

    @Test
    void anExcerptIsTheLineAroundTheColumnTrimmed() {
        assertEquals("return 1;", AppCompiler.excerpt("a\n    return 1;\n", 2, 5));
        assertNull(AppCompiler.excerpt("a\n", 0, 0), "no line, no excerpt");
        String longLine = "x".repeat(100) + "BAD" + "y".repeat(100);
        assertEquals("…" + "x".repeat(40) + "BAD" + "y".repeat(37) + "…", AppCompiler.excerpt(longLine, 1, 101));
    }

    @Test
    void aLiteralServiceNameTheExportLacksIsAWarningNamingTheDataSources() throws IOException {
        Path app = copy(LAYOUT, tmp.resolve("app"));
        Files.writeString(app.resolve("functions/util/format.js"), """
                exports = async function(x) {
                  const ok = context.services.get("mongodb-atlas");
                  return context.services.get('mongodb-atlass').db("a").collection("b").findOne();
                };
                """);
        AppCompiler.Result r = compiler().compile(app, null, null);
        assertFalse(r.problems().hasErrors(), r.problems()::format);
        assertEquals(1, r.problems().warnings().size(), r.problems()::format);
        assertEquals("functions/util/format.js:3:32: value \"mongodb-atlass\" is not a data source or HTTP service of"
                + " this export, so context.services.get gives undefined for it at run time. Fix: use one of the"
                + " export's data sources [mongodb-atlas], or add this one under data_sources/",
                r.problems().warnings().get(0).format());
    }

    @Test
    void validateOnlyWritesNothing() {
        AppCompiler.Result r = compiler().compile(LAYOUT, null, null);
        assertFalse(r.problems().hasErrors());
        assertNotNull(r.manifest());
        assertEquals(0, r.filesChanged());
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return to;
    }

    private static java.util.List<String> listing(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .sorted(Comparator.naturalOrder()).toList();
        }
    }
}
