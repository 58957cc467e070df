package dev.hookstead.maven;

import dev.hookstead.build.AppCompiler;
import dev.hookstead.build.run.CurlCommands;
import dev.hookstead.build.run.DevServer;
import dev.hookstead.build.run.ExportWatcher;
import dev.hookstead.build.run.OperationsUrls;
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
import java.util.concurrent.CountDownLatch;

/**
 * Serves the app on an embedded Tomcat on localhost with the embedded database default, prints a curl command for
 * every webhook and endpoint and the URLs of the operations pages (switched on, with fresh tokens, unless configured),
 * and recompiles and reloads when the export changes. Stops on Ctrl-C.
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
        OperationsUrls.devDefaults(new Settings(name -> null, System::getProperty, System::getenv), System::setProperty);
        Path webapp = webappDirectory.toPath();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C: let the server and watcher close before the JVM exits
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hookstead-shutdown"));
        try (DevServer server = new DevServer(webapp, classpath, host, port,
                buildDirectory.toPath().resolve("hookstead-tomcat")).start();
             ExportWatcher watcher = new ExportWatcher(appDirectory.toPath(), 500,
                     new Rebuilder(this::compileOnce, server, mavenLog())).start()) {
            printUrls(result, server.port());
            getLog().info("Watching " + appDirectory + " for changes. Press Ctrl-C to stop.");
            stop.await();
        } catch (IllegalStateException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
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
        OperationsUrls.lines(settings, "http://" + host + ":" + boundPort).forEach(line -> out.append(line).append('\n'));
        getLog().info(out.toString());
    }
}
