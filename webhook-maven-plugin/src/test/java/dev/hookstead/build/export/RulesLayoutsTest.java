package dev.hookstead.build.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstead.build.problems.Problem;
import dev.hookstead.manifest.DataSourceDef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Each generation's rule files, read from the four layouts, come out in the one normalised form. */
class RulesLayoutsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void stitchRulesLoseTheirIdAndEmptySchema() {
        Map<String, JsonNode> rules = rules("stitch");
        assertJson("{'database': 'db', 'collection': 'c', 'filters': [], 'roles': [{'name': 'owner',"
                + " 'apply_when': {'owner_id': '%%user.id'}, 'insert': true, 'delete': true, 'read': true,"
                + " 'write': true, 'search': true, 'fields': {}, 'additional_fields': {}}]}", rules.get("db.c"));
    }

    @Test
    void stitchPreRolesRuleBecomesOneDefaultRole() {
        ExportResult r = Fixtures.read("stitch");
        assertJson("{'database': 'db', 'collection': 'legacy', 'filters': [],"
                + " 'roles': [{'name': 'default', 'apply_when': {}, 'read': {'owner_id': '%%user.id'},"
                + "   'write': {'owner_id': '%%user.id'}, 'fields': {'secret': {'read': false, 'write': false}},"
                + "   'additional_fields': {'read': true}}],"
                + " 'schema': {'bsonType': 'object', 'validate': {'%%root.owner_id': {'%exists': true}}}}",
                atlas(r).rules().get("db.legacy"));
        List<Problem> converted = r.problems().warnings().stream()
                .filter(p -> p.file().equals("services/mongodb-atlas/rules/db.legacy.json")).toList();
        assertEquals(1, converted.size(), r.problems()::format);
    }

    @Test
    void realmCliV1RulesKeepInlineSchemaAndRenameProject() {
        ExportResult r = Fixtures.read("realm-v1");
        Map<String, JsonNode> rules = atlas(r).rules();
        assertJson("{'roles': [{'name': 'readOwn', 'apply_when': {'owner_id': '%%user.id'}, 'read': true}],"
                + " 'filters': []}", rules.get("default_rule"));
        JsonNode notes = rules.get("app.notes");
        assertJson("[{'name': 'published', 'apply_when': {'%%user.data.role': {'%ne': 'editor'}},"
                + " 'query': {'published': true}, 'projection': {'draft': 0}}]", notes.get("filters"));
        assertEquals("Note", notes.at("/schema/title").asText());
        assertFalse(notes.has("id"));
        assertJson("{'read': true, 'write': false}", notes.at("/roles/0/additional_fields"));
        assertFalse(rules.get("app.items").has("schema"), "the export's empty schema validates nothing");
        Problem alias = r.problems().warnings().stream().filter(p -> "filters[0].project".equals(p.field()))
                .findFirst().orElseThrow();
        assertEquals("services/mongodb-atlas/rules/app.notes.json", alias.file());
        assertEquals(List.of("filters[0].project"), r.problems().warnings().stream()
                        .filter(p -> p.file().contains("/rules/")).map(Problem::field).toList(),
                "the field rules match the inline schema: no other warning");
    }

    @Test
    void realmCliV2MergesSchemaAndRelationshipsAndKeepsEmptyRoles() {
        Map<String, JsonNode> rules = rules("realm-v2");
        assertJson("{'database': 'app', 'collection': 'audit', 'roles': [], 'filters': []}", rules.get("app.audit"));
        JsonNode tags = rules.get("app.tags");
        assertFalse(tags.has("roles"), "schema.json alone defines no roles: the default rule applies");
        assertJson("{'item_id': {'ref': '#/relationship/mongodb-atlas/app/items', 'foreign_key': '_id',"
                + " 'is_list': false}}", tags.get("relationships"));
        assertEquals("Tag", tags.at("/schema/title").asText());
        assertEquals("owner", rules.get("app.items").at("/roles/0/name").asText());
        assertEquals("objectId", rules.get("app.items").at("/schema/properties/_id/bsonType").asText());
        assertJson("{'roles': [{'name': 'readAll', 'apply_when': {}, 'read': true, 'write': false}],"
                + " 'filters': []}", rules.get("default_rule"));
    }

    @Test
    void appServicesRulesKeepEveryPermissionVerbatim() {
        Map<String, JsonNode> rules = rules("appservices");
        assertEquals(List.of("default_rule", "shop.customers", "shop.orders"), List.copyOf(rules.keySet()));
        JsonNode orders = rules.get("shop.orders");
        assertJson("{'read': true, 'write': {'status': {'%ne': 'shipped'}}}", orders.at("/roles/0/document_filters"));
        assertJson("{'card': {'read': false, 'write': false}, 'address': {'fields': {'street': {'read': true}}}}",
                orders.at("/roles/1/fields"));
        assertEquals("ownOrders", orders.at("/filters/0/name").asText());
        assertFalse(rules.get("shop.customers").has("roles"));
        assertEquals("string", rules.get("shop.customers").at("/schema/properties/email/bsonType").asText());
    }

    private static Map<String, JsonNode> rules(String layout) {
        ExportResult r = Fixtures.read(layout);
        assertFalse(r.problems().hasErrors(), r.problems()::format);
        return atlas(r).rules();
    }

    private static DataSourceDef atlas(ExportResult r) {
        return r.manifest().dataSources().stream().filter(d -> d.name().equals("mongodb-atlas")).findFirst()
                .orElseThrow();
    }

    static void assertJson(String expected, JsonNode actual) {
        try {
            assertEquals(JSON.readTree(expected.replace('\'', '"')), actual);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(expected, e);
        }
    }
}
