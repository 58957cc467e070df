package dev.hookstead.rules;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each worked example of the rules reference (spec mongodb-rules section 6), over HTTP and the real driver. */
class RulesWorkedExamplesTest {

    @RegisterExtension
    static final RulesServer rules = new RulesServer().customData()
            .rule("shop.notes", """
                {"database": "shop", "collection": "notes", "filters": [], "roles": [{"name": "owner",
                  "apply_when": {"owner_id": "%%user.id"}, "read": true, "write": true, "insert": true, "delete": true}]}""")
            .rule("shop.shared", """
                {"database": "shop", "collection": "shared", "filters": [], "roles": [{"name": "owners",
                  "apply_when": {"%%root.owners": "%%user.id"}, "read": true, "write": true}]}""")
            .rule("default_rule", """
                {"roles": [{"name": "owner", "apply_when": {"userId": "%%user.id"}, "read": true}], "filters": []}""")
            .rule("shop.staff", """
                {"database": "shop", "collection": "staff", "filters": [], "roles": [
                 {"name": "Manager", "apply_when": {"email": "%%user.custom_data.manages"},
                  "insert": true, "delete": true, "read": true, "write": true, "search": true,
                  "fields": {}, "additional_fields": {"read": true, "write": true}},
                 {"name": "Employee", "apply_when": {"email": "%%user.data.email"},
                  "insert": false, "delete": false, "read": true, "write": true, "search": true,
                  "fields": {}, "additional_fields": {"read": true, "write": true}}]}""")
            .rule("shop.orders", """
                {"database": "shop", "collection": "orders", "roles": [{"name": "all", "apply_when": {}, "read": true}],
                 "filters": [{"name": "owner", "apply_when": {"%%true": true}, "query": {"owner_id": "%%user.id"},
                              "projection": {}}]}""")
            .rule("shop.votes", """
                {"database": "shop", "collection": "votes", "roles": [{"name": "all", "apply_when": {}, "read": true}],
                 "filters": [{"name": "AnonymizeVotes", "apply_when": true, "query": {"shareVoteAnonymous": true},
                              "projection": {"_id": 0, "age": 1, "vote": 1}}]}""")
            .rule("shop.people", """
                {"database": "shop", "collection": "people", "filters": [], "roles": [{"name": "hide",
                  "apply_when": {}, "insert": true, "delete": true,
                  "fields": {"secret": {"read": false, "write": false}},
                  "additional_fields": {"read": true, "write": true}}]}""")
            .rule("shop.locked", """
                {"database": "shop", "collection": "locked", "filters": [], "roles": [{"name": "lock",
                  "apply_when": {}, "insert": true, "delete": true, "read": true,
                  "fields": {"status": {"read": true, "write": false}}, "additional_fields": {"write": true}}]}""")
            .rule("shop.log", """
                {"database": "shop", "collection": "log", "filters": [], "roles": [{"name": "insertOnly",
                  "apply_when": {}, "delete": false, "insert": true,
                  "write": {"%%prevRoot": {"%exists": false}}, "additional_fields": {}}]}""")
            .rule("shop.emb", """
                {"database": "shop", "collection": "emb", "filters": [], "roles": [{"name": "canReadEmbeddedField",
                  "apply_when": {}, "delete": true, "insert": true,
                  "fields": {"someEmbeddedDocument": {"fields": {"someEmbeddedField": {"read": true, "write": true}}}},
                  "additional_fields": {}}]}""")
            .rule("shop.things", """
                {"database": "shop", "collection": "things", "filters": [], "roles": [{"name": "all", "apply_when": {},
                  "read": true, "write": true, "insert": true, "delete": true}],
                 "schema": {"title": "Thing", "bsonType": "object", "required": ["owner_id"], "properties": {
                   "owner_id": {"bsonType": "string",
                                "validate": {"%or": [{"%%prev": {"%exists": false}}, {"%%prev": "%%this"}]}},
                   "name": {"bsonType": "string"}}}}""")
            .rule("shop.ids", """
                {"database": "shop", "collection": "ids", "filters": [], "roles": [{"name": "r", "apply_when": {},
                  "read": true, "insert": true, "fields": {"_id": {"write": false}},
                  "additional_fields": {"write": true}}]}""")
            .rule("shop.none", """
                    {"database": "shop", "collection": "none", "filters": [],
                     "roles": [{"name": "none", "apply_when": {}, "read": false}]}""");

