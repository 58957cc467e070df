package dev.hookstead.maven;

import dev.hookstead.build.AppCompiler;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;

/**
 * Compiles the app export into {@code WEB-INF/hookstead/} of the web application folder, so that {@code mvn package}
 * puts the manifest, the prelude and the compiled scripts into the WAR.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class CompileMojo extends AbstractAppMojo {

    /** The exploded web application the WAR is packaged from; keep it equal to maven-war-plugin's webappDirectory. */
    @Parameter(property = "webhook.webappDirectory", defaultValue = "${project.build.directory}/${project.build.finalName}")
    protected File webappDirectory;

    @Override
    protected Path outputDirectory() {
        return webappDirectory.toPath().resolve("WEB-INF/hookstead");
    }

    @Override
    protected void report(AppCompiler.Result r, long millis) throws org.apache.maven.plugin.MojoExecutionException {
        getLog().info(String.format("Compiled %d webhooks, %d endpoints, %d functions into %s "
                        + "(%d transpiled, %d unchanged, %d files written) in %d ms",
                r.manifest().webhooks().size(), r.manifest().endpoints().size(), r.manifest().functions().size(),
                outputDirectory(), r.transpiled(), r.reused(), r.filesChanged(), millis));
    }
}
