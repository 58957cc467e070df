package dev.hookstead.rules;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * updateOne without the pre-image read: under an owner rule whose write holds whatever the document holds, the
 * update goes to the database with the owner condition in its own query, and nothing is read first; every rule that
 * needs the stored document still reads it and still refuses. Checked on what the wire-protocol server received.
 * Each collection holds {@code _id} 1 and 2 of u1 (2 is closed) and 100 of u2.
 */
class RulesUpdateWithoutPreImageTest {

    private static String rule(String collection, String role, String schema) {
        return "{\"database\": \"shop\", \"collection\": \"" + collection + "\", \"filters\": [], \"roles\": [{\"name\":"
                + " \"owner\", \"apply_when\": {\"owner_id\": \"%%user.id\"}, \"read\": true, " + role + "}]"
                + (schema == null ? "" : ", \"schema\": " + schema) + "}";
    }

    @RegisterExtension
    static final RulesServer rules = new RulesServer()
            .rule("shop.owned", rule("owned", "\"write\": true", null))
            .rule("shop.byuser", rule("byuser", "\"write\": {\"%%user.id\": \"u1\"}", null))
            .rule("shop.fields", rule("fields", "\"fields\": {\"n\": {\"write\": true}}, \"additional_fields\": {}",
                    null))
            .rule("shop.schema", rule("schema", "\"write\": true",
                    "{\"bsonType\": \"object\", \"properties\": {\"n\": {\"bsonType\": \"number\", \"minimum\": 0,"
                            + " \"maximum\": 10}}}"))
            .rule("shop.bydoc", rule("bydoc", "\"write\": {\"status\": \"open\"}", null))
            .rule("shop.gated", rule("gated", "\"write\": true, \"document_filters\": {\"write\": {\"status\": \"open\"}}",
                    null));

    private static final List<String> COLLECTIONS = List.of("owned", "byuser", "fields", "schema", "bydoc", "gated");

    @BeforeEach
    void seed() {
        rules.start();
        for (String name : COLLECTIONS) {
            rules.collection("shop", name).drop();
            rules.seed("shop", name, "{_id: 1, owner_id: 'u1', n: 1, status: 'open', tag: 'a'}",
                    "{_id: 2, owner_id: 'u1', n: 2, status: 'closed', tag: 'a'}",
                    "{_id: 100, owner_id: 'u2', n: 9, status: 'open', tag: 'a'}");
        }
        rules.clearCommands();
    }

    private static BsonValue json(String text) {
        return BsonDocument.parse("{a: " + text + "}").get("a");
    }

    /** The queries of the update statements the database received for the collection. */
    private static List<BsonDocument> updates(String collection) {
        List<BsonDocument> out = new ArrayList<>();
        for (RulesServer.Command c : rules.commands()) {
            if (c.request().isString("update") && c.request().getString("update").getValue().equals(collection)) {
                for (BsonValue statement : c.request().getArray("updates", new BsonArray())) {
                    out.add(statement.asDocument().getDocument("q"));
                }
            }
        }
        return out;
    }

    private static BsonDocument stored(String collection, int id) {
        return rules.collection("shop", collection).find(new BsonDocument("_id", new org.bson.BsonInt32(id))).first();
    }

    private static void refused(String expected, String collection, String user, String args) {
        BsonDocument answer = rules.refused(user, collection, "updateOne", args);
        assertEquals(expected, answer.getString("error").getValue(), answer::toJson);
    }

    @Test
    void anOwnersUpdateByIdGoesStraightToTheDatabaseWithTheOwnerCondition() {
        assertEquals(json("{matchedCount: 1, modifiedCount: 1}"),
                rules.result("u1", "owned", "updateOne", "[{_id: 1}, {$inc: {n: 1}, $set: {seen: true}}]"));
        assertEquals(List.of(), rules.finds("owned"), "no pre-image read");
        assertEquals(List.of(BsonDocument.parse("{$and: [{_id: 1}, {owner_id: {$eq: 'u1'}}]}")), updates("owned"));
        assertEquals(json("{_id: 1, owner_id: 'u1', n: 2, status: 'open', tag: 'a', seen: true}"), stored("owned", 1));
    }

    @Test
    void theFastPathStillLeavesOtherUsersDocumentsAlone() {
        assertEquals(json("{matchedCount: 0, modifiedCount: 0}"),
                rules.result("u1", "owned", "updateOne", "[{_id: 100}, {$set: {n: 0, owner_id: 'u1'}}]"));
        assertEquals(json("{matchedCount: 0, modifiedCount: 0}"),
                rules.result("u1", "owned", "updateOne", "[{n: 9}, {$inc: {n: 1}}]"));
        assertEquals(json("{matchedCount: 0, modifiedCount: 0}"),
                rules.result("u3", "owned", "updateOne", "[{}, {$set: {n: 0}}]"));
        assertEquals(List.of(), rules.finds("owned"));
        assertEquals(List.of(BsonDocument.parse("{$and: [{_id: 100}, {owner_id: {$eq: 'u1'}}]}"),
                BsonDocument.parse("{$and: [{n: 9}, {owner_id: {$eq: 'u1'}}]}"),
                BsonDocument.parse("{owner_id: {$eq: 'u3'}}")), updates("owned"));
        assertEquals(json("{_id: 100, owner_id: 'u2', n: 9, status: 'open', tag: 'a'}"), stored("owned", 100));
        assertEquals(json("{_id: 1, owner_id: 'u1', n: 1, status: 'open', tag: 'a'}"), stored("owned", 1));
    }

