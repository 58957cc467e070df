package dev.hookstead.build;

import dev.hookstead.script.compile.CompiledScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class ScriptCacheTest {

    @TempDir
    Path dir;

    @Test
    void anEntryGivesBackTheCodeAndLineMapItWasGiven() {
        ScriptCache cache = new ScriptCache(dir, "plugin 1");
        CompiledScript compiled = new CompiledScript("var a = 1;\nlines:\r\n\nvar b = \"é\";\n", List.of(1, 1, 2, 7));
        cache.put("functions/a.js", ScriptCache.sha256("const a = 1;"), compiled);

        assertEquals(compiled, cache.get("functions/a.js", ScriptCache.sha256("const a = 1;")));
        assertEquals(new CompiledScript("", List.of()), roundTrip(cache, new CompiledScript("", List.of())));
    }

    @Test
    void anotherSourceFileNameOrToolchainIsAMiss() {
        ScriptCache cache = new ScriptCache(dir, "plugin 1");
        cache.put("functions/a.js", ScriptCache.sha256("const a = 1;"), new CompiledScript("var a = 1;", List.of(1)));

        assertNull(cache.get("functions/a.js", ScriptCache.sha256("const a = 2;")));
        assertNull(cache.get("functions/b.js", ScriptCache.sha256("const a = 1;")));
        assertNull(new ScriptCache(dir, "plugin 2").get("functions/a.js", ScriptCache.sha256("const a = 1;")));
    }

    @Test
    void aDamagedEntryIsAMiss() throws IOException {
        ScriptCache cache = new ScriptCache(dir, "plugin 1");
        cache.put("functions/a.js", ScriptCache.sha256("const a = 1;"), new CompiledScript("var a = 1;", List.of(1)));
        Path entry;
        try (Stream<Path> files = Files.list(dir)) {
            entry = files.findFirst().orElseThrow();
        }
        for (String damaged : new String[]{"", "var a = 1;", "lines:1,x\nvar a = 1;", "lines:1"}) {
            Files.writeString(entry, damaged);
            assertNull(cache.get("functions/a.js", ScriptCache.sha256("const a = 1;")), damaged);
        }
    }

    private static CompiledScript roundTrip(ScriptCache cache, CompiledScript compiled) {
        cache.put("prelude.js", ScriptCache.sha256(""), compiled);
        return cache.get("prelude.js", ScriptCache.sha256(""));
    }
}
