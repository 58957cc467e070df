package dev.hookstead.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads scripts from a manifest folder on disk; refuses paths that leave it. */
public final class DirectoryScriptSource implements ScriptSource {
    private final Path root;

    public DirectoryScriptSource(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String read(String relativePath) throws IOException {
        Path file = root.resolve(relativePath).normalize();
        if (!file.startsWith(root)) {
            throw new IOException("script path " + relativePath + " leaves the manifest folder " + root);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
