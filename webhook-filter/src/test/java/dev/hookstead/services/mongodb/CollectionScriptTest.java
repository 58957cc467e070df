package dev.hookstead.services.mongodb;

import dev.hookstead.services.MongoFailure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.services.ServicesScript;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;


import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** services.js and MongoBridge against a real mongo-java-server through the real driver. */
class CollectionScriptTest {

    private static final String ITEMS = "services.get('mongodb-atlas').db('shop').collection('items')";

    private static MongoServer server;
    private static MongoServices services;
    private static MongoClient direct;
    private static MongoCollection<BsonDocument> items;
    private static ScriptedServices js;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        services = new MongoServices(List.of("mongodb-atlas"),
                Map.of("hookstead.service.mongodb-atlas.uri", uri)::get);
        direct = MongoClients.create(uri);
        items = direct.getDatabase("shop").getCollection("items", BsonDocument.class);
        js = new ScriptedServices(services);
    }

    @AfterAll
    static void stopServer() {
        services.close();
        direct.close();
        server.shutdown();
    }

    @BeforeEach
    void freshData() {
        items.drop();
        js.remainingMillis.set(60_000);
        js.asyncOperations.set(0);
    }

    private void seed(String... json) {
        for (String document : json) {
            items.insertOne(BsonDocument.parse(document));
        }
    }

    private static BsonDocument doc(String json) {
        return BsonDocument.parse(json);
    }

    @Test
    void seedWebhookInsertsAndResolvesToTheNewObjectId() {
        js.eval("var body = {someField: 'hello'};");
        BsonDocument result = js.resolved("services.get('mongodb-atlas').db('demo').collection('requests')"
                + ".insertOne({ someField: body.someField })").asDocument();
        ObjectId id = result.getObjectId("insertedId").getValue();
        BsonDocument stored = direct.getDatabase("demo").getCollection("requests", BsonDocument.class)
                .find(new BsonDocument("_id", new BsonObjectId(id))).first();
        assertEquals(new BsonString("hello"), stored.get("someField"));
        assertEquals(Boolean.TRUE, js.eval("settle(" + ITEMS + ".insertOne({a: 1})).value.insertedId"
                + " instanceof BSON.ObjectId"));
    }

    @Test
    void collectionMethodsAreSharedButCannotBeChangedOrDetached() {
        js.eval("var a = " + ITEMS + ", b = services.get('mongodb-atlas').db('other').collection('x');"
                + "var proto = Object.getPrototypeOf(a);");
        assertEquals(Boolean.TRUE, js.eval("a.insertOne === b.insertOne && Object.isFrozen(proto)"));
        assertEquals("TypeError", js.eval("(function () { 'use strict'; try { proto.insertOne = null; } catch (e) { return e.name; } })()"));
        assertEquals("TypeError: collection.findOne must be called on a collection, as collection.findOne(...)",
                js.eval("var detached = a.findOne; try { detached({}); } catch (e) { String(e) }"));
        // each object still reaches its own collection
        js.resolved("b.insertOne({_id: 'in-other'})");
        assertEquals(0, items.countDocuments());
    }

    @Test
    void aForgedCollectionCannotReachHooksteadsOwnService() {
        String uri = "mongodb://" + server.getLocalAddress().getHostString() + ":" + server.getLocalAddress().getPort();
        try (MongoServices withUsers = new MongoServices(List.of("mongodb-atlas"), List.of("hookstead-users"),
                Map.of("hookstead.service.mongodb-atlas.uri", uri, "hookstead.service.hookstead-users.uri", uri)::get)) {
            ScriptedServices scripted = new ScriptedServices(withUsers);
            scripted.eval("var proto = Object.getPrototypeOf(" + ITEMS + ");"
                    + "var forged = Object.create(proto, {_target: {value: {service: 'hookstead-users', db: 'hookstead-users', collection: 'users'}}});");
            assertEquals("collection.find: the app has no MongoDB service named 'hookstead-users'",
                    scripted.eval("var out; forged.find({}).toArray().then(null, function (e) { out = e.message; }); out"));
        }
    }

    @Test
    void insertManyResolvesToTheIdsInOrder() {
        BsonDocument result = js.resolved(ITEMS + ".insertMany([{_id: 'x'}, {_id: 7}, {name: 'generated'}])")
                .asDocument();
        BsonArray ids = result.getArray("insertedIds");
        assertEquals(new BsonString("x"), ids.get(0));
        assertEquals(new BsonInt32(7), ids.get(1));
        assertTrue(ids.get(2).isObjectId());
        assertEquals(3, items.countDocuments());
        assertEquals(1, result.size());
    }

    @Test
    void findOneAppliesFilterProjectionAndSort() {
        seed("{_id: 1, kind: 'a', n: 5, secret: 's'}", "{_id: 2, kind: 'a', n: 9, secret: 's'}");
        assertEquals(doc("{_id: 2, n: 9}"),
                js.resolved(ITEMS + ".findOne({kind: 'a'}, {n: 1}, {sort: {n: -1}})"));
        assertEquals(BsonNull.VALUE, js.resolved(ITEMS + ".findOne({kind: 'missing'})"));
        assertEquals(Boolean.TRUE, js.eval("settle(" + ITEMS + ".findOne({kind: 'missing'})).value === null"));
        assertEquals(doc("{_id: 1, kind: 'a', n: 5, secret: 's'}"), js.resolved(ITEMS + ".findOne()"));
    }

    @Test
    void findReturnsAChainableCursor() {
        seed("{_id: 1, n: 3}", "{_id: 2, n: 1}", "{_id: 3, n: 2}", "{_id: 4, n: 4}");
        assertEquals(new BsonArray(List.of(doc("{n: 2}"), doc("{n: 3}"))),
                js.resolved(ITEMS + ".find({}, {_id: 0}).sort({n: 1}).skip(1).limit(2).toArray()"));
        assertEquals(new BsonArray(List.of(doc("{_id: 4, n: 4}"))),
                js.resolved(ITEMS + ".find({n: {$gt: 3}}).toArray()"));
        assertEquals(new BsonArray(List.of(doc("{_id: 2, n: 1}"))),
                js.resolved(ITEMS + ".find({}, null, {sort: {n: 1}, limit: 1}).toArray()"));
    }

    @Test
    void cursorNextAndHasNextWalkTheResultsAndToArrayReturnsTheRest() {
        seed("{_id: 1}", "{_id: 2}", "{_id: 3}");
        js.eval("var c = " + ITEMS + ".find().sort({_id: 1});");
        assertEquals(doc("{_id: 1}"), js.resolved("c.next()"));
        assertEquals(new BsonArray(List.of(doc("{_id: 2}"), doc("{_id: 3}"))), js.resolved("c.toArray()"));
        assertEquals(Boolean.FALSE, js.eval("settle(c.hasNext()).value"));
        assertEquals(Boolean.TRUE, js.eval("settle(c.next()).value === null"));
        Object message = js.eval("var m; try { c.limit(1); } catch (e) { m = e.message; } m");
        assertEquals("cursor.limit() must be called before the cursor is read", message);
    }

    @Test
    void cursorIsAsyncIterableWhenTheGlobalHasSymbolAsyncIterator() {
        seed("{_id: 1}", "{_id: 2}");
        js.eval("Symbol.asyncIterator = Symbol('Symbol.asyncIterator');");
        js.eval("var it = " + ITEMS + ".find().sort({_id: -1})[Symbol.asyncIterator]();");
        assertEquals(doc("{done: false, value: {_id: 2}}"), js.resolved("it.next()"));
        assertEquals(doc("{done: false, value: {_id: 1}}"), js.resolved("it.next()"));
        assertEquals(Boolean.TRUE, js.eval("settle(it.next()).value.done"));
    }

    @Test
    void countAndCountDocuments() {
        seed("{k: 1}", "{k: 1}", "{k: 2}");
        assertEquals(new BsonInt32(2), js.resolved(ITEMS + ".count({k: 1})"));
        assertEquals(new BsonInt32(3), js.resolved(ITEMS + ".countDocuments()"));
        assertEquals(new BsonInt32(1), js.resolved(ITEMS + ".countDocuments({}, {skip: 1, limit: 1})"));
        assertEquals("number", js.eval("typeof settle(" + ITEMS + ".count()).value"));
    }

    @Test
    void updatesResolveToMatchedModifiedAndUpsertedId() {
        seed("{_id: 1, k: 'a', n: 0}", "{_id: 2, k: 'a', n: 0}", "{_id: 3, k: 'b', n: 0}");
        assertEquals(doc("{matchedCount: 1, modifiedCount: 1}"),
                js.resolved(ITEMS + ".updateOne({_id: 1}, {$inc: {n: 1}})"));
        assertEquals(doc("{matchedCount: 2, modifiedCount: 2}"),
                js.resolved(ITEMS + ".updateMany({k: 'a'}, {$set: {seen: true}})"));
        assertEquals(doc("{matchedCount: 0, modifiedCount: 0, upsertedId: 9}"),
                js.resolved(ITEMS + ".updateOne({_id: 9}, {$set: {n: 1}}, {upsert: true})"));
        assertEquals(doc("{matchedCount: 1, modifiedCount: 1}"),
                js.resolved(ITEMS + ".replaceOne({_id: 3}, {k: 'c'})"));
        assertEquals(doc("{_id: 3, k: 'c'}"), items.find(doc("{_id: 3}")).first());
        BsonDocument upserted = js.resolved(ITEMS + ".replaceOne({k: 'new'}, {k: 'new'}, {upsert: true})")
                .asDocument();
        assertTrue(upserted.getObjectId("upsertedId") != null);
        assertEquals(doc("{_id: 1, k: 'a', n: 1, seen: true}"), items.find(doc("{_id: 1}")).first());
    }

    @Test
    void deletesResolveToDeletedCount() {
        seed("{k: 1}", "{k: 1}", "{k: 1}", "{k: 2}");
        assertEquals(doc("{deletedCount: 1}"), js.resolved(ITEMS + ".deleteOne({k: 1})"));
        assertEquals(doc("{deletedCount: 2}"), js.resolved(ITEMS + ".deleteMany({k: 1})"));
        assertEquals(doc("{deletedCount: 0}"), js.resolved(ITEMS + ".deleteMany({k: 5})"));
        assertEquals(1, items.countDocuments());
    }

    @Test
    void findOneAndModifyHonourOptions() {
        seed("{_id: 1, k: 'a', n: 1}", "{_id: 2, k: 'a', n: 2}");
        assertEquals(doc("{_id: 2, k: 'a', n: 2}"),
                js.resolved(ITEMS + ".findOneAndUpdate({k: 'a'}, {$inc: {n: 10}}, {sort: {n: -1}})"));
        assertEquals(doc("{n: 22}"), js.resolved(ITEMS + ".findOneAndUpdate({_id: 2}, {$inc: {n: 10}},"
                + " {projection: {_id: 0, n: 1}, returnNewDocument: true})"));
        assertEquals(doc("{_id: 5, n: 1}"), js.resolved(ITEMS + ".findOneAndUpdate({_id: 5}, {$set: {n: 1}},"
                + " {upsert: true, returnNewDocument: true})"));
        assertEquals(BsonNull.VALUE, js.resolved(ITEMS + ".findOneAndUpdate({_id: 6}, {$set: {n: 1}})"));
        assertEquals(doc("{_id: 1, k: 'r'}"), js.resolved(ITEMS + ".findOneAndReplace({_id: 1}, {k: 'r'},"
                + " {returnNewDocument: true})"));
        assertEquals(doc("{_id: 1, k: 'r'}"), js.resolved(ITEMS + ".findOneAndDelete({_id: 1})"));
        assertEquals(BsonNull.VALUE, js.resolved(ITEMS + ".findOneAndDelete({_id: 1})"));
        assertEquals(2, items.countDocuments());
    }

    @Test
    void aggregateReturnsACursor() {
        seed("{k: 'a', n: 1}", "{k: 'a', n: 2}", "{k: 'b', n: 5}");
        assertEquals(new BsonArray(List.of(doc("{_id: 'b', total: 5}"), doc("{_id: 'a', total: 3}"))),
                js.resolved(ITEMS + ".aggregate([{$group: {_id: '$k', total: {$sum: '$n'}}}])"
                        + ".sort({total: -1}).toArray()"));
        assertEquals(new BsonArray(List.of(doc("{_id: 'a', total: 3}"))),
                js.resolved(ITEMS + ".aggregate([{$group: {_id: '$k', total: {$sum: '$n'}}}, {$sort: {_id: 1}}])"
                        + ".limit(1).toArray()"));
    }

    @Test
    void distinctReturnsTheValues() {
        seed("{k: 'a', n: 1}", "{k: 'b', n: 1}", "{k: 'a', n: 2}");
        BsonArray values = js.resolved(ITEMS + ".distinct('k')").asArray();
        assertEquals(2, values.size());
        assertTrue(values.contains(new BsonString("a")) && values.contains(new BsonString("b")));
        assertEquals(new BsonArray(List.of(new BsonString("a"))), js.resolved(ITEMS + ".distinct('k', {n: 2})"));
    }

    @Test
    void bulkWriteRunsEveryKindOfOperation() {
        seed("{_id: 1, n: 0}", "{_id: 2, n: 0}");
        BsonDocument result = js.resolved(ITEMS + ".bulkWrite(["
                + "{insertOne: {document: {_id: 3}}},"
                + "{updateOne: {filter: {_id: 1}, update: {$set: {n: 1}}}},"
                + "{updateMany: {filter: {_id: {$gt: 5}}, update: {$set: {n: 1}}, upsert: true}},"
                + "{replaceOne: {filter: {_id: 2}, replacement: {n: 2}}},"
                + "{deleteOne: {filter: {_id: 3}}},"
                + "{deleteMany: {filter: {n: 9}}}"
                + "], {ordered: true})").asDocument();
        assertEquals(new BsonInt32(1), result.get("insertedCount"));
        assertEquals(new BsonInt32(2), result.get("matchedCount"));
        assertEquals(new BsonInt32(2), result.get("modifiedCount"));
        assertEquals(new BsonInt32(1), result.get("deletedCount"));
        assertEquals(new BsonInt32(1), result.get("upsertedCount"));
        assertEquals(doc("{'0': 3}"), result.get("insertedIds"));
        assertTrue(result.getDocument("upsertedIds").get("2").isObjectId());
        assertEquals(doc("{_id: 2, n: 2}"), items.find(doc("{_id: 2}")).first());
    }

    /** Binary subtypes other than 0 and 4 are not kept by mongo-java-server (it has no subtype field), only by MongoDB. */
    @Test
    void bsonTypesRoundTripFromJsThroughTheDatabaseAndBack() {
        js.eval("var original = {_id: new BSON.ObjectId('5f1d7a0c9d1e8a3b2c4d5e6f'),"
                + " when: new Date(1600000000123), price: BSON.Decimal128.fromString('19.990'),"
                + " big: BSON.Long.fromString('9007199254740993'), small: new BSON.Int32(7),"
                + " bytes: BSON.Binary.fromBase64('AQID'),"
                + " uuid: BSON.Binary.fromHex('00112233445566778899aabbccddeeff', 4), text: 's', list: [1, 2.5, null]};");
        js.resolved(ITEMS + ".insertOne(original)");
        BsonDocument expected = new BsonDocument("_id", new BsonObjectId(new ObjectId("5f1d7a0c9d1e8a3b2c4d5e6f")))
                .append("when", new BsonDateTime(1600000000123L))
                .append("price", new BsonDecimal128(Decimal128.parse("19.990")))
                .append("big", new BsonInt64(9007199254740993L))
                .append("small", new BsonInt32(7))
                .append("bytes", new BsonBinary(new byte[]{1, 2, 3}))
                .append("uuid", new BsonBinary(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff")))
                .append("text", new BsonString("s"))
                .append("list", BsonArray.parse("[1, 2.5, null]"));
        assertEquals(expected, items.find().first());

        // read in JS and write back to another collection: the stored BSON is identical
        js.eval("var found = settle(" + ITEMS + ".findOne()).value;");
        assertEquals(Boolean.TRUE, js.eval("found._id instanceof BSON.ObjectId && found.when instanceof Date"
                + " && found.price instanceof BSON.Decimal128 && found.big instanceof BSON.Long"
                + " && found.small === 7 && found.bytes instanceof BSON.Binary && found.uuid.sub_type === 4"));
        js.resolved("services.get('mongodb-atlas').db('shop').collection('copies').insertOne(found)");
        assertEquals(expected, direct.getDatabase("shop").getCollection("copies", BsonDocument.class)
                .findOneAndDelete(new BsonDocument()));
        assertEquals(expected, js.resolved(ITEMS + ".findOne({_id: found._id, when: found.when, big: found.big})"));
    }

    @Test
    void queriesReturningMoreThanTheCapFailInsteadOfTruncating() {
        seed("{_id: 1}", "{_id: 2}", "{_id: 3}");
        CollectionOperations capped = new CollectionOperations(items, 2);
        assertEquals(2, capped.run("find", BsonArray.parse("[{}, null, {limit: 2}]")).asArray().size());
        MongoFailure failure = assertThrows(MongoFailure.class, () -> capped.run("aggregate", BsonArray.parse("[[]]")));
        assertEquals(ErrorCode.MongoDBError, failure.code());
        assertEquals("query returned more than 2 documents, the most one query may return; narrow the filter, or"
                + " page with limit and skip", failure.getMessage());
    }

    @Test
    void unknownServiceIsUndefined() {
        assertEquals(Boolean.TRUE, js.eval("services.get('nope') === undefined"));
        assertEquals(Boolean.TRUE, js.eval("services.get() === undefined && services.get(5) === undefined"));
        assertEquals(Boolean.TRUE, js.eval("typeof services.get('mongodb-atlas').db === 'function'"));
    }

    @Test
    void duplicateKeyRejectsWithTheServerMessageAndMongoDbErrorCode() {
        items.createIndex(doc("{email: 1}"), new IndexOptions().unique(true));
        js.resolved(ITEMS + ".insertOne({email: 'a@b.c'})");
        ScriptObjectMirror error = js.rejected(ITEMS + ".insertOne({email: 'a@b.c'})");
        assertTrue(((String) error.get("message")).startsWith("E11000 duplicate key error"), (String) error.get("message"));
        assertEquals("MongoDBError", error.get("error_code"));
        assertEquals(11000, ((Number) error.get("code")).intValue());
        HookError response = ServicesScript.serviceError(error);
        assertNotNull(response);
        assertEquals(ErrorCode.MongoDBError, response.code());
        assertEquals(error.get("message"), response.getMessage());

        ScriptObjectMirror bulk = js.rejected(ITEMS + ".insertMany([{email: 'x'}, {email: 'x'}])");
        assertTrue(((String) bulk.get("message")).startsWith("E11000 duplicate key error"));
    }

    @Test
    void badArgumentsRejectWithAPlainErrorNamingTheMethod() {
        ScriptObjectMirror error = js.rejected(ITEMS + ".insertOne('text')");
        assertEquals("collection.insertOne: the document is the string 'text'; pass an object", error.get("message"));
        assertFalse(error.hasMember("error_code"));
        assertNull(ServicesScript.serviceError(error));
        assertEquals("collection.updateOne: the filter is required; pass an object",
                js.rejected(ITEMS + ".updateOne()").get("message"));
        assertTrue(((String) js.rejected(ITEMS + ".updateOne({}, {n: 1})").get("message"))
                .startsWith("collection.updateOne: "));
        assertEquals("collection.bulkWrite: operations[0] is a 'drop' operation; pass insertOne, updateOne,"
                + " updateMany, replaceOne, deleteOne or deleteMany",
                js.rejected(ITEMS + ".bulkWrite([{drop: {}}])").get("message"));
        assertEquals("db(name): the database name must be a non-empty string, got number",
                js.eval("var m; try { services.get('mongodb-atlas').db(1); } catch (e) { m = e.message; } m"));
    }

    @Test
    void everyOperationIsCountedBeforeItRuns() {
        js.resolved(ITEMS + ".insertOne({n: 1})");
        js.resolved(ITEMS + ".find().toArray()");
        js.eval(ITEMS + ".find()"); // not read: no operation
        assertEquals(2, js.asyncOperations.get());
    }

    @Test
    void operationsFailFastOnceTheTimeIsUp() {
        js.remainingMillis.set(0);
        // A plain JS error carrying the code, like every failure of the bridge (the runtime's guard ends the call).
        var error = js.rejected(ITEMS + ".insertOne({n: 1})");
        assertEquals(ErrorCode.ExecutionTimeLimitExceeded.name(), error.get("error_code"));
        assertEquals("execution time limit exceeded", error.get("message"));
        assertEquals(0, js.asyncOperations.get());
        assertEquals(0, items.countDocuments());
    }
}