    private static BsonDocument refusal(String message, String code) {
        return new BsonDocument("error", new org.bson.BsonString(message)).append("code", new org.bson.BsonString(code));
    }

    private static BsonValue docs(String json) {
        return BsonDocument.parse("{a: " + json + "}").get("a");
    }

    @Test
    void ex1OwnerApplyWhenSelectsEachDocumentsRoleByItsOwnerAlsoInAnArrayOfOwners() {
        rules.start();
        rules.seed("shop", "notes", "{_id: 1, owner_id: 'u1', text: 'mine'}", "{_id: 2, owner_id: 'u2', text: 'theirs'}");
        rules.seed("shop", "shared", "{_id: 1, owners: ['u1', 'u2']}", "{_id: 2, owners: ['u2']}");

        assertEquals(docs("[{_id: 1, owner_id: 'u1', text: 'mine'}]"), rules.result("u1", "notes", "find", "[{}]"));
        assertEquals(docs("[{_id: 1, owners: ['u1', 'u2']}]"), rules.result("u1", "shared", "find", "[{}]"));
        assertEquals(docs("[{_id: 1, owners: ['u1', 'u2']}, {_id: 2, owners: ['u2']}]"),
                rules.result("u2", "shared", "find", "[{}]"));
        assertEquals(BsonDocument.parse("{matchedCount: 0, modifiedCount: 0}"),
                rules.result("u1", "notes", "updateOne", "[{_id: 2}, {$set: {text: 'hacked'}}]"));
        assertEquals(BsonDocument.parse("{_id: 2, owner_id: 'u2', text: 'theirs'}"), rules.all("shop", "notes").get(1));
    }

    @Test
    void ex2DefaultOwnerReadOnlyRuleOmitsOthersDocumentsAndRefusesEveryWrite() {
        rules.start();
        rules.seed("app", "items", "{_id: 1, userId: 'u1', n: 1}", "{_id: 2, userId: 'u2', n: 2}");
        assertEquals(docs("[{_id: 1, userId: 'u1', n: 1}]"), rules.result("u1", "app.items", "find", "[{}]"));
        assertEquals(refusal("update not permitted", "NoMatchingRuleFound"),
                rules.refused("u1", "app.items", "updateOne", "[{_id: 1}, {$set: {n: 5}}]"));
        assertEquals(refusal("insert not permitted", "NoMatchingRuleFound"),
                rules.refused("u1", "app.items", "insertOne", "[{userId: 'u1', n: 3}]"));
        assertEquals(refusal("delete not permitted", "NoMatchingRuleFound"),
                rules.refused("u1", "app.items", "deleteOne", "[{_id: 1}]"));
        assertEquals(List.of(BsonDocument.parse("{_id: 1, userId: 'u1', n: 1}"),
                BsonDocument.parse("{_id: 2, userId: 'u2', n: 2}")), rules.all("app", "items"));
    }

    @Test
    void ex3ManagerAndEmployeeRolesAreTriedInOrderAndNeitherMatchingMeansNoAccess() {
        rules.start();
        rules.seed("meta", "users", "{_id: 1, user_id: 'boss', manages: 'e@x.org'}");
        rules.seed("shop", "staff", "{_id: 1, email: 'e@x.org', salary: 5}", "{_id: 2, email: 'f@x.org', salary: 6}");
        assertEquals(docs("[{_id: 1, email: 'e@x.org', salary: 5}]"), rules.result("boss", "staff", "find", "[{}]"));
        assertEquals(docs("[]"), rules.result("u9", "staff", "find", "[{}]"));
        assertEquals(BsonDocument.parse("{deletedCount: 0}"), rules.result("u9", "staff", "deleteMany", "[{}]"));
        assertEquals(BsonDocument.parse("{deletedCount: 1}"), rules.result("boss", "staff", "deleteMany", "[{}]"));
        assertEquals(List.of(BsonDocument.parse("{_id: 2, email: 'f@x.org', salary: 6}")), rules.all("shop", "staff"));
    }

