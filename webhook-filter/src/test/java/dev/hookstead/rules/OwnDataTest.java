package dev.hookstead.rules;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hookstead's own data (user store, token keys, replay records) is out of every script's reach, System included,
 * even on the app's own data source, and under any spelling of the database name.
 */
class OwnDataTest {

    private static final String READ_WRITE_ALL = """
            {"roles": [{"name": "all", "apply_when": {}, "read": true, "write": true}], "filters": []}""";

    @RegisterExtension
    static final RulesServer rules = new RulesServer().env("HOOKSTEAD_USERS_DATABASE", "authdb")
            .rule("default_rule", READ_WRITE_ALL);

    private void walled(String user, String collection, String method, String args) {
        rules.start();
        BsonDocument answer = rules.refused(user, collection, method, args);
        assertTrue(answer.getString("error").getValue().contains("holds Hookstead's own data"), answer::toJson);
    }

    @Test
    void theUserStoreIsWalledOffForSystemAndUsersAlike() {
        rules.start();
        rules.seed("authdb", "users", "{_id: 'u1', hash: 'secret'}");
        for (String user : new String[]{"system", "u1"}) {
            walled(user, "authdb.users", "find", "[{}]");
            walled(user, "authdb.identities", "findOne", "[{}]");
            walled(user, "authdb.apiKeys", "countDocuments", "[{}]");
            walled(user, "authdb.keys", "insertOne", "[{_id: 'signing', key: 'forged'}]");
            walled(user, "AuthDB.keys", "find", "[{}]");
        }
        assertEquals(1, rules.all("authdb", "users").size());
        assertEquals(0, rules.all("authdb", "keys").size(), "no key was planted");
    }

    @Test
    void replayRecordsAreWalledOff() {
        walled("system", "hookstead.replay", "deleteMany", "[{}]");
        walled("system", "Hookstead.replay", "find", "[{}]");
    }

    @Test
    void aPipelineCannotWriteToOrReadFromThemThroughAnotherDatabase() {
        rules.start();
        rules.seed("shop", "orders", "{_id: 'o1'}");
        int users = rules.all("authdb", "users").size();
        walled("system", "shop.orders", "aggregate", "[[{$out: {db: 'authdb', coll: 'users'}}]]");
        walled("system", "shop.orders", "aggregate", "[[{$merge: {into: {db: 'hookstead', coll: 'replay'}}}]]");
        walled("system", "shop.orders", "aggregate",
                "[[{$lookup: {from: {db: 'authdb', coll: 'keys'}, pipeline: [], as: 'k'}}]]");
        assertEquals(users, rules.all("authdb", "users").size(), "nothing was written to the user store");
    }

    @Test
    void theAppsOtherDatabasesStayReachable() {
        rules.start();
        assertEquals(BsonDocument.parse("{insertedId: 1}"), rules.result("system", "hookstead-users.users",
                "insertOne", "[{_id: 1}]"), "only the configured users database is walled");
        assertEquals(BsonDocument.parse("{insertedId: 2}"),
                rules.result("u1", "shop.orders", "insertOne", "[{_id: 2}]"));
    }
}
