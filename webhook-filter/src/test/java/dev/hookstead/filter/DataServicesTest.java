package dev.hookstead.filter;

import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.hookstead.services.mongodb.MongoServices;
import dev.hookstead.testing.EveryCollectionMethod;
import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestServer;
import org.bson.BsonDocument;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** context.services over HTTP: real compiled JS, the real runtime, the real driver, embedded and external servers. */
class DataServicesTest {

    private static final String ATLAS = "mongodb-atlas";
    private static final String SAVE = """
            exports = async function(payload, response) {
              const body = EJSON.parse(payload.body.text());
              if (body.someField) {
                const mdb = context.services.get("mongodb-atlas");
                const requests = mdb.db("demo").collection("requests");
                const { insertedId } = await requests.insertOne({ someField: body.someField });
                response.setStatusCode(200);
                response.setBody(`Successfully saved "someField" with _id: ${insertedId}.`);
              } else {
                response.setStatusCode(400);
                response.setBody(`Could not find "someField" in the webhook request body.`);
              }
              return { msg: "finished!" };
            };
            """;
    private static final String LIST = """
            exports = async () => ({
              ids: (await context.services.get("mongodb-atlas").db("demo").collection("requests")
                  .find({}, {_id: 1}).toArray()).map(d => d._id.toHexString()),
              unknown: typeof context.services.get("nope")
            });
            """;

    @RegisterExtension
    final TestServer server = new TestServer();

    @TempDir
    Path data;

    private JsApp seedApp() {
        return new JsApp().dataSource(ATLAS).webhook("saveOrder", SAVE).webhook("list", LIST);
    }

    @Test
    void theSeedWebhookStoresTheDocumentAndItSurvivesARestart() {
        server.env("HOOKSTEAD_DATA_DIR", data.toString()).app(seedApp()).start();
        HttpResponse<String> saved = server.post(webhookPath("saveOrder"), "{\"someField\":\"hello\"}");
        assertEquals(200, saved.statusCode(), saved::body);
        Matcher id = Pattern.compile("Successfully saved \"someField\" with _id: ([0-9a-f]{24})\\.").matcher(saved.body());
        assertTrue(id.matches(), saved.body());
        HttpResponse<String> missing = server.post(webhookPath("saveOrder"), "{\"other\":1}");
        assertEquals(400, missing.statusCode());
        assertEquals("Could not find \"someField\" in the webhook request body.", missing.body());
        assertTrue(server.logs().contains("their data goes to the embedded single-node database file "
                + data.resolve("embedded-mongodb.mv.db").toAbsolutePath()), "where the data goes is logged");

        server.stop();
        try (MongoServices direct = new MongoServices(List.of(ATLAS), Map.of("hookstead.data.dir", data.toString())::get)) {
            MongoCollection<BsonDocument> requests = direct.client(ATLAS).getDatabase("demo")
                    .getCollection("requests", BsonDocument.class);
            assertEquals(List.of(new BsonDocument("_id", new org.bson.BsonObjectId(new ObjectId(id.group(1))))
                            .append("someField", new org.bson.BsonString("hello"))),
                    requests.find().into(new java.util.ArrayList<>()), "the real driver reads what the webhook stored");
        }

        server.start();
        HttpResponse<String> listed = server.post(webhookPath("list"), "{}");
        assertEquals(200, listed.statusCode(), listed::body);
        assertEquals("{\"ids\":[\"" + id.group(1) + "\"],\"unknown\":\"undefined\"}", listed.body());
    }

    @Test
    void aMistypedServiceNameFailsNamingTheServiceAndTheAppsDataSources() {
        server.env("HOOKSTEAD_DATA_DIR", data.toString()).app(new JsApp().dataSource(ATLAS).webhook("typo", """
                exports = async function() {
                  const probe = context.services.get("mongodb-atlass") === undefined; // the platform's answer
                  return await context.services.get("mongodb-atlass").db("shop").collection("items").findOne();
                };
                """)).start();
        HttpResponse<String> r = server.post(webhookPath("typo"), "{}");
        assertEquals(400, r.statusCode(), r::body);
        BsonDocument body = json(r);
        assertEquals("FunctionExecutionError", body.getString("error_code").getValue());
        String error = body.getString("error").getValue();
        assertTrue(error.startsWith("TypeError: "), error);
        assertTrue(error.endsWith("(context.services.get(\"mongodb-atlass\") gave undefined: the app has no data"
                + " source or HTTP service named \"mongodb-atlass\"; its data sources: [mongodb-atlas])"), error);
    }

    @Test
    void everyCollectionMethodAnswersWithThePlatformShapes() {
        server.env("HOOKSTEAD_DATA_DIR", data.toString())
                .app(new JsApp().dataSource(ATLAS).webhook("crud", EveryCollectionMethod.SCRIPT)).start();
        HttpResponse<String> r = server.post(webhookPath("crud"), "{}");
        assertEquals(200, r.statusCode(), r::body);
        BsonDocument expected = EveryCollectionMethod.expected();
        assertEquals(expected, BsonDocument.parse(r.body()));
    }

