package dev.hookstead.rules;

import dev.hookstead.testing.JsApp;
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
 * An application user tries to read or write past the rules through every door, in the spirit of SandboxEscapeTest.
 * Each attempt gets the documented error or a filtered result, and the database is checked to hold exactly what it
 * held before.
 *
 * <p>shop.secrets: a user owns documents by {@code owner}; {@code secret} and {@code vault} are hidden from everyone,
 * other fields readable and writable. shop.forbidden has {@code roles: []}: no role ever applies.
 */
class RulesBypassTest {

    @RegisterExtension
    static final RulesServer rules = new RulesServer()
            .rule("shop.secrets", """
                    {"database": "shop", "collection": "secrets", "filters": [], "roles": [{"name": "owner",
                      "apply_when": {"owner": "%%user.id"}, "insert": true, "delete": true,
                      "fields": {"secret": {"read": false, "write": false}, "vault": {"read": false, "write": false}},
                      "additional_fields": {"read": true, "write": true}}]}""")
            .rule("shop.forbidden", """
                    {"database": "shop", "collection": "forbidden", "filters": [], "roles": []}""")
            .rule("shop.byFunction", """
                    {"database": "shop", "collection": "byFunction", "filters": [], "roles": [{"name": "checked",
                      "apply_when": {"%%true": {"%function": {"name": "ownsIt", "arguments": ["%%root.owner"]}}},
                      "read": true}]}""")
            .webhook("stash", """
                    exports = async function() {
                      const c = context.services.get("mongodb-atlas").db("shop").collection("secrets");
                      try { globalThis.stashed = c; } catch (e) { }
                      try { Object.prototype.stashed = c; } catch (e) { }
                      return {stored: true};
                    };
                    """)
            .webhook("useStash", """
                    exports = async function() {
                      const c = globalThis.stashed || ({}).stashed;
                      if (!c) return {found: false};
                      return {found: true, docs: await c.find({}).toArray()};
                    };
                    """)
            .webhook("nested", """
                    exports = async function() {
                      return {docs: await context.functions.execute("systemHelper")};
                    };
                    """)
            .app(new JsApp().function("systemHelper", true, """
                    exports = async function() {
                      return context.services.get("mongodb-atlas").db("shop").collection("secrets").find({}).toArray();
                    };
                    """).function("ownsIt", true, """
                    exports = async function(owner) {
                      // as the caller, shop.forbidden shows nothing; as System it would show its document
                      const seen = await context.services.get("mongodb-atlas").db("shop").collection("forbidden")
                          .find({}).toArray();
                      return seen.length === 0 && owner === context.user.id;
                    };
                    """));

    private static final String[] SEED = {
            "{_id: 1, owner: 'u1', name: 'a', secret: 's1', vault: {pin: 1}}",
            "{_id: 2, owner: 'u2', name: 'b', secret: 's2', vault: {pin: 2}}"};

    @BeforeEach
    void seed() {
        rules.start();
        rules.collection("shop", "secrets").drop();
        rules.collection("shop", "forbidden").drop();
        rules.collection("shop", "stolen").drop();
        rules.seed("shop", "secrets", SEED);
        rules.seed("shop", "forbidden", "{_id: 1, data: 'x'}");
    }

    private static BsonValue json(String text) {
        return BsonDocument.parse("{a: " + text + "}").get("a");
    }

    /** The attempt was refused with this code and nothing changed. */
    private void refused(String code, String method, String args) {
        refused(code, "secrets", method, args);
    }

    private void refused(String code, String collection, String method, String args) {
        BsonDocument answer = rules.refused("u1", collection, method, args);
        assertEquals(code, answer.getString("code").getValue(), answer::toJson);
        unchanged();
    }

    /** The attempt succeeded with exactly this (filtered) result and nothing changed. */
    private void filtered(String expected, String collection, String method, String args) {
        assertEquals(json(expected), rules.result("u1", collection, method, args));
        unchanged();
    }

    private void unchanged() {
        List<BsonDocument> expected = List.of(BsonDocument.parse(SEED[0]), BsonDocument.parse(SEED[1]));
        assertEquals(expected, rules.all("shop", "secrets"), "shop.secrets is untouched");
        assertEquals(List.of(BsonDocument.parse("{_id: 1, data: 'x'}")), rules.all("shop", "forbidden"));
        assertEquals(List.of(), rules.all("shop", "stolen"), "nothing was copied out");
    }

    // --- server-side JavaScript and System-only operators

    @Test
    void where() {
        refused("InvalidParameter", "find", "[{$where: 'this.secret == \"s1\"'}]");
    }

