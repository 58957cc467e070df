package dev.hookstead.rules;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each collection method as an application user: allowed, denied and filtered. shop.owned: a user reads and writes
 * the documents whose {@code owner} is theirs, except {@code cost}, hidden and unwritable (so deleting or replacing a
 * document with a cost is refused). shop.active: everything allowed, but a filter keeps every query to
 * {@code active: true}.
 */
class RulesPerOperationTest {

    @RegisterExtension
    static final RulesServer rules = new RulesServer()
            .rule("shop.owned", """
                    {"database": "shop", "collection": "owned", "filters": [], "roles": [{"name": "owner",
                      "apply_when": {"owner": "%%user.id"}, "insert": true, "delete": true,
                      "fields": {"cost": {"read": false, "write": false}},
                      "additional_fields": {"read": true, "write": true}}]}""")
            .rule("shop.active", """
                    {"database": "shop", "collection": "active", "roles": [{"name": "all", "apply_when": {},
                      "read": true, "write": true}],
                     "filters": [{"name": "activeOnly", "apply_when": {"%%user.type": "normal"},
                                  "query": {"active": true}, "projection": {}}]}""");

    private static final String[] OWNED = {"{_id: 1, owner: 'u1', name: 'a', cost: 10}",
            "{_id: 2, owner: 'u2', name: 'b', cost: 20}", "{_id: 3, owner: 'u1', name: 'c'}"};
    private static final String[] ACTIVE = {"{_id: 1, active: true, n: 1}", "{_id: 2, active: false, n: 2}"};

    @BeforeEach
    void seed() {
        rules.start();
        rules.collection("shop", "owned").drop();
        rules.collection("shop", "active").drop();
        rules.seed("shop", "owned", OWNED);
        rules.seed("shop", "active", ACTIVE);
    }

    private static BsonValue json(String text) {
        return BsonDocument.parse("{a: " + text + "}").get("a");
    }

    private void result(String expected, String collection, String method, String args) {
        assertEquals(json(expected), rules.result("u1", collection, method, args), method + args);
    }

    private void refused(String message, String collection, String method, String args) {
        BsonDocument answer = rules.refused("u1", collection, method, args);
        assertEquals(message, answer.getString("error").getValue(), answer::toJson);
    }

    private void holds(String collection, String... documents) {
        assertEquals(java.util.Arrays.stream(documents).map(BsonDocument::parse).toList(), rules.all("shop", collection));
    }

    @Test
    void findOneFindCountAndDistinctShowOnlyWhatTheRolesAndFiltersLet() {
        result("{_id: 1, owner: 'u1', name: 'a'}", "owned", "findOne", "[{_id: 1}]");
        result("null", "owned", "findOne", "[{_id: 2}]");
        result("{_id: 3, owner: 'u1', name: 'c'}", "owned", "findOne", "[{}, null, {sort: {name: -1}}]");
        result("[{_id: 1, owner: 'u1', name: 'a'}, {_id: 3, owner: 'u1', name: 'c'}]", "owned", "find", "[{}]");
        result("[{name: 'c'}]", "owned", "find", "[{}, {name: 1, _id: 0}, {sort: {name: -1}, limit: 1}]");
        result("[{_id: 3, owner: 'u1', name: 'c'}]", "owned", "find", "[{}, null, {skip: 1}]");
        result("2", "owned", "count", "[{}]");
        result("1", "owned", "countDocuments", "[{}, {limit: 1}]");
        result("['a', 'c']", "owned", "distinct", "['name']");
        result("[{_id: 1, active: true, n: 1}]", "active", "find", "[{}]");
        result("1", "active", "countDocuments", "[{}]");
        result("[{_id: 1, n: 1}]", "active", "aggregate", "[[{$project: {active: 0}}]]");
        assertEquals(json("[{_id: 1, active: true, n: 1}, {_id: 2, active: false, n: 2}]"),
                rules.result("system", "active", "find", "[{}]"), "System is not filtered");
    }

    @Test
    void aggregateRunsTheRulesFirstAndRefusesSystemOnlyStages() {
        result("[{_id: null, names: ['a', 'c']}]", "owned", "aggregate",
                "[[{$sort: {name: 1}}, {$group: {_id: null, names: {$push: '$name'}}}]]");
        result("[{_id: null, total: 0}]", "owned", "aggregate", "[[{$group: {_id: null, total: {$sum: '$cost'}}}]]");
        refused("the aggregation stage $lookup is not available to application users: only System functions may use"
                + " it (their MongoDB rules cannot be applied to it)", "owned", "aggregate",
                "[[{$lookup: {from: 'active', localField: '_id', foreignField: '_id', as: 'x'}}]]");
    }

    @Test
    void insertsAreAllowedDeniedAndAllOrNothing() {
        result("{insertedId: 4}", "owned", "insertOne", "[{_id: 4, owner: 'u1', name: 'd'}]");
        refused("insert not permitted", "owned", "insertOne", "[{_id: 5, owner: 'u2', name: 'e'}]");
        refused("insert not permitted", "owned", "insertOne", "[{_id: 5, owner: 'u1', cost: 1}]");
        result("{insertedIds: [5, 6]}", "owned", "insertMany", "[[{_id: 5, owner: 'u1'}, {_id: 6, owner: 'u1'}]]");
        refused("insert not permitted", "owned", "insertMany", "[[{_id: 7, owner: 'u1'}, {_id: 8, owner: 'u2'}]]");
        assertEquals(6, rules.all("shop", "owned").size(), "4, 5 and 6 were inserted, 7 and 8 were not");
    }