    @Test
    void bsonTypesRoundTripThroughTheDatabase() {
        server.env("HOOKSTEAD_DATA_DIR", data.toString()).app(new JsApp().dataSource(ATLAS).webhook("types", """
                exports = async function() {
                  const c = context.services.get("mongodb-atlas").db("shop").collection("types");
                  const doc = {
                    oid: new BSON.ObjectId("5f1b2c3d4e5f6a7b8c9d0e1f"),
                    date: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)),
                    dec: BSON.Decimal128.fromString("1234.5600"),
                    long: BSON.Long.fromString("9007199254740993"),
                    int: new BSON.Int32(7),
                    bin: BSON.Binary.fromHex("00ff10", 0)
                  };
                  const { insertedId } = await c.insertOne(doc);
                  const back = await c.findOne({_id: insertedId}, {_id: 0});
                  return {
                    back,
                    checks: [back.oid instanceof BSON.ObjectId, back.date instanceof Date, back.dec instanceof BSON.Decimal128,
                             back.long instanceof BSON.Long, back.bin instanceof BSON.Binary,
                             back.oid.toHexString(), back.date.toISOString(), back.bin.toHex(), back.long.toString()],
                    byOid: await c.countDocuments({oid: new BSON.ObjectId("5f1b2c3d4e5f6a7b8c9d0e1f")})
                  };
                };
                """)).start();
        HttpResponse<String> r = server.post(webhookPath("types"), "{}");
        assertEquals(200, r.statusCode(), r::body);
        assertEquals(BsonDocument.parse("""
                {back: {oid: {$oid: "5f1b2c3d4e5f6a7b8c9d0e1f"}, date: {$date: {$numberLong: "1704164645006"}},
                        dec: {$numberDecimal: "1234.5600"}, long: {$numberLong: "9007199254740993"},
                        int: {$numberInt: "7"}, bin: {$binary: {base64: "AP8Q", subType: "00"}}},
                 checks: [true, true, true, true, true, "5f1b2c3d4e5f6a7b8c9d0e1f", "2024-01-02T03:04:05.006Z", "00ff10",
                          "9007199254740993"],
                 byOid: 1}
                """), BsonDocument.parse(r.body()));
    }

    @Test
    void anUncaughtDatabaseErrorIsAMongoDBError() {
        server.env("HOOKSTEAD_DATA_DIR", data.toString()).app(new JsApp().dataSource(ATLAS).webhook("dup", """
                exports = async function() {
                  const c = context.services.get("mongodb-atlas").db("shop").collection("dups");
                  await c.insertOne({_id: "x"});
                  await c.insertOne({_id: "x"});
                };
                """)).start();
        HttpResponse<String> r = server.post(webhookPath("dup"), "{}");
        assertEquals(500, r.statusCode(), r::body);
        assertEquals("MongoDBError", json(r).get("error_code").asString().getValue());
        assertTrue(json(r).get("error").asString().getValue().contains("E11000"), r.body());
    }

    @Test
    void anOutageAnswers503AndTheNextRequestsSucceedOnceTheServerIsBack() {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        int port = mongo.bind().getPort();
        try {
            server.env("HOOKSTEAD_SERVICE_MONGODB_ATLAS_URI", "mongodb://127.0.0.1:" + port)
                    .env("HOOKSTEAD_SERVICE_MONGODB_ATLAS_SERVERSELECTIONTIMEOUTMS", "500")
                    .app(seedApp()).start();
            assertEquals(200, server.post(webhookPath("saveOrder"), "{\"someField\":\"before\"}").statusCode());

            mongo.shutdownNow();
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> down = server.post(webhookPath("saveOrder"), "{\"someField\":\"during\"}");
                assertEquals(503, down.statusCode(), down::body);
                assertEquals("ServiceUnavailable", json(down).get("error_code").asString().getValue());
                assertEquals("MongoDB service 'mongodb-atlas' is unavailable: no server could be reached; check that it"
                        + " is running and that hookstead.service.mongodb-atlas.uri points at it",
                        json(down).get("error").asString().getValue());
            }

            mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", port);
            HttpResponse<String> back = server.post(webhookPath("saveOrder"), "{\"someField\":\"after\"}");
            assertEquals(200, back.statusCode(), back::body);
            assertTrue(back.body().startsWith("Successfully saved"), back.body());
        } finally {
            mongo.shutdownNow();
        }
    }

    @Test
    void tooManyOperationsInFlightHitTheAsyncWorkLimit() {
        server.env("HOOKSTEAD_DATA_DIR", data.toString()).app(new JsApp().dataSource(ATLAS).webhook("flood", """
                exports = async function(payload) {
                  const n = JSON.parse(payload.body.text()).n;
                  const c = context.services.get("mongodb-atlas").db("shop").collection("flood");
                  const pending = [];
                  for (let i = 0; i < n; i++) pending.push(c.countDocuments());
                  await Promise.all(pending);
                  let sequential = 0;
                  for (let i = 0; i < 1001; i++) sequential += await c.countDocuments() + 1;
                  return sequential;
                };
                """)).start();
        HttpResponse<String> fine = server.post(webhookPath("flood"), "{\"n\":10}");
        assertEquals(200, fine.statusCode(), fine::body);
        assertEquals("{\"$numberInt\":\"1001\"}", fine.body(), "awaited one by one, operations never pile up");
        HttpResponse<String> flood = server.post(webhookPath("flood"), "{\"n\":1001}");
        assertEquals(400, flood.statusCode(), flood::body);
        assertEquals("FunctionExecutionError", json(flood).get("error_code").asString().getValue());
        assertEquals("exceeded max async work queue size of 1000", json(flood).get("error").asString().getValue());
    }

    private static BsonDocument json(HttpResponse<String> r) {
        return BsonDocument.parse(r.body());
    }
}