    @Test
    void functionOperator() {
        refused("InvalidParameter", "aggregate", "[[{$addFields: {s: {$function: {body: 'function(s) { return s; }',"
                + " args: ['$secret'], lang: 'js'}}}}]]");
    }

    @Test
    void accumulator() {
        refused("InvalidParameter", "aggregate", "[[{$group: {_id: null, all: {$accumulator: {init: 'function() {}',"
                + " accumulate: 'function() {}', accumulateArgs: ['$secret'], merge: 'function() {}', lang: 'js'}}}}]]");
    }

    @Test
    void regexAndExprProbes() {
        refused("InvalidParameter", "find", "[{secret: {$regex: '^s'}}]");
        refused("InvalidParameter", "find", "[{$expr: {$eq: ['$secret', 's1']}}]");
    }

    // --- other collections

    @Test
    void lookupGraphLookupAndUnionWithIntoAForbiddenCollection() {
        refused("InvalidParameter", "aggregate",
                "[[{$lookup: {from: 'forbidden', localField: '_id', foreignField: '_id', as: 'f'}}]]");
        refused("InvalidParameter", "aggregate", "[[{$graphLookup: {from: 'forbidden', startWith: '$_id',"
                + " connectFromField: '_id', connectToField: '_id', as: 'f'}}]]");
        refused("InvalidParameter", "aggregate", "[[{$unionWith: 'forbidden'}]]");
    }

    @Test
    void outAndMerge() {
        refused("InvalidParameter", "aggregate", "[[{$out: 'stolen'}]]");
        refused("InvalidParameter", "aggregate", "[[{$merge: {into: 'stolen'}}]]");
    }

    @Test
    void aForbiddenCollectionShowsNothingAndTakesNothing() {
        filtered("[]", "forbidden", "find", "[{}]");
        filtered("0", "forbidden", "countDocuments", "[{}]");
        refused("NoMatchingRuleFound", "forbidden", "insertOne", "[{_id: 2}]");
        filtered("{matchedCount: 0, modifiedCount: 0}", "forbidden", "updateMany", "[{}, {$set: {data: 'y'}}]");
    }

    // --- revealing hidden fields

    @Test
    void projectAndReplaceRootCannotRevealAHiddenField() {
        filtered("[{_id: 1}]", "secrets", "aggregate", "[[{$project: {s: '$secret', p: '$vault.pin'}}]]");
        filtered("[{}]", "secrets", "aggregate", "[[{$replaceRoot: {newRoot: {x: '$secret'}}}]]");
        filtered("[{_id: 1}]", "secrets", "find", "[{}, {secret: 1, vault: 1}]");
        filtered("[{_id: 1, owner: 'u1', name: 'a'}]", "secrets", "find", "[{}]");
    }

    @Test
    void countAndDistinctDoNotLeakHiddenValues() {
        filtered("0", "secrets", "countDocuments", "[{secret: 's1'}]");
        filtered("0", "secrets", "count", "[{secret: {$exists: true}}]");
        filtered("0", "secrets", "countDocuments", "[{'vault.pin': 1}]");
        filtered("1", "secrets", "countDocuments", "[{}]");
        filtered("[]", "secrets", "distinct", "['secret']");
        filtered("[]", "secrets", "distinct", "['vault.pin']");
        filtered("['a']", "secrets", "distinct", "['name']");
    }

    @Test
    void sortingByAHiddenFieldShowsNothing() {
        filtered("[]", "secrets", "find", "[{}, null, {sort: {secret: 1}}]");
    }

    // --- writing hidden fields

    @Test
    void updateOperatorsCannotWriteAHiddenField() {
        refused("NoMatchingRuleFound", "updateOne", "[{_id: 1}, {$set: {secret: 'mine'}}]");
        refused("NoMatchingRuleFound", "updateOne", "[{_id: 1}, {$rename: {name: 'secret'}}]");
        refused("NoMatchingRuleFound", "updateOne", "[{_id: 1}, {$rename: {secret: 'visible'}}]");
        refused("NoMatchingRuleFound", "updateOne", "[{_id: 1}, {$unset: {secret: ''}}]");
        refused("NoMatchingRuleFound", "updateOne", "[{_id: 1}, {$set: {'vault.pin': 9}}]");
        refused("NoMatchingRuleFound", "updateOne", "[{_id: 1}, {$inc: {'vault.pin': 1}}]");
        refused("NoMatchingRuleFound", "updateMany", "[{}, {$set: {secret: 'all'}}]");
    }

