package dev.hookstead.script;

import java.io.IOException;

/** Where the runtime reads the prelude and compiled scripts, by path relative to the manifest folder. */
@FunctionalInterface
public interface ScriptSource {

    /** The UTF-8 text of a file. */
    String read(String relativePath) throws IOException;
}
