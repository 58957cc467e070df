package dev.hookstead.maven;

import dev.hookstead.build.AppCompiler;
import dev.hookstead.build.run.CurlCommands;
import dev.hookstead.build.run.DevLoop;
import dev.hookstead.build.run.DevServer;
import dev.hookstead.build.run.Rebuilder;
import dev.hookstead.config.Settings;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serves the app on an embedded Tomcat on localhost with the embedded database default, prints a curl command for
 * every webhook and endpoint, and recompiles and reloads when the export changes. Stops on Ctrl-C.
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
     * the value is a request body, or a query string starting with {@code ?}. Others get {@code {"message":"MESSAGE"}}.
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
        curls.all(CurlCommands.SAMPLE_BODY, asMap(samples)).forEach(line -> out.append(line).append('\n'));
        getLog().info(out.toString());
    }
}
