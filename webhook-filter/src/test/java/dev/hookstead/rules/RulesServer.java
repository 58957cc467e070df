package dev.hookstead.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestApps;
import dev.hookstead.testing.TestServer;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rules tests end to end: a mongo-java-server on a free port reached by the real driver, the filter in an embedded
 * Tomcat, and webhooks that run as the user the request's {@code ?user=} names (a run-as script; {@code system}
 * runs as System). Seeds and checks the database directly. Registered on a static field, one server (started on
 * first use) serves the whole class, whose tests then use collections of their own.
 */
final class RulesServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    static final String ATLAS = "mongodb-atlas";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN_AS = """
            exports = function(payload) {
              const u = payload.query.user;
              return u === "system" ? {runAsSystem: true} : u;
            };
            """;

    /** Runs {@code db(db).collection(coll)[method](...args)} from an EJSON body; a thrown error comes back as data. */
    private static final String OP = """
            exports = async function(payload) {
              const req = EJSON.parse(payload.body.text());
              const coll = context.services.get("mongodb-atlas").db(req.db || "shop").collection(req.coll);
              try {
                let r = coll[req.method].apply(coll, req.args);
                if (r && typeof r.toArray === "function") r = r.toArray();
                return {ok: await r};
              } catch (e) {
                return {error: e.message, code: e.error_code === undefined ? null : e.error_code};
              }
            };
            """;

    final TestServer server = new TestServer();
    private dev.hookstead.manifest.CustomUserDataDef customData;
    private MongoServer mongo;
    private MongoClient client;
    private final Map<String, JsonNode> rules = new LinkedHashMap<>();
    private final List<String[]> webhooks = new ArrayList<>();
    private JsApp extra = new JsApp();

    /** Adds a rule entry in the normalised form: key {@code db.coll} or {@code default_rule}. */
    RulesServer rule(String key, String json) {
        rules.put(key, json(json));
        return this;
    }

    /** A filter setting as an environment variable, e.g. HOOKSTEAD_USERS_DATABASE. */
    RulesServer env(String name, String value) {
        server.env(name, value);
        return this;
    }

    /** A webhook run as the caller the request names. */
    RulesServer webhook(String name, String source) {
        webhooks.add(new String[]{name, source});
        return this;
    }

    /** An app to add the data source, webhooks and functions to (for functions and values). */
    RulesServer app(JsApp app) {
        extra = app;
        return this;
    }

    /** Loads {@code custom_data} from {@code meta.users} by {@code user_id} for every webhook's user. */
    RulesServer customData() {
        customData = new dev.hookstead.manifest.CustomUserDataDef(true, ATLAS, "meta", "users", "user_id", null);
        return this;
    }

    /** Starts the server unless a shared one already runs. */
    RulesServer start() {
        if (running) return this;
        running = true;
        webhooks.add(new String[]{"op", OP});
        JsApp app = extra.dataSource(ATLAS, rules);
        if (customData != null) app.customUserData(customData);
        for (String[] hook : webhooks) {
            RunAs runAs = new RunAs(RunAs.Mode.SCRIPT, null, app.compile("runas/" + hook[0], RUN_AS));
            WebhookDef def = new WebhookDef("svc", "http", hook[0], "POST", ValidationMethod.NO_VALIDATION, null, null,
                    true, runAs, null, false, customData != null, false, TestApps.script(hook[0]),
                    "http_endpoints/svc/incoming_webhooks/" + hook[0] + "/config.json");
            app.webhook(def, hook[1]);
        }
        server.env("HOOKSTEAD_SERVICE_MONGODB_ATLAS_URI", "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort())
                .app(app).start();
        return this;
    }

    MongoCollection<BsonDocument> collection(String db, String name) {
        return client.getDatabase(db).getCollection(name, BsonDocument.class);
    }

    /** Inserts documents given as relaxed JSON. */
    void seed(String db, String name, String... documents) {
        for (String d : documents) collection(db, name).insertOne(BsonDocument.parse(d));
    }

    List<BsonDocument> all(String db, String name) {
        return collection(db, name).find().sort(new BsonDocument("_id", new org.bson.BsonInt32(1)))
                .into(new ArrayList<>());
    }

    HttpResponse<String> call(String webhook, String user, String body) {
        return server.post(TestApps.webhookPath(webhook) + "?user=" + URLEncoder.encode(user, StandardCharsets.UTF_8),
                body);
    }

    /** The webhook's 200 answer as a document (the function returns an object). */
    BsonDocument ok(String webhook, String user, String body) {
        HttpResponse<String> r = call(webhook, user, body);
        assertEquals(200, r.statusCode(), () -> r.body() + "\n" + server.logs());
        return BsonDocument.parse(r.body());
    }

    /**
     * {@code coll.method(...args)} in shop (or {@code db.coll}) as {@code user}: {@code {ok: result}} or
     * {@code {error, code}}.
     */
    BsonDocument op(String user, String collection, String method, String argsJson) {
        String db = "shop";
        String name = collection;
        if (collection.contains(".")) {
            db = collection.substring(0, collection.indexOf('.'));
            name = collection.substring(collection.indexOf('.') + 1);
        }
        BsonDocument body = new BsonDocument("db", new org.bson.BsonString(db))
                .append("coll", new org.bson.BsonString(name)).append("method", new org.bson.BsonString(method))
                .append("args", BsonDocument.parse("{a: " + argsJson + "}").get("a"));
        return ok("op", user, body.toJson());
    }

    /** The error an operation got, as {@code {error, code}}; fails when it succeeded. */
    BsonDocument refused(String user, String collection, String method, String argsJson) {
        BsonDocument answer = op(user, collection, method, argsJson);
        org.junit.jupiter.api.Assertions.assertTrue(answer.containsKey("error"), () -> method + " succeeded: " + answer);
        return answer;
    }

    /** The result of an operation that succeeded. */
    org.bson.BsonValue result(String user, String collection, String method, String argsJson) {
        BsonDocument answer = op(user, collection, method, argsJson);
        org.junit.jupiter.api.Assertions.assertTrue(answer.containsKey("ok"), () -> method + " failed: " + answer);
        return answer.get("ok");
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** The queries of the find commands the database received for the collection since {@link #clearCommands}. */
    List<BsonDocument> finds(String collection) {
        List<BsonDocument> out = new ArrayList<>();
        for (Command c : commands()) {
            if (c.request().isString("find") && c.request().getString("find").getValue().equals(collection)) {
                out.add(c.request().getDocument("filter", new BsonDocument()));
            }
        }
        return out;
    }

    /** A command the database received over the wire, and its reply. */
    record Command(BsonDocument request, BsonDocument reply) {
    }

    private final List<Command> commands = new CopyOnWriteArrayList<>();

    /** Forgets the commands received so far. */
    void clearCommands() {
        commands.clear();
    }

    /** The commands the database received since the last {@link #clearCommands}, in order. */
    List<Command> commands() {
        return List.copyOf(commands);
    }

    /** The in-memory database, recording each command it receives together with its reply. */
    private final class RecordingBackend extends MemoryBackend {
        @Override
        public Document handleMessage(MongoMessage message) {
            Document reply = super.handleMessage(message);
            commands.add(new Command(bson(message.getDocument()), bson(reply)));
            return reply;
        }
    }

    private static BsonDocument bson(Document document) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, buffer);
            return new RawBsonDocument(ByteBufUtil.getBytes(buffer)).decode(new org.bson.codecs.BsonDocumentCodec());
        } finally {
            buffer.release();
        }
    }

    private boolean shared;
    private boolean running;

    private void open(ExtensionContext context) {
        mongo = new MongoServer(new RecordingBackend());
        mongo.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort());
        server.beforeEach(context);
    }

    private void close(ExtensionContext context) throws Exception {
        try {
            server.afterEach(context);
        } finally {
            client.close();
            mongo.shutdownNow();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        shared = true;
        open(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!shared) open(context);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (!shared) close(context);
    }
}
