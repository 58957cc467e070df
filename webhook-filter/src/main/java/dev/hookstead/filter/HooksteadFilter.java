package dev.hookstead.filter;

import dev.hookstead.auth.ApplicationAuth;
import dev.hookstead.auth.ClientApi;
import dev.hookstead.clientapi.ClientRoutes;
import dev.hookstead.clientapi.Cors;
import dev.hookstead.config.Settings;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ManifestException;
import dev.hookstead.manifest.ManifestJson;
import dev.hookstead.pipeline.Exchange;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.operations.Operations;
import dev.hookstead.response.ErrorResponder;
import dev.hookstead.routing.RouteTable;
import dev.hookstead.script.sandbox.PlatformServices;
import dev.hookstead.script.RuntimeOptions;
import dev.hookstead.script.ScriptRuntime;
import dev.hookstead.script.call.PlatformContext;
import dev.hookstead.script.ServletContextScriptSource;
import dev.hookstead.services.http.HttpSettings;
import dev.hookstead.services.http.NetworkGuard;
import dev.hookstead.services.mongodb.MongoServices;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Serves the app compiled into {@code /WEB-INF/hookstead/manifest.json}: incoming webhooks and HTTPS endpoints.
 * Registers itself through {@link HooksteadInitializer}, or may be declared in web.xml (then the declaration wins).
 *
 * <p>Configuration is read once in {@link #init}; a missing or broken manifest or a bad setting fails deployment.
 * Settings: see {@link Settings}.
 *
 * <p>Dispatch policy: only {@code REQUEST} dispatches are handled; {@code ASYNC}, {@code ERROR}, {@code FORWARD} and
 * {@code INCLUDE} dispatches pass down the chain, and a request already handled (request attribute {@link #HANDLED})
 * is never handled twice. A path outside the app's URL space (see {@link RouteTable#owns}) passes down the chain
 * untouched; the filter answers every path inside it, with 404 IncomingWebhookNotFound when nothing is there.
 * The operations paths ({@link Operations}: health, OpenAPI, metrics, invocation log) are classified first.
 * Paths are compared after the container decoded and normalised them (servlet path + path info). Every request it
 * answers goes through {@link Cors} first, which answers preflights and refuses origins the app does not allow.
 */
public class HooksteadFilter implements Filter {

    /** Request attribute set on requests this filter answered. */
    public static final String HANDLED = HooksteadFilter.class.getName() + ".handled";
    static final String MANIFEST_PATH = Manifest.WAR_FOLDER + Manifest.FILE_NAME;

    private static final Logger LOG = LoggerFactory.getLogger(HooksteadFilter.class);

    private final UnaryOperator<String> environment;
    private RouteTable routes;
    private FunctionRunner runner;
    private MongoServices mongo;
    /** Outgoing HTTP of every function, made with the runtime in {@link #createRunner}. */
    private CloseableHttpAsyncClient httpClient;
    private Pipeline pipeline;
    private ClientApi clientApi;
    private Operations operations;
    private ClientRoutes clientRoutes;
    private Cors cors;

    public HooksteadFilter() {
        this(System::getenv);
    }

    /** @param environment environment-variable lookup, replaceable for tests */
    protected HooksteadFilter(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        ServletContext context = config.getServletContext();
        StartupLog startup = StartupLog.of(context);
        UnaryOperator<String> initParams = name -> config.getInitParameter(name) != null
                ? config.getInitParameter(name) : context.getInitParameter(name);
        Settings settings = new Settings(initParams, System::getProperty, environment);
        Manifest manifest;
        try {
            settings.validate();
            manifest = ManifestJson.read(context.getResourceAsStream(MANIFEST_PATH), MANIFEST_PATH);
            routes = RouteTable.of(manifest);
            operations = new Operations(settings, manifest, routes, context);
        } catch (ManifestException | IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
        try {
            mongo = new MongoServices(MongoServices.serviceNames(manifest),
                    ApplicationAuth.internalServices(manifest, settings), settings::raw);
            operations.instrument(mongo);
        } catch (IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
        startup.alsoWhenDropped(mongo.embeddedNotice());
        runner = operations.instrument(createRunner(manifest, context, settings, mongo));
        try {
            ApplicationAuth auth = new ApplicationAuth(manifest, settings, mongo, Clock.systemUTC());
            pipeline = Pipeline.standard(manifest, routes, settings, runner, mongo, auth, operations);
            clientApi = new ClientApi(auth, manifest.app() == null ? null : manifest.app().clientAppId(),
                    !manifest.authProviders().isEmpty(), new ErrorResponder(settings.errorLinkBase()));
            clientRoutes = new ClientRoutes(manifest, settings, runner, auth);
            cors = new Cors(manifest.app() == null ? List.of() : manifest.app().allowedRequestOrigins(),
                    settings.publicBaseUrl(), new ErrorResponder(settings.errorLinkBase()));
            operations.start(mongo, context,
                    path -> routes.owns(path) || clientApi.owns(path) || clientRoutes.owns(path));
        } catch (IllegalArgumentException e) {
            destroy();
            throw new ServletException(e.getMessage(), e);
        }
        String serving = "Hookstead serves " + manifest.webhooks().size() + " webhooks and "
                + manifest.endpoints().size() + " endpoints of app "
                + (manifest.app() == null ? "?" : manifest.app().clientAppId());
        LOG.info(serving);
        startup.alsoWhenDropped(serving);
    }

    /**
     * Creates the JavaScript runtime and pre-warms its globals; called once from {@link #init}.
     *
     * @param mongo the app's MongoDB data sources, one instance per filter (it may own the embedded database)
     */
    protected FunctionRunner createRunner(Manifest manifest, ServletContext context, Settings settings,
                                          MongoServices mongo) throws ServletException {
        RuntimeOptions options = new RuntimeOptions(settings.functionTimeout(), settings.enginePoolSize(),
                settings.engineAcquireTimeout(), RuntimeOptions.DEFAULT_MAX_ASYNC_OPERATIONS,
                RuntimeOptions.DEFAULT_MAX_REGEX_INPUT_LENGTH,
                settings.functionMaxMemoryBytes(RuntimeOptions.defaultMaxMemoryBytes()), settings::secret);
        try {
            // One HTTP client per filter: every function's outgoing requests share its connection pool.
            HttpSettings http = HttpSettings.of(settings.httpTimeout(), settings.httpAllowedHosts(),
                    NetworkGuard.allowing(settings.httpAllowPrivate()));
            PlatformServices services = new PlatformServices(mongo, http.newClient(), http,
                    operations.httpExchanges());
            httpClient = services.httpClient();
            return new ScriptRuntime(manifest, new ServletContextScriptSource(context), options,
                    PlatformContext.contributors(manifest, options.secrets()), services);
        } catch (RuntimeException e) {
            throw new ServletException("cannot start the JavaScript runtime: " + e.getMessage(), e);
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response
                && request.getDispatcherType() == DispatcherType.REQUEST && request.getAttribute(HANDLED) == null) {
            String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
            Handler handler = classify(path);
            if (handler != null) {
                handle(handler, request, response, path);
                return;
            }
        }
        chain.doFilter(req, res);
    }

    /** Who answers a path inside the webapp. */
    private enum Handler { OPERATIONS, CLIENT_ROUTES, CLIENT_API, PIPELINE }

    /** Classified once per request, in precedence order; null when the rest of the webapp answers. */
    private Handler classify(String path) {
        if (operations.owns(path)) return Handler.OPERATIONS;
        if (clientRoutes.owns(path)) return Handler.CLIENT_ROUTES;
        if (clientApi.owns(path)) return Handler.CLIENT_API;
        return routes.owns(path) ? Handler.PIPELINE : null;
    }

    private void handle(Handler handler, HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        request.setAttribute(HANDLED, Boolean.TRUE);
        if (handler == Handler.OPERATIONS) {
            operations.handle(request, response, path);
            return;
        }
        String invocationId = new ObjectId().toHexString();
        if (cors.answer(request, response, invocationId)) return;
        switch (handler) {
            case CLIENT_ROUTES -> clientRoutes.handle(request, response, path, invocationId);
            case CLIENT_API -> clientApi.handle(request, response, path, invocationId);
            default -> pipeline.handle(new Exchange(request, response, path, invocationId));
        }
    }

    @Override
    public void destroy() {
        if (operations != null) {
            operations.close();
            operations = null;
        }
        if (runner != null) {
            try {
                runner.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the script runtime failed", e);
            }
            runner = null;
        }
        if (httpClient != null) {
            httpClient.close(CloseMode.IMMEDIATE);
            httpClient = null;
        }
        if (mongo != null) {
            mongo.close();
            mongo = null;
        }
    }
}
