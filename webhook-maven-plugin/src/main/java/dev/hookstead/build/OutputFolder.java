package dev.hookstead.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Makes a folder hold exactly the given files. Unchanged files are not rewritten, so a no-op build touches nothing
 * and the WAR plugin sees no change; files from an earlier build that are no longer produced are removed.
 */
final class OutputFolder {
    private OutputFolder() {
    }

    /** @return how many files were written or deleted */
    static int sync(Path root, Map<String, byte[]> files) {
        try {
            int changes = 0;
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = root.resolve(file.getKey());
                if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), file.getValue())) continue;
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
                changes++;
            }
            if (!Files.isDirectory(root)) return changes;
            Set<Path> wanted = files.keySet().stream().map(root::resolve).collect(Collectors.toSet());
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    if (Files.isRegularFile(p) && !wanted.contains(p)) {
                        Files.delete(p);
                        changes++;
                    } else if (Files.isDirectory(p) && !p.equals(root) && isEmpty(p)) {
                        Files.delete(p);
                    }
                }
            }
            return changes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the manifest folder " + root + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
