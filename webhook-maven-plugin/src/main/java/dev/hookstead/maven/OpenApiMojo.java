package dev.hookstead.maven;

import dev.hookstead.build.AppCompiler;
import dev.hookstead.build.openapi.OpenApiDocument;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the OpenAPI 3.1 document of the app's webhooks and endpoints to {@code target/openapi.json}, for client
 * generators and API catalogues; the compile goal also puts it into the WAR as {@code WEB-INF/hookstead/openapi.json}.
 */
@Mojo(name = "openapi", threadSafe = true)
public class OpenApiMojo extends AbstractAppMojo {

    /** Where the document goes. */
    @Parameter(property = "webhook.openapiFile", defaultValue = "${project.build.directory}/" + OpenApiDocument.FILE_NAME)
    protected File openapiFile;

    @Override
    protected Path outputDirectory() {
        return null;
    }

    @Override
    protected void report(AppCompiler.Result r, long millis) throws MojoExecutionException {
        Path file = openapiFile.toPath();
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.write(file, OpenApiDocument.write(r.manifest()));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write <openapiFile> " + file + ": " + e.getMessage()
                    + ". Fix: point <openapiFile> (-Dwebhook.openapiFile) at a writable place", e);
        }
        getLog().info(String.format("Wrote the OpenAPI document of %d webhooks and %d endpoints to %s",
                r.manifest().webhooks().size(), r.manifest().endpoints().size(), file));
    }
}