    @Test
    void ex4FiltersScopeEveryQueryToTheOwnerAndShapeTheVotes() {
        rules.start();
        rules.seed("shop", "orders", "{_id: 1, owner_id: 'u1'}", "{_id: 2, owner_id: 'u2'}", "{_id: 3, owner_id: 'u1'}");
        rules.seed("shop", "votes", "{_id: 1, age: 30, vote: 'a', name: 'x', shareVoteAnonymous: true}",
                "{_id: 2, age: 40, vote: 'b', name: 'y', shareVoteAnonymous: false}");
        assertEquals(docs("[{_id: 1, owner_id: 'u1'}, {_id: 3, owner_id: 'u1'}]"),
                rules.result("u1", "orders", "find", "[{}]"));
        assertEquals(new org.bson.BsonInt32(2), rules.result("u1", "orders", "count", "[{}]"));
        assertEquals(docs("[]"), rules.result("u1", "orders", "find", "[{owner_id: 'u2'}]"));
        assertEquals(docs("[{age: 30, vote: 'a'}]"), rules.result("u1", "votes", "find", "[{}]"));
        assertEquals(docs("[{age: 30, vote: 'a'}]"), rules.result("u1", "votes", "aggregate", "[[]]"));
    }

    @Test
    void ex6FieldRulesHideAFieldAndLockAnother() {
        rules.start();
        rules.seed("shop", "people", "{_id: 1, name: 'a', secret: 's'}");
        rules.seed("shop", "locked", "{_id: 1, name: 'a', status: 'new'}");
        assertEquals(docs("[{_id: 1, name: 'a'}]"), rules.result("u1", "people", "find", "[{}]"));
        assertEquals(refusal("update not permitted", "NoMatchingRuleFound"),
                rules.refused("u1", "people", "updateOne", "[{_id: 1}, {$set: {secret: 't'}}]"));
        assertEquals(BsonDocument.parse("{matchedCount: 1, modifiedCount: 1}"),
                rules.result("u1", "people", "updateOne", "[{_id: 1}, {$set: {name: 'b'}}]"));
        assertEquals(BsonDocument.parse("{_id: 1, name: 'b', secret: 's'}"), rules.all("shop", "people").get(0));
        assertEquals(docs("[{_id: 1, name: 'a', status: 'new'}]"), rules.result("u1", "locked", "find", "[{}]"));
        assertEquals(refusal("update not permitted", "NoMatchingRuleFound"),
                rules.refused("u1", "locked", "updateOne", "[{_id: 1}, {$set: {status: 'done'}}]"));
        assertEquals(BsonDocument.parse("{matchedCount: 1, modifiedCount: 1}"),
                rules.result("u1", "locked", "updateOne", "[{_id: 1}, {$set: {name: 'b'}}]"));
    }

    @Test
    void ex7AnInsertOnlyRoleInsertsButNeitherReadsNorUpdates() {
        rules.start();
        assertEquals(BsonDocument.parse("{insertedId: 1}"), rules.result("u1", "log", "insertOne", "[{_id: 1, m: 'x'}]"));
        assertEquals(docs("[]"), rules.result("u1", "log", "find", "[{}]"));
        // a query on a field the caller cannot read matches nothing; an unconditional one meets the role's refusal
        assertEquals(BsonDocument.parse("{matchedCount: 0, modifiedCount: 0}"),
                rules.result("u1", "log", "updateOne", "[{_id: 1}, {$set: {m: 'y'}}]"));
        assertEquals(refusal("update not permitted", "NoMatchingRuleFound"),
                rules.refused("u1", "log", "updateOne", "[{}, {$set: {m: 'y'}}]"));
        assertEquals(refusal("delete not permitted", "NoMatchingRuleFound"),
                rules.refused("u1", "log", "deleteOne", "[{}]"));
        assertEquals(List.of(BsonDocument.parse("{_id: 1, m: 'x'}")), rules.all("shop", "log"));
    }

