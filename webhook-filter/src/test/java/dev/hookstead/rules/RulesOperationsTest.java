package dev.hookstead.rules;

import dev.hookstead.testing.EveryCollectionMethod;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each collection method for an application user: allowed, denied and filtered, over HTTP and the real driver. */
class RulesOperationsTest {

    @RegisterExtension
    final RulesServer rules = new RulesServer();

    private static final String READ_WRITE_ALL = """
            {"roles": [{"name": "readAndWriteAll", "apply_when": {},
              "document_filters": {"write": true, "read": true},
              "read": true, "write": true, "insert": true, "delete": true, "search": true}], "filters": []}""";

    /** Under a role that allows everything, every method answers exactly as it does for System. */
    @Test
    void underAReadAndWriteAllRoleEveryMethodAnswersAsForSystem() {
        rules.rule("default_rule", READ_WRITE_ALL).webhook("crud", EveryCollectionMethod.SCRIPT).start();
        BsonDocument expected = EveryCollectionMethod.expected();
        assertEquals(expected, rules.ok("crud", "u1", "{}"));
    }

    @Test
    void aNamespaceWithoutAnyRuleRefusesApplicationUsersButNotSystem() {
        rules.webhook("read", """
                exports = async function() {
                  return {doc: await context.services.get("mongodb-atlas").db("shop").collection("orders").findOne()};
                };
                """).start();
        rules.seed("shop", "orders", "{_id: 1, total: 5}");
        HttpResponse<String> refused = rules.call("read", "u1", "{}");
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"error\":\"no rule exists for namespace 'shop.orders'\""), refused.body());
        assertTrue(refused.body().contains("\"error_code\":\"NoMatchingRuleFound\""), refused.body());
        assertEquals(BsonDocument.parse("{doc: {_id: 1, total: 5}}"), rules.ok("read", "system", "{}"));
    }
}
