package dev.hookstead.build.export;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstead.build.problems.Problems;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** File access for one export: every failure becomes a problem naming the export-relative path. */
final class ExportFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Path root;
    final Problems problems;

    ExportFiles(Path root, Problems problems) {
        this.root = root;
        this.problems = problems;
    }

    Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** Export-relative path with "/" separators, as problems and the manifest name files. */
    String rel(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    boolean isFile(Path p) {
        return Files.isRegularFile(p);
    }

    boolean isDir(Path p) {
        return Files.isDirectory(p);
    }

    /** The parsed file, or null after recording why (syntax errors carry line and column). */
    JsonNode readJson(Path file) {
        String text = readText(file);
        if (text == null) return null;
        if (text.isBlank()) {
            problems.error(rel(file), null, null, "is empty", "write a JSON document into it or delete it");
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.errorAt(rel(file), at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "is not valid JSON: " + e.getOriginalMessage(), "correct the JSON syntax at that position");
            return null;
        }
    }

    /** UTF-8 text of the file, or null after recording why. */
    String readText(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.error(rel(file), null, null, "cannot be read: " + e, "check that the file exists and is readable");
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.error(rel(file), null, null, "is not UTF-8 text", "save the file as UTF-8");
            return null;
        }
    }

    /** Sub-directories sorted by name; empty when {@code dir} is absent. */
    List<Path> dirs(Path dir) {
        return list(dir, true, null);
    }

    /** Regular files ending in {@code suffix}, sorted by name; empty when {@code dir} is absent. */
    List<Path> files(Path dir, String suffix) {
        return list(dir, false, suffix);
    }

    private List<Path> list(Path dir, boolean dirs, String suffix) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> dirs ? Files.isDirectory(p) : Files.isRegularFile(p))
                    .filter(p -> suffix == null || p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.error(rel(dir), null, null, "cannot be listed: " + e, "check the directory's permissions");
            return List.of();
        }
    }

    /** Every file under {@code dir} ending in {@code suffix}, skipping node_modules, sorted by path. */
    List<Path> walk(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) return List.of();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(p -> !rel(p).contains("node_modules/"))
                    .forEach(out::add);
        } catch (IOException e) {
            problems.error(rel(dir), null, null, "cannot be listed: " + e, "check the directory's permissions");
        }
        out.sort(null);
        return out;
    }

    com.fasterxml.jackson.databind.node.ObjectNode emptyObject() {
        return JSON.createObjectNode();
    }

    static String baseName(Path file, String suffix) {
        String n = file.getFileName().toString();
        return n.endsWith(suffix) ? n.substring(0, n.length() - suffix.length()) : n;
    }
}