    @Test
    void anUnchangedDocumentCountsAsMatchedNotModified() {
        assertEquals(json("{matchedCount: 1, modifiedCount: 0}"),
                rules.result("u1", "owned", "updateOne", "[{tag: 'a'}, {$set: {n: 1}}]"));
        assertEquals(List.of(), rules.finds("owned"));
    }

    @Test
    void whatTheDatabaseRefusesComesBackAndWritesNothing() {
        BsonDocument answer = rules.refused("u1", "owned", "updateOne", "[{_id: 1}, {$inc: {status: 1}}]");
        assertEquals("MongoDBError", answer.getString("code").getValue(), answer::toJson);
        assertEquals(json("{_id: 1, owner_id: 'u1', n: 1, status: 'open', tag: 'a'}"), stored("owned", 1));
    }

    @Test
    void updatesHookssteadMustComputeStillReadThePreImage() {
        // changing _id, a $push modifier other than $each, a positional path: refused as before, after the read
        BsonDocument id = rules.refused("u1", "owned", "updateOne", "[{_id: 1}, {$set: {_id: 5}}]");
        assertTrue(id.getString("error").getValue().contains("immutable field '_id'"), id::toJson);
        BsonDocument slice = rules.refused("u1", "owned", "updateOne", "[{_id: 1}, {$push: {xs: {$each: [1], $slice: 1}}}]");
        assertEquals("InvalidParameter", slice.getString("code").getValue(), slice::toJson);
        BsonDocument positional = rules.refused("u1", "owned", "updateOne", "[{_id: 1}, {$set: {'xs.$': 1}}]");
        assertEquals("InvalidParameter", positional.getString("code").getValue(), positional::toJson);
        assertEquals(3, rules.finds("owned").size());
        assertEquals(List.of(), updates("owned"));
    }

    @Test
    void aWriteThatDependsOnTheUserAloneAndIsFalseStillRefuses() {
        assertEquals(json("{matchedCount: 1, modifiedCount: 1}"),
                rules.result("u1", "byuser", "updateOne", "[{_id: 1}, {$set: {n: 5}}]"));
        assertEquals(List.of(), rules.finds("byuser"));
        rules.seed("shop", "byuser", "{_id: 3, owner_id: 'u4', n: 3}");
        refused("update not permitted", "byuser", "u4", "[{_id: 3}, {$set: {n: 5}}]");
        assertEquals(1, rules.finds("byuser").size(), "u4's write is false: the document is read and judged");
        assertEquals(3, stored("byuser", 3).getInt32("n").getValue());
    }

    @Test
    void fieldLevelWriteRulesStillReadThePreImageAndRefuse() {
        assertEquals(json("{matchedCount: 1, modifiedCount: 1}"),
                rules.result("u1", "fields", "updateOne", "[{_id: 1}, {$set: {n: 5}}]"));
        refused("update not permitted", "fields", "u1", "[{_id: 1}, {$set: {tag: 'b'}}]");
        assertEquals(2, rules.finds("fields").size());
        assertEquals(json("{_id: 1, owner_id: 'u1', n: 5, status: 'open', tag: 'a'}"), stored("fields", 1));
    }

    @Test
    void aSchemaStillReadsThePreImageAndHoldsItsBounds() {
        assertEquals(json("{matchedCount: 1, modifiedCount: 1}"),
                rules.result("u1", "schema", "updateOne", "[{_id: 1}, {$set: {n: 10}}]"));
        for (String update : List.of("{$inc: {n: 1}}", "{$set: {n: -1}}")) {
            BsonDocument answer = rules.refused("u1", "schema", "updateOne", "[{_id: 1}, " + update + "]");
            assertEquals("SchemaValidationFailedWrite", answer.getString("code").getValue(), answer::toJson);
        }
        assertEquals(3, rules.finds("schema").size());
        assertEquals(10, stored("schema", 1).getNumber("n").intValue());
    }

    @Test
    void aWriteThatReadsTheDocumentStillReadsThePreImageAndRefuses() {
        assertEquals(json("{matchedCount: 1, modifiedCount: 1}"),
                rules.result("u1", "bydoc", "updateOne", "[{_id: 1}, {$set: {n: 5}}]"));
        refused("update not permitted", "bydoc", "u1", "[{_id: 2}, {$set: {n: 5}}]");
        assertEquals(2, rules.finds("bydoc").size());
        assertEquals(2, stored("bydoc", 2).getInt32("n").getValue());
    }

    @Test
    void aDocumentWriteFilterStillReadsThePreImageAndRefuses() {
        refused("update not permitted", "gated", "u1", "[{_id: 2}, {$set: {n: 5}}]");
        assertEquals(1, rules.finds("gated").size());
        assertEquals(2, stored("gated", 2).getInt32("n").getValue());
    }
}
