package dev.hookstead.rules;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The role selection runs in the database: with an owner rule, reads and the pre-image reads of writes send the owner
 * condition (the user's id expanded) in the {@code find} command, so documents no role lets the caller read never
 * leave the database. Checked on what the wire-protocol server itself received and sent back. shop.mine: 3 documents
 * of u1 among 40 of others. shop.tiered: a first role that reads and writes nothing for {@code status: 'locked'},
 * then the owner role. shop.opaque: an owner rule through {@code %%prevRoot}, which no query can express.
 */
class RulesQueryPushdownTest {

    private static final int OTHERS = 40;
    private static final BsonDocument OWNED_BY_U1 = BsonDocument.parse("{owner_id: {$eq: 'u1'}}");

    @RegisterExtension
    static final RulesServer rules = new RulesServer()
            .rule("shop.mine", """
                    {"database": "shop", "collection": "mine", "filters": [], "roles": [{"name": "owner",
                      "apply_when": {"owner_id": "%%user.id"}, "read": true, "write": true}]}""")
            .rule("shop.tiered", """
                    {"database": "shop", "collection": "tiered", "filters": [], "roles": [
                      {"name": "locked", "apply_when": {"status": "locked"}, "read": false, "write": false,
                       "insert": false, "delete": false},
                      {"name": "owner", "apply_when": {"owner_id": "%%user.id"}, "read": true, "write": true}]}""")
            .rule("shop.opaque", """
                    {"database": "shop", "collection": "opaque", "filters": [], "roles": [{"name": "owner",
                      "apply_when": {"%%prevRoot.owner_id": "%%user.id"}, "read": true, "write": true}]}""");

    @BeforeEach
    void seed() {
        rules.start();
        for (String name : List.of("mine", "tiered", "opaque")) {
            rules.collection("shop", name).drop();
            rules.seed("shop", name, "{_id: 1, owner_id: 'u1', n: 1}", "{_id: 2, owner_id: 'u1', n: 2}",
                    "{_id: 3, owner_id: 'u1', n: 3, status: 'locked'}");
            for (int i = 0; i < OTHERS; i++) rules.seed("shop", name, "{_id: " + (100 + i) + ", owner_id: 'u2', n: 9}");
        }
        rules.clearCommands();
    }

    private static BsonValue json(String text) {
        return BsonDocument.parse("{a: " + text + "}").get("a");
    }

    /** How many documents the database sent back for the collection's find and getMore commands. */
    private static int sent(String collection) {
        int count = 0;
        for (RulesServer.Command c : rules.commands()) {
            BsonDocument request = c.request();
            boolean find = request.isString("find") && request.getString("find").getValue().equals(collection);
            boolean more = request.containsKey("getMore") && request.isString("collection")
                    && request.getString("collection").getValue().equals(collection);
            if (!find && !more) continue;
            BsonDocument cursor = c.reply().getDocument("cursor");
            count += cursor.getArray(find ? "firstBatch" : "nextBatch", new BsonArray()).size();
        }
        return count;
    }

    /** Whether the query requires the condition, alone or as a clause of a top-level $and. */
    private static boolean requires(BsonDocument filter, BsonDocument condition) {
        if (filter.equals(condition)) return true;
        return filter.size() == 1 && filter.isArray("$and") && filter.getArray("$and").contains(condition);
    }

    private void assertEveryFindRequires(String collection, BsonDocument condition) {
        List<BsonDocument> filters = rules.finds(collection);
        assertTrue(!filters.isEmpty(), "no find command reached the database");
        for (BsonDocument filter : filters) {
            assertTrue(requires(filter, condition), () -> "find on " + collection + " sent " + filter.toJson());
        }
    }

    @Test
    void findSendsTheOwnerConditionAndOnlyOwnedDocumentsLeaveTheDatabase() {
        assertEquals(json("[{_id: 1, owner_id: 'u1', n: 1}, {_id: 2, owner_id: 'u1', n: 2},"
                + " {_id: 3, owner_id: 'u1', n: 3, status: 'locked'}]"), rules.result("u1", "mine", "find", "[{}]"));
        assertEquals(List.of(OWNED_BY_U1), rules.finds("mine"));
        assertEquals(3, sent("mine"));
    }

    @Test
    void theCallersQueryIsKeptBesideTheOwnerCondition() {
        assertEquals(json("[{_id: 2, owner_id: 'u1', n: 2}]"), rules.result("u1", "mine", "find", "[{n: 2}]"));
        assertEquals(List.of(BsonDocument.parse("{$and: [{n: 2}, {owner_id: {$eq: 'u1'}}]}")), rules.finds("mine"));
        assertEquals(json("[]"), rules.result("u1", "mine", "find", "[{n: 9}]"));
        assertEquals(1, sent("mine"), "only the document the caller gets left the database");
    }

    @Test
    void aQueryByIdAloneIsSentAsItIsAndItsDocumentStillJudged() {
        assertEquals(json("null"), rules.result("u1", "mine", "findOne", "[{_id: 100}]"));
        assertEquals(json("{_id: 1, owner_id: 'u1', n: 1}"), rules.result("u1", "mine", "findOne", "[{_id: 1}]"));
        // a write's pre-image read too (updateOne sends no read here: RulesUpdateWithoutPreImageTest)
        assertEquals(json("{deletedCount: 0}"), rules.result("u1", "mine", "deleteOne", "[{_id: 101}]"));
        assertEquals(List.of(BsonDocument.parse("{_id: 100}"), BsonDocument.parse("{_id: 1}"),
                BsonDocument.parse("{_id: 101}")), rules.finds("mine"));
        assertEquals(9, rules.collection("shop", "mine").find(BsonDocument.parse("{_id: 101}")).first().getInt32("n")
                .getValue());
    }

    @Test
    void findOneCountAndDistinctSendTheOwnerCondition() {
        assertEquals(json("{_id: 3, owner_id: 'u1', n: 3, status: 'locked'}"),
                rules.result("u1", "mine", "findOne", "[{}, null, {sort: {n: -1}}]"));
        assertEquals(json("3"), rules.result("u1", "mine", "count", "[{}]"));
        assertEquals(json("2"), rules.result("u1", "mine", "countDocuments", "[{n: {$lt: 3}}]"));
        assertEquals(json("[1, 2, 3]"), rules.result("u1", "mine", "distinct", "['n']"));
        assertEquals(4, rules.finds("mine").size());
        assertEveryFindRequires("mine", OWNED_BY_U1);
        assertTrue(sent("mine") <= 3 + 3 + 2 + 3, () -> "documents of u2 left the database: " + sent("mine"));
    }

    @Test
    void writesReadTheirPreImagesThroughTheOwnerCondition() {
        assertEquals(json("{matchedCount: 3, modifiedCount: 3}"),
                rules.result("u1", "mine", "updateMany", "[{}, {$set: {seen: true}}]"));
        assertEquals(json("{matchedCount: 1, modifiedCount: 1}"),
                rules.result("u1", "mine", "replaceOne", "[{n: 1}, {owner_id: 'u1', n: 10}]"));
        assertEquals(json("{_id: 2, owner_id: 'u1', n: 2, seen: true}"),
                rules.result("u1", "mine", "findOneAndUpdate", "[{n: 2}, {$inc: {n: 1}}]"));
        assertEquals(json("{matchedCount: 0, modifiedCount: 0}"),
                rules.result("u1", "mine", "updateOne", "[{n: 9}, {$set: {n: 0}}]"));
        assertEquals(json("{deletedCount: 1}"), rules.result("u1", "mine", "deleteOne", "[{n: 3}]"));
        assertEveryFindRequires("mine", OWNED_BY_U1);
        assertEquals(OTHERS, rules.collection("shop", "mine").countDocuments(BsonDocument.parse(
                "{owner_id: 'u2', n: 9, seen: {$exists: false}}")), "documents of u2 unchanged");
    }

    @Test
    void aRoleThatReadsNothingKeepsItsDocumentsInTheDatabaseAheadOfTheOwnerRole() {
        assertEquals(json("[{_id: 1, owner_id: 'u1', n: 1}, {_id: 2, owner_id: 'u1', n: 2}]"),
                rules.result("u1", "tiered", "find", "[{}]"));
        assertEquals(List.of(BsonDocument.parse("{$and: [{owner_id: {$eq: 'u1'}},"
                + " {$nor: [{status: {$eq: 'locked'}}]}]}")), rules.finds("tiered"));
        assertEquals(2, sent("tiered"));
    }

    @Test
    void writesStillMeetTheRoleThatForbidsThem() {
        // the locked document has a role (one that forbids writing), so it is matched and refuses the whole update
        BsonDocument answer = rules.refused("u1", "tiered", "updateMany", "[{}, {$set: {seen: true}}]");
        assertEquals("update not permitted", answer.getString("error").getValue(), answer::toJson);
        assertEquals(List.of(BsonDocument.parse("{$or: [{status: {$eq: 'locked'}}, {owner_id: {$eq: 'u1'}}]}")),
                rules.finds("tiered"));
        assertEquals(0, rules.collection("shop", "tiered").countDocuments(BsonDocument.parse("{seen: true}")));
    }

    @Test
    void rolesNoQueryCanExpressAreStillJudgedPerDocument() {
        assertEquals(json("[{_id: 1, owner_id: 'u1', n: 1}, {_id: 2, owner_id: 'u1', n: 2},"
                + " {_id: 3, owner_id: 'u1', n: 3, status: 'locked'}]"), rules.result("u1", "opaque", "find", "[{}]"));
        assertEquals(List.of(new BsonDocument()), rules.finds("opaque"));
        assertEquals(json("{matchedCount: 3, modifiedCount: 3}"),
                rules.result("u1", "opaque", "updateMany", "[{}, {$set: {seen: true}}]"));
        assertEquals(OTHERS, rules.collection("shop", "opaque").countDocuments(BsonDocument.parse(
                "{seen: {$exists: false}}")));
    }
}
