package dev.hookstead.services.mongodb;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.hookstead.config.Settings;
import com.mongodb.event.CommandListener;
import dev.hookstead.manifest.DataSourceDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.rules.OwnData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The MongoDB services of an app ({@code context.services.get(name)}), one shared {@link MongoClient} each.
 *
 * <p>A service connects to {@code hookstead.service.<name>.uri}. Services without one share a single embedded
 * mongo-java-server persisted under {@code hookstead.data.dir}. Clients and the embedded server start on first use,
 * so construction is fast and does no I/O. Thread-safe; one instance serves every request until {@link #close()}.
 */
public final class MongoServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MongoServices.class);
    /** Whether the embedded database's jars are in the WAR; a production WAR may leave them out. */
    private static final boolean EMBEDDED_AVAILABLE = isLoadable("de.bwaldvogel.mongo.backend.h2.H2Backend");

    private final Set<String> names;
    /** Services Hookstead itself uses (the user store), invisible to {@link #has} and scripts. */
    private final Set<String> internal;
    private final MongoSettings settings;
    private final OwnData ownData;
    private final Map<String, ConnectionString> uris = new LinkedHashMap<>();
    private final EmbeddedMongo embedded;
    private final String embeddedNotice;
    private final Map<String, MongoClient> clients = new LinkedHashMap<>();
    private boolean closed;
    private Function<String, CommandListener> commandListeners = name -> null;

    /**
     * @param serviceNames MongoDB data source names, see {@link #serviceNames(Manifest)}
     * @param settings     the filter's setting lookup (null or blank means unset)
     * @throws IllegalArgumentException when a configured URI or timeout is invalid, naming the setting
     */
    public MongoServices(Collection<String> serviceNames, Function<String, String> settings) {
        this(serviceNames, List.of(), settings);
    }

    /**
     * @param internalNames services for Hookstead's own use: configured and reachable through {@link #client} like
     *                      the others, but never listed by {@link #has} or {@link #names}, so scripts cannot see them
     */
    public MongoServices(Collection<String> serviceNames, Collection<String> internalNames,
                         Function<String, String> settings) {
        this.names = Collections.unmodifiableSet(new LinkedHashSet<>(serviceNames));
        Set<String> own = new LinkedHashSet<>(internalNames);
        own.removeAll(names);
        this.internal = Collections.unmodifiableSet(own);
        this.settings = new MongoSettings(settings);
        this.ownData = OwnData.of(settings);
        boolean uriRequired = this.settings.requireUri(); // validated even when every service has a URI
        List<String> onEmbedded = new ArrayList<>();
        List<String> all = new ArrayList<>(names);
        all.addAll(internal);
        for (String name : all) {
            ConnectionString uri = this.settings.uri(name);
            this.settings.serverSelectionTimeoutMs(name, uri); // validate now, not on the first request
            if (uri == null) {
                onEmbedded.add(name);
            } else {
                uris.put(name, uri);
            }
        }
        if (!onEmbedded.isEmpty()) {
            requireEmbeddedAllowed(onEmbedded, uriRequired);
        }
        embedded = onEmbedded.isEmpty() ? null : new EmbeddedMongo(this.settings.dataDirectory());
        embeddedNotice = embedded == null ? null : "MongoDB service(s) " + onEmbedded + " have no URI configured:"
                + " their data goes to the embedded single-node database file " + embedded.dataFile()
                + " (mongo-java-server: no transactions, change streams or $text). For production set"
                + " hookstead.service.<name>.uri, e.g. hookstead.service." + onEmbedded.get(0)
                + ".uri=mongodb://host:27017/, and " + MongoSettings.REQUIRE_URI + "=true; move the file with "
                + MongoSettings.DATA_DIR + ".";
        if (embeddedNotice != null) {
            LOG.warn(embeddedNotice);
        }
    }

    /**
     * Fails start-up when services would fall back to the embedded database but the operator forbade it, or the WAR
     * was built without it (mongo-java-server excluded, see docs/deployment.md).
     */
    private static void requireEmbeddedAllowed(List<String> onEmbedded, boolean uriRequired) {
        String uriSetting = MongoSettings.uriKey(onEmbedded.get(0));
        String fix = " Fix: set " + (onEmbedded.size() > 1 ? "each one's URI, e.g. " : "") + uriSetting
                + " (environment " + Settings.environmentName(uriSetting) + ") to mongodb://host:27017/";
        if (uriRequired) {
            throw new IllegalArgumentException(MongoSettings.REQUIRE_URI + " is true, but MongoDB service(s) "
                    + onEmbedded + " have no URI configured." + fix);
        }
        if (!EMBEDDED_AVAILABLE) {
            throw new IllegalArgumentException("MongoDB service(s) " + onEmbedded + " have no URI configured, and"
                    + " this WAR has no embedded database (mongo-java-server is not in WEB-INF/lib)." + fix
                    + "; or keep mongo-java-server and mongo-java-server-h2-backend in the WAR");
        }
    }

    /**
     * The start-up warning naming the services on the embedded database and its data file (also logged at WARN by
     * the constructor), or null when every service has a URI.
     */
    public String embeddedNotice() {
        return embeddedNotice;
    }

    /** Listens to every command of the clients created from now on, one listener per service name (or null). */
    public synchronized void commandListeners(Function<String, CommandListener> perService) {
        this.commandListeners = perService;
    }

    /** The names of the manifest's MongoDB data sources (v1 {@code mongodb-atlas} services included). */
    public static List<String> serviceNames(Manifest manifest) {
        List<String> result = new ArrayList<>();
        for (DataSourceDef source : manifest.dataSources()) {
            result.add(source.name());
        }
        return result;
    }

    public boolean has(String name) {
        return names.contains(name);
    }

    public Set<String> names() {
        return names;
    }

    /** Hookstead's own databases, which no script may reach on any service. */
    public OwnData ownData() {
        return ownData;
    }

    /** Whether {@code name} runs on the embedded database. */
    public boolean isEmbedded(String name) {
        return (names.contains(name) || internal.contains(name)) && !uris.containsKey(name);
    }

    /**
     * The shared client of a service, created on first use.
     *
     * @throws IllegalArgumentException for a name that is not a MongoDB service
     * @throws HookError                ServiceUnavailable when the embedded database cannot start
     */
    public synchronized MongoClient client(String name) {
        if (closed) {
            throw new IllegalStateException("MongoServices is closed");
        }
        if (!names.contains(name) && !internal.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a MongoDB service of this app; known: " + names);
        }
        MongoClient client = clients.get(name);
        if (client == null) {
            client = MongoClients.create(clientSettings(name));
            clients.put(name, client);
        }
        return client;
    }

    private MongoClientSettings clientSettings(String name) {
        ConnectionString uri = uris.get(name);
        if (uri == null) {
            try {
                uri = new ConnectionString(embedded.connectionString());
            } catch (IllegalStateException e) {
                LOG.error("MongoDB service '{}': {}", name, e.getMessage(), e);
                throw new HookError(ErrorCode.ServiceUnavailable, "MongoDB service '" + name
                        + "' is unavailable: the embedded database could not start (see the server log)");
            }
        }
        int selectionTimeout = settings.serverSelectionTimeoutMs(name, uris.get(name));
        MongoClientSettings.Builder builder = MongoClientSettings.builder()
                .applyConnectionString(uri)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(selectionTimeout, TimeUnit.MILLISECONDS));
        CommandListener listener = commandListeners.apply(name);
        if (listener != null) builder.addCommandListener(listener);
        return builder.build();
    }

    private static boolean isLoadable(String className) {
        try {
            Class.forName(className, false, MongoServices.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Closes every client, then stops the embedded database (committing its data file). */
    @Override
    public synchronized void close() {
        closed = true;
        for (MongoClient client : clients.values()) {
            client.close();
        }
        clients.clear();
        if (embedded != null) {
            embedded.close();
        }
    }
}