    @Test
    void ex8EmbeddedFieldPermissionsShowAndWriteOnlyThatField() {
        rules.start();
        rules.seed("shop", "emb", "{_id: 1, top: 1, someEmbeddedDocument: {someEmbeddedField: 'v', other: 'o'}}");
        assertEquals(docs("[{someEmbeddedDocument: {someEmbeddedField: 'v'}}]"), rules.result("u1", "emb", "find", "[{}]"));
        assertEquals(BsonDocument.parse("{matchedCount: 1, modifiedCount: 1}"), rules.result("u1", "emb", "updateOne",
                "[{}, {$set: {'someEmbeddedDocument.someEmbeddedField': 'w'}}]"));
        assertEquals(refusal("update not permitted", "NoMatchingRuleFound"), rules.refused("u1", "emb", "updateOne",
                "[{}, {$set: {'someEmbeddedDocument.other': 'p'}}]"));
        assertEquals(refusal("update not permitted", "NoMatchingRuleFound"),
                rules.refused("u1", "emb", "updateOne", "[{}, {$set: {top: 2}}]"));
        assertEquals(BsonDocument.parse("{_id: 1, top: 1, someEmbeddedDocument: {someEmbeddedField: 'w', other: 'o'}}"),
                rules.all("shop", "emb").get(0));
    }

    @Test
    void ex9ASchemaValidateExpressionKeepsOwnerIdImmutableAndTypesAreEnforced() {
        rules.start();
        assertEquals(BsonDocument.parse("{insertedId: 1}"),
                rules.result("u1", "things", "insertOne", "[{_id: 1, owner_id: 'u1', name: 'a'}]"));
        assertEquals(refusal("update not permitted", "SchemaValidationFailedWrite"),
                rules.refused("u1", "things", "updateOne", "[{_id: 1}, {$set: {owner_id: 'u2'}}]"));
        assertEquals(refusal("update not permitted", "SchemaValidationFailedWrite"),
                rules.refused("u1", "things", "updateOne", "[{_id: 1}, {$set: {name: 42}}]"));
        assertEquals(refusal("insert not permitted", "SchemaValidationFailedWrite"),
                rules.refused("u1", "things", "insertOne", "[{_id: 2, name: 'no owner'}]"));
        assertEquals(BsonDocument.parse("{matchedCount: 1, modifiedCount: 1}"),
                rules.result("u1", "things", "updateOne", "[{_id: 1}, {$set: {name: 'b'}}]"));
        assertEquals(List.of(BsonDocument.parse("{_id: 1, owner_id: 'u1', name: 'b'}")), rules.all("shop", "things"));
    }

    @Test
    void ex10AWriteProtectedIdMakesEveryInsertFail() {
        rules.start();
        assertEquals(refusal("insert not permitted", "NoMatchingRuleFound"),
                rules.refused("u1", "ids", "insertOne", "[{name: 'a'}]"));
        assertEquals(refusal("insert not permitted", "NoMatchingRuleFound"),
                rules.refused("u1", "ids", "insertOne", "[{_id: 7, name: 'a'}]"));
        assertEquals(List.of(), rules.all("shop", "ids"));
    }

    @Test
    void systemBypassesEveryRuleAndSchema() {
        rules.start();
        assertEquals(BsonDocument.parse("{insertedId: 1}"), rules.result("system", "none", "insertOne", "[{_id: 1}]"));
        assertEquals(docs("[{_id: 1}]"), rules.result("system", "none", "find", "[{}]"));
        assertEquals(new BsonArray(), rules.result("u1", "none", "find", "[{}]"));
        assertEquals(refusal("insert not permitted", "NoMatchingRuleFound"),
                rules.refused("u1", "none", "insertOne", "[{_id: 2}]"));
    }
}
