package dev.hookstead.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstead.script.compile.CompiledScript;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Content-addressed cache of compiled scripts under {@code target/}: a function whose source, file name and
 * toolchain are unchanged is not transpiled again. Entries are immutable, so concurrent builds cannot corrupt them.
 */
final class ScriptCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final String toolchain;

    /** @param toolchain anything that changes compiler output (plugin and Closure versions) */
    ScriptCache(Path dir, String toolchain) {
        this.dir = dir;
        this.toolchain = toolchain;
    }

    CompiledScript get(String fileName, String source) {
        Path file = entry(fileName, source);
        if (!Files.isRegularFile(file)) return null;
        try {
            Entry entry = JSON.readValue(file.toFile(), Entry.class);
            return new CompiledScript(entry.es5(), entry.lines());
        } catch (IOException e) {
            return null; // a damaged entry is just a miss
        }
    }

    void put(String fileName, String source, CompiledScript compiled) {
        Path file = entry(fileName, source);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "entry", ".tmp");
            JSON.writeValue(tmp.toFile(), new Entry(compiled.es5(), compiled.lines()));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the cache only saves time; the build result does not depend on it
        }
    }

    private Path entry(String fileName, String source) {
        return dir.resolve(sha256(toolchain + '\0' + fileName + '\0' + source) + ".json");
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    record Entry(String es5, List<Integer> lines) {
    }
}
