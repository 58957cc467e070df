package dev.hookstead.maven;

import dev.hookstead.build.AppCompiler;
import dev.hookstead.build.export.ExportException;
import dev.hookstead.build.problems.Problem;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Parameters and problem reporting shared by the goals that read an export. */
abstract class AbstractAppMojo extends AbstractMojo {

    /** The unmodified app export: the folder holding root_config.json, realm_config.json, config.json or stitch.json. */
    @Parameter(property = "webhook.appDirectory", defaultValue = "${project.basedir}/src/main/app", required = true)
    protected File appDirectory;

    /**
     * The client app id callers use in their URLs ("myapp-abcde"). Overrides the id found in the export; needed when
     * the export does not carry one.
     */
    @Parameter(property = "webhook.clientAppId")
    protected String clientAppId;

    /** Content-hash cache of transpiled functions, so unchanged functions are not transpiled again. */
    @Parameter(property = "webhook.cacheDirectory", defaultValue = "${project.build.directory}/hookstead-cache")
    protected File cacheDirectory;

    /** How many functions to transpile in parallel. */
    @Parameter(property = "webhook.threads", defaultValue = "2")
    protected int threads;

    /** Skip this goal. */
    @Parameter(property = "webhook.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: webhook.skip is true");
            return;
        }
        Path app = appDirectory.toPath();
        if (!Files.isDirectory(app)) {
            throw new MojoFailureException("<appDirectory> " + app + " does not exist. Fix: point <appDirectory> (or "
                    + "-Dwebhook.appDirectory) at your App Services export, or put the export in src/main/app");
        }
        long start = System.nanoTime();
        AppCompiler.Result result;
        try {
            result = compileOnce();
        } catch (ExportException e) {
            throw new MojoFailureException(e.getMessage() + ". Fix: set <appDirectory> (-Dwebhook.appDirectory) to "
                    + "the folder your CLI exported", e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("cannot compile " + app + ": " + e.getMessage(), e);
        }
        for (Problem p : result.problems().warnings()) getLog().warn(p.format());
        for (Problem p : result.problems().errors()) getLog().error(p.format());
        if (result.problems().hasErrors()) {
            int n = result.problems().errors().size();
            throw new MojoFailureException(n + (n == 1 ? " problem" : " problems") + " in the app export " + app
                    + " (listed above). Fix them and build again.");
        }
        report(result, (System.nanoTime() - start) / 1_000_000);
    }

    /** Reads, validates and compiles the export once, writing to {@link #outputDirectory()} when there is one. */
    protected AppCompiler.Result compileOnce() {
        AppCompiler compiler = new AppCompiler(cacheDirectory.toPath(), "webhook-maven-plugin " + plugin.getVersion(),
                threads);
        return compiler.compile(appDirectory.toPath(), blankToNull(clientAppId), outputDirectory());
    }

    /** Where to write the manifest folder, or null to write nothing. */
    protected abstract Path outputDirectory();

    protected abstract void report(AppCompiler.Result result, long millis) throws MojoExecutionException;

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
