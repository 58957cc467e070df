package dev.hookstead.clientapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Node.js and the pinned realm-web of {@code src/test/node} (package.json and its lock file), installed with
 * {@code npm ci} into {@code target/realm-web-node} once; later runs use what is there, so they need no network.
 */
final class NodeSdk {

    static final Path SOURCES = Path.of("src/test/node").toAbsolutePath();
    static final Path INSTALL = Path.of("target/realm-web-node").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeSdk() {
    }

    /** The node_modules folder holding realm-web, installed on first use. */
    static synchronized Path modules() throws IOException, InterruptedException {
        Path installed = INSTALL.resolve("node_modules/realm-web/package.json");
        String wanted = JSON.readTree(SOURCES.resolve("package.json").toFile()).at("/dependencies/realm-web").asText();
        if (Files.isRegularFile(installed) && JSON.readTree(installed.toFile()).path("version").asText().equals(wanted)) {
            return INSTALL.resolve("node_modules");
        }
        Files.createDirectories(INSTALL);
        for (String file : List.of("package.json", "package-lock.json")) {
            Files.copy(SOURCES.resolve(file), INSTALL.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"), INSTALL, Map.of(), 300);
        if (npm.exit() != 0) {
            throw new IllegalStateException("npm ci in " + INSTALL + " failed (exit " + npm.exit() + "):\n" + npm.out()
                    + npm.err());
        }
        return INSTALL.resolve("node_modules");
    }

    record Result(int exit, String out, String err) {
        /** Each stdout line that is a JSON object with a "step", by step name. */
        Map<String, JsonNode> steps() throws IOException {
            Map<String, JsonNode> steps = new LinkedHashMap<>();
            for (String line : out.split("\n")) {
                if (!line.startsWith("{")) continue;
                JsonNode node = JSON.readTree(line);
                if (node.has("step")) steps.put(node.get("step").asText(), node);
            }
            return steps;
        }
    }

    /** Runs {@code node script} with NODE_PATH at the installed modules. */
    static Result node(Path script, Map<String, String> env, int timeoutSeconds) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("NODE_PATH", modules().toString());
        return run(List.of("node", script.toString()), SOURCES, all, timeoutSeconds);
    }

    static Result run(List<String> command, Path dir, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
        builder.environment().putAll(env);
        Path out = Files.createTempFile("node-out", ".txt");
        Path err = Files.createTempFile("node-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " is not installed: install Node.js 18+ with npm "
                    + "(apt-get install -y nodejs npm; .ci/run does this)", e);
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        try {
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
