package dev.hookstead.testing;

import dev.hookstead.filter.HooksteadInitializer;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ManifestJson;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * An embedded Tomcat on port 0 serving a temp webapp with {@code WEB-INF/hookstead/manifest.json}, the Hookstead
 * filter (registered by the container initializer, or explicitly as web.xml would) and a fallback servlet behind it
 * that answers {@code fallback <path>}. Server logs (stderr, where slf4j-simple writes) are captured and printed only
 * when the test fails. Use as an instance {@code @RegisterExtension} field; configure, then {@link #start()}.
 */
public final class TestServer implements BeforeEachCallback, AfterEachCallback {

    private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> contextParams = new LinkedHashMap<>();
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final Map<String, String[]> basicUsers = new LinkedHashMap<>();
    private String basicPattern;
    private Map<String, String> explicitInitParams;
    private Manifest manifest;
    private Map<String, String> files = Map.of();
    private Path webapp;
    private TestRunner runner = new TestRunner();
    private String contextPath = "";
    private Integer maxThreads;
    private final Map<String, HttpServlet> servlets = new LinkedHashMap<>();

    private Path dir;
    private Tomcat tomcat;
    private Context context;
    private TestFilter filter;
    private LifecycleException startFailure;
    private PrintStream originalErr;
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    public TestServer manifest(Manifest manifest) {
        this.manifest = manifest;
        return this;
    }

    /** Serve an app compiled with the real toolchain, through the real script runtime. */
    public TestServer app(JsApp app) {
        this.manifest = app.manifest();
        this.files = app.files();
        this.runner = null;
        return this;
    }

    /** Serve an exploded WAR folder as built (WEB-INF/hookstead from the plugin), through the real runtime. */
    public TestServer webapp(Path docBase) {
        this.webapp = docBase;
        this.runner = null;
        return this;
    }

    /** One more file of the manifest folder, e.g. {@code openapi.json}. */
    public TestServer file(String path, String content) {
        Map<String, String> more = new LinkedHashMap<>(files);
        more.put(path, content);
        files = more;
        return this;
    }

    public TestServer runner(TestRunner runner) {
        this.runner = runner;
        return this;
    }

    public TestRunner runner() {
        return runner;
    }

    /** An environment variable as the filter sees it. */
    public TestServer env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /**
     * Container authentication (BASIC) of every authenticated user for {@code pattern}, with these users, each
     * {@code name -> {password, role}}, so that {@code isUserInRole} answers as in a deployed webapp.
     */
    public TestServer basicAuth(String pattern, Map<String, String[]> users) {
        this.basicPattern = pattern;
        this.basicUsers.putAll(users);
        return this;
    }

    /** A servlet context attribute, set before the filter starts (as a deployer's listener would). */
    public TestServer attribute(String name, Object value) {
        attributes.put(name, value);
        return this;
    }

    public TestServer contextParam(String name, String value) {
        contextParams.put(name, value);
        return this;
    }

    /**
     * Declare the filter as web.xml would, with these init-params and mapped for every dispatcher type, instead of
     * relying on the initializer.
     */
    public TestServer explicit(Map<String, String> initParams) {
        this.explicitInitParams = new LinkedHashMap<>(initParams);
        return this;
    }

    /** Another servlet of the webapp, mapped to {@code pattern}. */
    public TestServer servlet(String pattern, HttpServlet servlet) {
        servlets.put(pattern, servlet);
        return this;
    }

    public TestServer contextPath(String contextPath) {
        this.contextPath = contextPath;
        return this;
    }

    /** The connector's worker thread limit (Tomcat's default is 200). */
    public TestServer maxThreads(int maxThreads) {
        this.maxThreads = maxThreads;
        return this;
    }

    public TestServer start() {
        try {
            dir = Files.createTempDirectory("hookstead-test");
            Path docBase = webapp != null ? webapp : Files.createDirectories(dir.resolve("webapp"));
            if (manifest != null) {
                Path folder = Files.createDirectories(docBase.resolve("WEB-INF/hookstead"));
                Files.write(folder.resolve(Manifest.FILE_NAME), ManifestJson.write(manifest));
                for (Map.Entry<String, String> file : files.entrySet()) {
                    Path target = folder.resolve(file.getKey());
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, file.getValue());
                }
            }
            tomcat = new Tomcat();
            tomcat.setBaseDir(dir.resolve("tomcat").toString());
            tomcat.setPort(0);
            context = tomcat.addContext(contextPath, docBase.toString());
            contextParams.forEach(context::addParameter);
            if (basicPattern != null) containerAuthentication();
            Tomcat.addServlet(context, "fallback", new Fallback());
            context.addServletMappingDecoded("/", "fallback");
            servlets.forEach((pattern, servlet) -> {
                Tomcat.addServlet(context, pattern, servlet);
                context.addServletMappingDecoded(pattern, pattern);
            });
            if (!attributes.isEmpty()) {
                context.addServletContainerInitializer((classes, servletContext) -> attributes.forEach(
                        servletContext::setAttribute), null);
            }
            filter = new TestFilter(env::get, runner);
            if (explicitInitParams != null) declareFilter();
            context.addServletContainerInitializer(new HooksteadInitializer(env::get) {
                @Override
                protected Filter newFilter() {
                    return filter;
                }
            }, null);
            tomcat.getConnector();
            if (maxThreads != null) tomcat.getConnector().setProperty("maxThreads", maxThreads.toString());
            try {
                tomcat.start();
            } catch (LifecycleException e) {
                startFailure = e;
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops Tomcat (the filter's destroy closes its databases) and forgets the temp webapp, so that {@link #start()}
     * can serve the same configuration again, as after a restart of the server.
     */
    public TestServer stop() {
        try {
            if (tomcat != null) {
                tomcat.stop();
                tomcat.destroy();
                tomcat = null;
            }
        } catch (LifecycleException e) {
            throw new IllegalStateException("Tomcat did not stop", e);
        }
        deleteDir();
        return this;
    }

    private void containerAuthentication() {
        basicUsers.forEach((name, passwordAndRole) -> {
            tomcat.addUser(name, passwordAndRole[0]);
            tomcat.addRole(name, passwordAndRole[1]);
            context.addSecurityRole(passwordAndRole[1]);
        });
        org.apache.tomcat.util.descriptor.web.LoginConfig login = new org.apache.tomcat.util.descriptor.web.LoginConfig();
        login.setAuthMethod("BASIC");
        login.setRealmName("test");
        context.setLoginConfig(login);
        context.getPipeline().addValve(new org.apache.catalina.authenticator.BasicAuthenticator());
        org.apache.tomcat.util.descriptor.web.SecurityCollection collection =
                new org.apache.tomcat.util.descriptor.web.SecurityCollection();
        collection.addPattern(basicPattern);
        org.apache.tomcat.util.descriptor.web.SecurityConstraint constraint =
                new org.apache.tomcat.util.descriptor.web.SecurityConstraint();
        constraint.addAuthRole("**");
        constraint.addCollection(collection);
        context.addConstraint(constraint);
    }

    private void deleteDir() {
        if (dir == null) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dir = null;
    }

    private void declareFilter() {
        FilterDef def = new FilterDef();
        def.setFilterName("hookstead-explicit");
        def.setFilterClass(TestFilter.class.getName());
        def.setFilter(filter);
        def.setAsyncSupported("true");
        explicitInitParams.forEach(def::addInitParameter);
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("hookstead-explicit");
        map.addURLPattern("/*");
        // Mapped for every dispatcher type, so that tests see the filter's own dispatch policy at work.
        for (jakarta.servlet.DispatcherType type : jakarta.servlet.DispatcherType.values()) {
            map.setDispatcher(type.name());
        }
        context.addFilterMap(map);
    }

    public TestFilter filter() {
        return filter;
    }

    public Context context() {
        return context;
    }

    /** Whether the webapp started (a filter failing init stops it). */
    public boolean started() {
        return startFailure == null && context.getState().isAvailable();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + contextPath + pathAndQuery);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery));
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    /** POST with a Content-Length body; {@code headers} alternate name, value. */
    public HttpResponse<String> post(String pathAndQuery, String body, String... headers) {
        HttpRequest.Builder b = request(pathAndQuery).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return send(b.build());
    }

    /** Everything the server logged so far in this test. */
    public String logs() {
        System.err.flush();
        return logs.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void beforeEach(ExtensionContext extension) {
        TOMCAT_LOG.setLevel(Level.WARNING);
        originalErr = System.err;
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext extension) throws Exception {
        try {
            if (tomcat != null) {
                tomcat.stop();
                tomcat.destroy();
            }
        } finally {
            System.setErr(originalErr);
            if (extension.getExecutionException().isPresent()) {
                originalErr.println("---- server log of " + extension.getDisplayName() + " ----");
                originalErr.println(logs.toString(StandardCharsets.UTF_8));
            }
            deleteDir();
        }
    }

    private static final class Fallback extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            resp.getWriter().print("fallback " + req.getRequestURI());
        }
    }
}
