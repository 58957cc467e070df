package dev.hookstead.services.mongodb;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.services.ServicesScript;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where MongoServices connects, what survives a restart, and how outages surface. Real servers throughout. */
class MongoServicesTest {

    private static final String ATLAS = "mongodb-atlas";

    @TempDir
    Path dataDir;

    private static BsonArray args(String json) {
        return BsonArray.parse(json);
    }

    private static BsonValue run(MongoBridge bridge, String method, String argsJson) {
        return bridge.execute(ATLAS, "app", "things", method, args(argsJson));
    }

    private static MongoBridge bridge(MongoServices services) {
        return new MongoBridge(services, () -> 30_000, () -> { });
    }

    private Function<String, String> embeddedSettings() {
        return Map.of("hookstead.data.dir", dataDir.toString())::get;
    }

    @Test
    void servicesWithoutUriUseTheEmbeddedDatabaseAndSayWhereItsFileIs() {
        String log = stderrOf(() -> {
            try (MongoServices services = new MongoServices(List.of(ATLAS, "other"), embeddedSettings())) {
                assertTrue(services.isEmbedded(ATLAS));
                run(bridge(services), "insertOne", "[{_id: 1}]");
                assertEquals(1, services.client("other").getDatabase("app").getCollection("things")
                        .countDocuments(), "both services share the one embedded database");
            }
        });
        Path file = dataDir.resolve(EmbeddedMongo.FILE_NAME).toAbsolutePath();
        assertTrue(Files.exists(file));
        String warning = log.lines().filter(line -> line.contains("WARN") && line.contains("embedded")).findFirst()
                .orElseThrow(() -> new AssertionError("no WARN about the embedded database in:\n" + log));
        assertTrue(warning.contains(file.toString()), warning);
        assertTrue(warning.contains("hookstead.service.<name>.uri"), warning);
        assertTrue(warning.contains("[mongodb-atlas, other]"), warning);
    }

