package dev.hookstead.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * One compiled script.
 *
 * @param path     instrumented ES5, relative to the manifest folder
 * @param original the user's source as exported, relative to the manifest folder
 * @param sha256   hex SHA-256 of the original source
 * @param lines    for each line of {@code path} (index 0 = line 1), the original line it came from; 0 when unknown
 */
@JsonPropertyOrder({"path", "original", "sha256", "lines"})
public record ScriptRef(String path, String original, String sha256, List<Integer> lines) {

    public ScriptRef {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** Original line for a line of the compiled script, or the compiled line itself when the map has no entry. */
    public int originalLine(int compiledLine) {
        if (compiledLine >= 1 && compiledLine <= lines.size()) {
            int mapped = lines.get(compiledLine - 1);
            if (mapped > 0) return mapped;
        }
        return compiledLine;
    }
}