    @Test
    void updatesAreAllowedDeniedAndFiltered() {
        result("{matchedCount: 1, modifiedCount: 1}", "owned", "updateOne", "[{_id: 1}, {$set: {name: 'A'}}]");
        result("{matchedCount: 0, modifiedCount: 0}", "owned", "updateOne", "[{_id: 2}, {$set: {name: 'B'}}]");
        refused("update not permitted", "owned", "updateOne", "[{_id: 1}, {$set: {cost: 0}}]");
        result("{matchedCount: 2, modifiedCount: 2}", "owned", "updateMany", "[{}, {$inc: {seen: 1}}]");
        refused("update not permitted", "owned", "updateMany", "[{}, {$unset: {cost: 1}}]");
        result("{matchedCount: 1, modifiedCount: 1}", "active", "updateMany", "[{}, {$set: {n: 9}}]");
        result("{matchedCount: 0, modifiedCount: 0}", "active", "updateOne", "[{_id: 2}, {$set: {n: 9}}]");
        result("{matchedCount: 0, modifiedCount: 0, upsertedId: 3}", "active", "updateOne",
                "[{_id: 3}, {$set: {n: 3}}, {upsert: true}]");
        holds("owned", "{_id: 1, owner: 'u1', name: 'A', cost: 10, seen: 1}",
                "{_id: 2, owner: 'u2', name: 'b', cost: 20}", "{_id: 3, owner: 'u1', name: 'c', seen: 1}");
        holds("active", "{_id: 1, active: true, n: 9}", "{_id: 2, active: false, n: 2}",
                "{_id: 3, active: true, n: 3}");
    }

    @Test
    void replacementsAreAllowedAndDenied() {
        result("{matchedCount: 1, modifiedCount: 1}", "owned", "replaceOne", "[{_id: 3}, {owner: 'u1', name: 'C'}]");
        refused("update not permitted", "owned", "replaceOne", "[{_id: 1}, {owner: 'u1', name: 'A'}]");
        result("{_id: 3, owner: 'u1', name: 'C'}", "owned", "findOneAndReplace",
                "[{_id: 3}, {owner: 'u1', name: 'D'}]");
        result("{_id: 3, owner: 'u1', name: 'E'}", "owned", "findOneAndReplace",
                "[{_id: 3}, {owner: 'u1', name: 'E'}, {returnNewDocument: true}]");
        holds("owned", OWNED[0], OWNED[1], "{_id: 3, owner: 'u1', name: 'E'}");
    }

    @Test
    void findOneAndUpdateReturnsTheDocumentThroughTheReadRules() {
        result("{_id: 1, owner: 'u1', name: 'Z'}", "owned", "findOneAndUpdate",
                "[{_id: 1}, {$set: {name: 'Z'}}, {returnNewDocument: true}]");
        result("{name: 'Z'}", "owned", "findOneAndUpdate", "[{_id: 1}, {$set: {name: 'Y'}}, {projection: {name: 1, _id: 0}}]");
        result("null", "owned", "findOneAndUpdate", "[{_id: 2}, {$set: {name: 'Y'}}]");
        refused("update not permitted", "owned", "findOneAndUpdate", "[{_id: 1}, {$inc: {cost: 1}}]");
    }

    @Test
    void deletesAreAllowedDeniedAndFiltered() {
        refused("delete not permitted", "owned", "deleteOne", "[{_id: 1}]");
        result("{deletedCount: 1}", "owned", "deleteOne", "[{_id: 3}]");
        result("{deletedCount: 0}", "owned", "deleteOne", "[{_id: 2}]");
        refused("delete not permitted", "owned", "findOneAndDelete", "[{_id: 1}]");
        result("{deletedCount: 1}", "active", "deleteMany", "[{}]");
        result("null", "active", "findOneAndDelete", "[{_id: 2}]");
        holds("owned", OWNED[0], OWNED[1]);
        holds("active", ACTIVE[1]);
    }

    @Test
    void bulkWriteAppliesEachOperationsRulesAndWritesAllOrNothing() {
        result("{insertedCount: 1, matchedCount: 1, modifiedCount: 1, deletedCount: 1, upsertedCount: 0,"
                + " insertedIds: {'0': 4}, upsertedIds: {}}", "owned", "bulkWrite",
                "[[{insertOne: {document: {_id: 4, owner: 'u1'}}}, {updateOne: {filter: {_id: 4},"
                        + " update: {$set: {name: 'd'}}}}, {deleteOne: {filter: {_id: 3}}}]]");
        refused("delete not permitted", "owned", "bulkWrite",
                "[[{insertOne: {document: {_id: 5, owner: 'u1'}}}, {deleteOne: {filter: {_id: 1}}}]]");
        holds("owned", OWNED[0], OWNED[1], "{_id: 4, owner: 'u1', name: 'd'}");
    }

    @Test
    void unsupportedArgumentsGetTheUsualErrors() {
        refused("collection.updateOne: Invalid BSON field name name; an update takes only update operators such as"
                + " $set (use replaceOne to replace)", "owned", "updateOne", "[{_id: 1}, {name: 'x'}]");
        refused("Unknown modifier: $who. Expected a valid update modifier or pipeline-style update specified as an"
                + " array", "owned", "updateOne", "[{_id: 1}, {$who: {name: 'x'}}]");
        assertEquals(List.of(BsonDocument.parse(OWNED[0]), BsonDocument.parse(OWNED[1]), BsonDocument.parse(OWNED[2])),
                rules.all("shop", "owned"));
    }
}
