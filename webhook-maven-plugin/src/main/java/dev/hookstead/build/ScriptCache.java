package dev.hookstead.build;

import dev.hookstead.script.compile.CompiledScript;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Content-addressed cache of compiled scripts under {@code target/}: a function whose source, file name and
 * toolchain are unchanged is not transpiled again. Entries are immutable, so concurrent builds cannot corrupt them.
 *
 * <p>An entry is plain text: a first line {@code lines:} with the line map, comma-separated, then the ES5 code. A
 * no-op build reads every entry, and plain text spares it JSON data binding, whose set-up in the plugin's fresh
 * class realm cost more than reading the files.
 */
final class ScriptCache {

    private static final String LINES = "lines:";

    private final Path dir;
    private final String toolchain;

    /** @param toolchain anything that changes compiler output (plugin and Closure versions) */
    ScriptCache(Path dir, String toolchain) {
        this.dir = dir;
        this.toolchain = toolchain;
    }

    /** @param sourceHash {@link #sha256} of the source, which the manifest records as well */
    CompiledScript get(String fileName, String sourceHash) {
        Path file = entry(fileName, sourceHash);
        if (!Files.isRegularFile(file)) return null;
        try {
            return parse(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return null; // a damaged entry is just a miss
        }
    }

    void put(String fileName, String sourceHash, CompiledScript compiled) {
        Path file = entry(fileName, sourceHash);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "entry", ".tmp");
            Files.writeString(tmp, format(compiled));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the cache only saves time; the build result does not depend on it
        }
    }

    static String format(CompiledScript compiled) {
        return LINES + compiled.lines().stream().map(String::valueOf).collect(Collectors.joining(",")) + "\n"
                + compiled.es5();
    }

    /** @throws RuntimeException when the text is not an entry */
    static CompiledScript parse(String text) {
        int end = text.indexOf('\n');
        if (!text.startsWith(LINES) || end < 0) throw new IllegalArgumentException("not a cache entry");
        List<Integer> lines = new ArrayList<>();
        String map = text.substring(LINES.length(), end);
        if (!map.isEmpty()) {
            for (String n : map.split(",", -1)) lines.add(Integer.valueOf(n));
        }
        return new CompiledScript(text.substring(end + 1), lines);
    }

    private Path entry(String fileName, String sourceHash) {
        return dir.resolve(sha256(toolchain + '\0' + fileName + '\0' + sourceHash) + ".es5");
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
