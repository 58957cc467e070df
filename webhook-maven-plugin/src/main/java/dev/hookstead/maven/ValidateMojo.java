package dev.hookstead.maven;

import dev.hookstead.build.AppCompiler;
import org.apache.maven.plugins.annotations.Mojo;

import java.nio.file.Path;

/** Checks the app export (configs, expressions, and that every script transpiles) without writing any output. */
@Mojo(name = "validate", threadSafe = true, requiresProject = false)
public class ValidateMojo extends AbstractAppMojo {

    @Override
    protected Path outputDirectory() {
        return null;
    }

    @Override
    protected void report(AppCompiler.Result r, long millis) {
        getLog().info(String.format("App export is valid: %d webhooks, %d endpoints, %d functions (checked in %d ms)",
                r.manifest().webhooks().size(), r.manifest().endpoints().size(), r.manifest().functions().size(), millis));
    }
}
