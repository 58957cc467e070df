package dev.hookstead.script.compile;

import org.junit.jupiter.api.Test;

import javax.script.ScriptException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineTableAndDeterminismTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = LineTableAndDeterminismTest.class.getResourceAsStream("/script/compile/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anErrorOnAnOriginalLineMapsBackToIt() throws Exception {
        String source = resource("lines.js");
        CompiledScript script = new ScriptCompiler().compile("functions/lines.js", source);
        assertEquals(script.es5().split("\n", -1).length, script.lines().size());

        ScriptException thrown = assertThrows(ScriptException.class,
                () -> JsHarness.run(script, TestGuard.never(), "{a: 1, b: 2}"));
        int es5Line = thrown.getLineNumber();
        assertTrue(script.es5().split("\n")[es5Line - 1].contains("boom"), "es5 line " + es5Line);
        assertTrue(es5Line != 14, "transpiling should have moved the throw; the test no longer proves the map");
        assertEquals(14, script.originalLine(es5Line));
    }

    @Test
    void everyMappedLineIsWithinTheSource() throws Exception {
        String source = resource("lines.js");
        CompiledScript script = new ScriptCompiler().compile("functions/lines.js", source);
        long sourceLines = source.lines().count();
        for (int line : script.lines()) assertTrue(line >= 0 && line <= sourceLines, "line " + line);
        assertTrue(script.lines().stream().filter(l -> l > 0).count() > script.lines().size() / 2, script.lines()::toString);
    }

    @Test
    void preludeIsBuiltOnceAndIdentical() {
        String prelude = Prelude.build();
        assertTrue(prelude == Prelude.build());
        assertTrue(prelude.length() > 50_000 && prelude.length() < 120_000, "size " + prelude.length());
        assertTrue(prelude.contains("$jscomp.polyfill(\"Promise\""), "Promise polyfill");
    }

    @Test
    void everyRuntimeHelperTheCompiledCodeNamesIsInThePrelude() throws Exception {
        String es5 = new ScriptCompiler().compile("functions/all.js", resource("features.js")).es5();
        java.util.regex.Matcher helper = java.util.regex.Pattern.compile("\\$jscomp\\.([A-Za-z_$][\\w$]*)").matcher(es5);
        List<String> missing = new ArrayList<>();
        while (helper.find()) {
            Object type = JsHarness.engine().eval("typeof $jscomp." + helper.group(1));
            if ("undefined".equals(type)) missing.add(helper.group(1));
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void parallelCompilesGiveTheSameOutputAsSequentialOnes() throws Exception {
        String source = resource("features.js");
        ScriptCompiler compiler = new ScriptCompiler();
        CompiledScript expected = compiler.compile("functions/all.js", source);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<CompiledScript>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) results.add(pool.submit(() -> compiler.compile("functions/all.js", source)));
            for (Future<CompiledScript> result : results) assertEquals(expected, result.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