    @Test
    void requireUriMakesAServiceWithoutUriAStartUpError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MongoServices(
                List.of(ATLAS), Map.of("hookstead.data.requireUri", "true", "hookstead.data.dir", dataDir.toString())::get));
        assertEquals("hookstead.data.requireUri is true, but MongoDB service(s) [mongodb-atlas] have no URI configured."
                + " Fix: set hookstead.service.mongodb-atlas.uri (environment HOOKSTEAD_SERVICE_MONGODB_ATLAS_URI) to"
                + " mongodb://host:27017/", e.getMessage());
        assertFalse(Files.exists(dataDir.resolve(EmbeddedMongo.FILE_NAME)), "nothing was written");

        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> new MongoServices(
                List.of(ATLAS), Map.of("hookstead.data.requireUri", "yes")::get));
        assertEquals("Setting hookstead.data.requireUri is 'yes'; use true or false", typo.getMessage());
    }

    /**
     * A production WAR may leave out mongo-java-server (and with it H2 and Netty): MongoServices, loaded without
     * those jars, serves a service with a URI and names the fix for one without.
     */
    @Test
    void withoutTheEmbeddedDatabaseJarsAServiceWithoutUriFailsStartUpNamingTheFix() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        try (java.net.URLClassLoader withoutEmbedded = classpathWithout("mongo-java-server")) {
            Class<?> type = Class.forName(MongoServices.class.getName(), true, withoutEmbedded);
            assertEquals(withoutEmbedded, type.getClassLoader(), "loaded from the reduced class path");
            java.lang.reflect.Constructor<?> constructor = type.getConstructor(java.util.Collection.class,
                    Function.class);

            Function<String, String> configured = Map.of("hookstead.service.mongodb-atlas.uri", uri)::get;
            try (AutoCloseable services = (AutoCloseable) constructor.newInstance(List.of(ATLAS), configured)) {
                Object client = type.getMethod("client", String.class).invoke(services, ATLAS);
                Object db = client.getClass().getMethod("getDatabase", String.class).invoke(client, "app");
                assertEquals("app", db.getClass().getMethod("getName").invoke(db));
            }

            java.lang.reflect.InvocationTargetException e = assertThrows(
                    java.lang.reflect.InvocationTargetException.class,
                    () -> constructor.newInstance(List.of(ATLAS), embeddedSettings()));
            assertTrue(e.getCause() instanceof IllegalArgumentException, e.getCause()::toString);
            assertEquals("MongoDB service(s) [mongodb-atlas] have no URI configured, and this WAR has no embedded"
                    + " database (mongo-java-server is not in WEB-INF/lib). Fix: set hookstead.service.mongodb-atlas.uri"
                    + " (environment HOOKSTEAD_SERVICE_MONGODB_ATLAS_URI) to mongodb://host:27017/; or keep"
                    + " mongo-java-server and mongo-java-server-h2-backend in the WAR", e.getCause().getMessage());
        } finally {
            server.shutdown();
        }
    }

    /** The test class path (surefire's, else the JVM's) minus every entry whose path contains {@code left}. */
    private static java.net.URLClassLoader classpathWithout(String left) throws Exception {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<java.net.URL> urls = new java.util.ArrayList<>();
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank() && !entry.contains(left)) urls.add(Path.of(entry).toUri().toURL());
        }
        return new java.net.URLClassLoader(urls.toArray(java.net.URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    @Test
    void embeddedDataSurvivesCloseAndReopen() {
        try (MongoServices services = new MongoServices(List.of(ATLAS), embeddedSettings())) {
            run(bridge(services), "insertMany", "[[{_id: 1, n: 'one'}, {_id: 2, n: 'two'}]]");
            run(bridge(services), "deleteOne", "[{_id: 2}]");
        }
        try (MongoServices reopened = new MongoServices(List.of(ATLAS), embeddedSettings())) {
            assertEquals(BsonArray.parse("[{_id: 1, n: 'one'}]"), run(bridge(reopened), "find", "[]"));
        }
    }

    @Test
    void aConfiguredUriIsUsedInsteadOfTheEmbeddedDatabase() {
        MongoServer server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        Path unused = dataDir.resolve("unused");
        try (MongoServices services = new MongoServices(List.of(ATLAS), Map.of(
                "hookstead.service.mongodb-atlas.uri", uri, "hookstead.data.dir", unused.toString())::get);
             MongoClient direct = MongoClients.create(uri)) {
            assertFalse(services.isEmbedded(ATLAS));
            run(bridge(services), "insertOne", "[{_id: 'configured'}]");
            assertEquals(BsonDocument.parse("{_id: 'configured'}"),
                    direct.getDatabase("app").getCollection("things", BsonDocument.class).find().first());
        } finally {
            server.shutdown();
        }
        assertFalse(Files.exists(unused), "the embedded database never started");
    }

    @Test
    void anOutageFailsWithServiceUnavailableAndRecoversWithoutRestart() {
        MongoServer server = new MongoServer(new MemoryBackend());
        int port = server.bind().getPort();
        try (MongoServices services = new MongoServices(List.of(ATLAS), Map.of(
                "hookstead.service.mongodb-atlas.uri", "mongodb://127.0.0.1:" + port,
                "hookstead.service.mongodb-atlas.serverSelectionTimeoutMS", "1500")::get)) {
            ScriptedServices js = new ScriptedServices(services);
            String things = "services.get('mongodb-atlas').db('app').collection('things')";
            js.resolved(things + ".insertOne({n: 1})");

            server.shutdownNow();
            long start = System.nanoTime();
            ScriptObjectMirror error = js.rejected(things + ".insertOne({n: 2})");
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("ServiceUnavailable", error.get("error_code"));
            assertEquals("MongoDB service 'mongodb-atlas' is unavailable: no server could be reached; check that it"
                    + " is running and that hookstead.service.mongodb-atlas.uri points at it", error.get("message"));
            assertTrue(elapsedMillis < 10_000, "failed after " + elapsedMillis + " ms");
            HookError response = ServicesScript.serviceError(error);
            assertEquals(ErrorCode.ServiceUnavailable, response.code());
            assertEquals(503, response.status());

            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", port);
            js.resolved(things + ".insertOne({n: 3})");
            assertEquals(BsonArray.parse("[{n: 3}]"), js.resolved(things + ".find({}, {_id: 0}).toArray()"));
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void runningOutOfFunctionTimeWhileNoServerIsReachableIsTheOutage() {
        int port;
        MongoServer probe = new MongoServer(new MemoryBackend());
        port = probe.bind().getPort();
        probe.shutdownNow(); // nothing listens there now
        try (MongoServices services = new MongoServices(List.of(ATLAS), Map.of(
                "hookstead.service.mongodb-atlas.uri", "mongodb://127.0.0.1:" + port)::get)) {
            long deadline = System.currentTimeMillis() + 300;
            List<HookError> told = new ArrayList<>();
            MongoBridge bridge = new MongoBridge(services, () -> deadline - System.currentTimeMillis(), () -> { },
                    told::add);
            HookError error = assertThrows(HookError.class, () -> run(bridge, "insertOne", "[{n: 1}]"));
            assertEquals(ErrorCode.ServiceUnavailable, error.code());
            assertEquals(List.of(error), told);
        }
    }

    @Test
    void asyncOperationHookCanStopAnOperation() {
        try (MongoServices services = new MongoServices(List.of(ATLAS), embeddedSettings())) {
            IllegalStateException limit = new IllegalStateException("exceeded max async work queue size of 1000");
            MongoBridge limited = new MongoBridge(services, () -> 30_000, () -> {
                throw limit;
            });
            assertEquals(limit, assertThrows(IllegalStateException.class,
                    () -> run(limited, "insertOne", "[{n: 1}]")));
            assertEquals(BsonArray.parse("[]"), run(bridge(services), "find", "[]"));
        }
    }

    @Test
    void invalidSettingsAreRefusedNamingTheSettingButNotTheUri() {
        IllegalArgumentException uri = assertThrows(IllegalArgumentException.class, () -> new MongoServices(
                List.of(ATLAS), Map.of("hookstead.service.mongodb-atlas.uri", "mongo://user:s3cret@host")::get));
        assertEquals("Setting hookstead.service.mongodb-atlas.uri is not a valid MongoDB connection string;"
                + " use mongodb://host:port/ or mongodb+srv://host/", uri.getMessage());
        IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class, () -> new MongoServices(
                List.of(ATLAS), Map.of("hookstead.service.mongodb-atlas.serverSelectionTimeoutMS", "soon")::get));
        assertEquals("Setting hookstead.service.mongodb-atlas.serverSelectionTimeoutMS is 'soon'; use a positive"
                + " number of milliseconds, e.g. 3000", timeout.getMessage());
    }

    @Test
    void onlyDeclaredServicesExist() {
        try (MongoServices services = new MongoServices(List.of(ATLAS), embeddedSettings())) {
            assertFalse(bridge(services).isService("mongodb-datafederation"));
            assertTrue(bridge(services).isService(ATLAS));
            assertEquals("'x' is not a MongoDB service of this app; known: [mongodb-atlas]",
                    assertThrows(IllegalArgumentException.class, () -> services.client("x")).getMessage());
        }
    }

    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
