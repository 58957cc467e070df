package dev.hookstead.script;

import dev.hookstead.manifest.Manifest;
import jakarta.servlet.ServletContext;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the prelude and compiled scripts from the WAR's {@code WEB-INF/hookstead/} folder. */
public final class ServletContextScriptSource implements ScriptSource {
    private final ServletContext context;

    public ServletContextScriptSource(ServletContext context) {
        this.context = context;
    }

    @Override
    public String read(String relativePath) throws IOException {
        String path = Manifest.WAR_FOLDER + relativePath;
        try (InputStream in = context.getResourceAsStream(path)) {
            if (in == null) {
                throw new FileNotFoundException(path + " is missing from the WAR: rebuild it with webhook-maven-plugin");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
