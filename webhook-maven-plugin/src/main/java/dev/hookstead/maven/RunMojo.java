package dev.hookstead.maven;

import dev.hookstead.build.AppCompiler;
import dev.hookstead.build.run.CurlCommands;
import dev.hookstead.build.run.DevLoop;
import dev.hookstead.build.run.DevServer;
import dev.hookstead.build.run.OperationsUrls;
import dev.hookstead.build.run.Rebuilder;
import dev.hookstead.config.Settings;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ScriptRef;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serves the app on an embedded Tomcat on localhost with the embedded database default (in the project's
 * {@code hookstead-data} folder unless {@code hookstead.data.dir} is set), prints a curl command for every webhook and
 * endpoint and the URLs of the operations pages (switched on, with fresh tokens, unless configured), and recompiles
 * and reloads when the export changes. Stops on Ctrl-C.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RunMojo extends CompileMojo {

    /** Port to listen on (0 picks a free one). */
    @Parameter(property = "webhook.port", defaultValue = "8080")
    private int port;

    /** Address to listen on. */
    @Parameter(property = "webhook.host", defaultValue = "127.0.0.1")
    private String host;

    /**
     * System properties to set while serving, e.g. development secrets {@code hookstead.secret.<name>} so that the
     * printed curl commands are signed. Never put production secrets in a POM.
     */
    @Parameter
    private Map<String, String> systemProperties = Map.of();

    /**
     * Sample requests for the printed curl commands, by target: {@code <service>.<webhook>} or an endpoint route;
     * the value is a request body, or a query string starting with {@code ?}. Others get a body with the properties
     * their function reads from the parsed body where the build can tell, else {@code {"message":"MESSAGE"}} and a
     * comment saying to set a sample.
     */
    @Parameter
    private java.util.Properties samples = new java.util.Properties();

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    private java.io.File buildDirectory;

    @Override
    protected void report(AppCompiler.Result result, long millis) throws MojoExecutionException {
        super.report(result, millis);
        List<Path> classpath = new ArrayList<>();
        try {
            for (String element : project.getRuntimeClasspathElements()) classpath.add(Path.of(element));
        } catch (org.apache.maven.artifact.DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("cannot resolve the runtime classpath: " + e.getMessage(), e);
        }
        systemProperties.forEach(System::setProperty);
        OperationsUrls.devDefaults(new Settings(name -> null, System::getProperty, System::getenv), System::setProperty);
        String dataDir = defaultDataDirectory(new Settings(name -> null, System::getProperty, System::getenv),
                project.getBasedir().toPath());
        if (dataDir != null) System.setProperty(Settings.DATA_DIR.name(), dataDir);
        DevServer server = new DevServer(webappDirectory.toPath(), classpath, host, port,
                buildDirectory.toPath().resolve("hookstead-tomcat"));
        try {
            DevLoop.run(server, appDirectory.toPath(), serving -> new Rebuilder(this::compileOnce, serving, mavenLog()),
                    bound -> {
                        printUrls(result, bound);
                        getLog().info("Watching " + appDirectory + " for changes. Press Ctrl-C to stop.");
                    });
        } catch (IllegalStateException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Rebuilder.Log mavenLog() {
        return new Rebuilder.Log() {
            @Override
            public void info(String line) {
                getLog().info(line);
            }

            @Override
            public void error(String line) {
                getLog().error(line);
            }
        };
    }

    /**
     * The project's own {@code hookstead-data} folder, whichever directory Maven was started from (the filter's
     * default is relative to the working directory); null when {@code hookstead.data.dir} is set already.
     */
    static String defaultDataDirectory(Settings settings, Path basedir) {
        if (settings.raw(Settings.DATA_DIR.name()) != null) return null;
        return basedir.resolve(Settings.DATA_DIR.defaultValue()).toAbsolutePath().toString();
    }

    /** The function's source as exported (kept beside the compiled script), or null when it cannot be read. */
    private static String originalSource(Path manifestFolder, ScriptRef ref) {
        if (ref == null || ref.original() == null) return null;
        try {
            return Files.readString(manifestFolder.resolve(ref.original()));
        } catch (IOException e) {
            return null;
        }
    }

    static Map<String, String> asMap(java.util.Properties properties) {
        Map<String, String> map = new java.util.HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    private void printUrls(AppCompiler.Result result, int boundPort) {
        Settings settings = new Settings(name -> null, System::getProperty, System::getenv);
        CurlCommands curls = new CurlCommands(result.manifest(), "http://" + host + ":" + boundPort,
                settings::secret);
        StringBuilder out = new StringBuilder("Hookstead is serving ")
                .append(result.manifest().app().clientAppId()).append(" on http://").append(host).append(':')
                .append(boundPort).append('\n');
        Path manifestFolder = webappDirectory.toPath().resolve(Manifest.WAR_FOLDER.substring(1));
        curls.all(CurlCommands.SAMPLE_BODY, asMap(samples), ref -> originalSource(manifestFolder, ref))
                .forEach(line -> out.append(line).append('\n'));
        OperationsUrls.lines(settings, "http://" + host + ":" + boundPort).forEach(line -> out.append(line).append('\n'));
        getLog().info(out.toString());
    }
}