    @Test
    void setOnInsertOnAnUpsertCannotPlantAHiddenField() {
        refused("NoMatchingRuleFound", "updateOne", "[{_id: 9, owner: 'u1'}, {$set: {name: 'n'},"
                + " $setOnInsert: {secret: 'planted'}}, {upsert: true}]");
        refused("NoMatchingRuleFound", "updateOne", "[{_id: 9, owner: 'u2'}, {$set: {name: 'n'}}, {upsert: true}]");
    }

    @Test
    void replacementsCannotDropOrWriteAHiddenField() {
        refused("NoMatchingRuleFound", "findOneAndReplace", "[{_id: 1}, {owner: 'u1', name: 'a'}]");
        refused("NoMatchingRuleFound", "replaceOne", "[{_id: 1}, {owner: 'u1', name: 'a', secret: 'x', vault: {pin: 1}}]");
        refused("NoMatchingRuleFound", "findOneAndUpdate", "[{_id: 1}, {$set: {secret: 'x'}}]");
    }

    @Test
    void aBulkWriteMixingAllowedAndDeniedOperationsWritesNothing() {
        refused("NoMatchingRuleFound", "bulkWrite", "[[{insertOne: {document: {_id: 5, owner: 'u1', name: 'ok'}}},"
                + " {updateOne: {filter: {_id: 1}, update: {$set: {name: 'changed'}}}},"
                + " {updateOne: {filter: {_id: 1}, update: {$set: {secret: 'x'}}}}]]");
    }

    /** The platform applies no change of a failing request (DAS schemas.txt); Hookstead judges all first. */
    @Test
    void insertManyWithOneBadDocumentWritesNone() {
        refused("NoMatchingRuleFound", "insertMany", "[[{_id: 6, owner: 'u1', name: 'fine'},"
                + " {_id: 7, owner: 'u1', secret: 'x'}]]");
        refused("NoMatchingRuleFound", "insertMany", "[[{_id: 6, owner: 'u1'}, {_id: 8, owner: 'u2'}]]");
    }

    @Test
    void changingIdIsRefused() {
        refused("MongoDBError", "updateOne", "[{_id: 1}, {$set: {_id: 100}}]");
        refused("MongoDBError", "replaceOne", "[{_id: 1}, {_id: 100, owner: 'u1', name: 'a', secret: 's1',"
                + " vault: {pin: 1}}]");
    }

    @Test
    void othersDocumentsCannotBeUpdatedDeletedOrTakenOver() {
        filtered("{matchedCount: 0, modifiedCount: 0}", "secrets", "updateOne", "[{_id: 2}, {$set: {owner: 'u1'}}]");
        filtered("{deletedCount: 0}", "secrets", "deleteMany", "[{owner: 'u2'}]");
        filtered("null", "secrets", "findOneAndDelete", "[{_id: 2}]");
        refused("NoMatchingRuleFound", "insertOne", "[{_id: 3, owner: 'u2', name: 'forged'}]");
    }

    @Test
    void positionalUpdatesPipelinesAndArrayFiltersAreRefusedNotGuessed() {
        refused("InvalidParameter", "updateOne", "[{_id: 1}, [{$set: {name: '$secret'}}]]");
        refused("InvalidParameter", "updateOne", "[{_id: 1}, {$set: {'tags.$[t]': 1}}, {arrayFilters: [{t: 1}]}]");
    }

    // --- identity of the caller

    @Test
    void collectionObjectsReusedAcrossCallsRunAsTheCurrentCaller() {
        assertEquals(BsonDocument.parse("{stored: true}"), rules.ok("stash", "system", "{}"));
        BsonDocument used = rules.ok("useStash", "u1", "{}");
        assertTrue(!used.getBoolean("found").getValue()
                        || used.get("docs").equals(json("[{_id: 1, owner: 'u1', name: 'a'}]")), used::toJson);
        unchanged();
    }

    @Test
    void aFunctionInARuleExpressionRunsAsTheCallerUnderTheRules() {
        rules.seed("shop", "byFunction", "{_id: 1, owner: 'u1'}", "{_id: 2, owner: 'u2'}");
        try {
            filtered("[{_id: 1, owner: 'u1'}]", "byFunction", "find", "[{}]");
        } finally {
            rules.collection("shop", "byFunction").drop();
        }
    }

    @Test
    void functionsCalledThroughContextFunctionsExecuteInheritTheCaller() {
        assertEquals(BsonDocument.parse("{docs: [{_id: 1, owner: 'u1', name: 'a'}]}"), rules.ok("nested", "u1", "{}"));
        assertEquals(2, rules.ok("nested", "system", "{}").getArray("docs").size());
        assertEquals(new BsonArray(List.of(json("{_id: 1, owner: 'u1', name: 'a'}"))),
                rules.ok("nested", "u1", "{}").getArray("docs"));
    }
}
