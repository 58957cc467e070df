package dev.hookstead.build.export;

import dev.hookstead.build.problems.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each defect in a rule, default rule or schema file is an error naming the file, the field, the value and a fix. */
class RuleValidationTest {

    private static final String DS = "data_sources/mongodb-atlas/";
    private static final String RULES = DS + "shop/orders/rules.json";
    private static final String SCHEMA = DS + "shop/orders/schema.json";

    @TempDir
    Path dir;

    @BeforeEach
    void miniWithADataSource() throws IOException {
        Fixtures.copy("mini", dir);
        write(DS + "config.json", "{'name': 'mongodb-atlas', 'type': 'mongodb-atlas', 'config': {}}");
    }

    @Test
    void aValidRuleHasNoProblems() throws IOException {
        write(RULES, "{'database': 'shop', 'collection': 'orders', 'roles': [{'name': 'owner',"
                + " 'apply_when': {'owner_id': '%%user.id'}, 'document_filters': {'read': true, 'write': false},"
                + " 'read': true, 'insert': {'%%root.owner_id': '%%user.id'}, 'delete': false, 'search': false,"
                + " 'fields': {'card': {'read': false, 'fields': {'last4': {'read': true}}}},"
                + " 'additional_fields': {'read': true}}],"
                + " 'filters': [{'name': 'own', 'apply_when': {'%%user.custom_data.admin': {'%ne': true}},"
                + "   'query': {'owner_id': '%%user.id'}, 'projection': {'_id': 0, 'total': 1}}]}");
        write(SCHEMA, "{'bsonType': 'object', 'required': [], 'properties': {'total': {'bsonType': ['int', 'long'],"
                + " 'minimum': 0, 'validate': {'%%this': {'%gte': 0}}},"
                + " 'card': {'bsonType': 'object', 'properties': {'last4': {'bsonType': 'string'}}}}}");
        ExportResult r = read();
        assertEquals(List.of(), r.problems().all(), r.problems()::format);
    }

    @Test
    void badApplyWhenExpression() throws IOException {
        rule("{'name': 'r', 'apply_when': {'owner_id': {'$where': 'this.a'}}}");
        Problem p = only(RULES, "roles[0].apply_when");
        assertTrue(p.message().contains("$where"), p::format);
        assertTrue(p.message().startsWith("expression at owner_id.$where"), p::format);
    }

    @Test
    void applyWhenCallingAMissingFunction() throws IOException {
        rule("{'name': 'r', 'apply_when': {'%%true': {'%function': {'name': 'isOwner'}}}}");
        assertEquals("isOwner", only(RULES, "roles[0].apply_when.%function.name").value());
    }

    @Test
    void unknownPermissionKey() throws IOException {
        rule("{'name': 'r', 'apply_when': {}, 'raed': true}");
        Problem p = only(RULES, "roles[0].raed");
        assertEquals("is not a role permission", p.message());
        assertTrue(p.fix().contains("additional_fields, apply_when, delete, document_filters"), p::format);
    }

    @Test
    void permissionThatIsNeitherBooleanNorExpression() throws IOException {
        rule("{'name': 'r', 'apply_when': {}, 'write': 'yes'}");
        assertEquals("yes", only(RULES, "roles[0].write").value());
    }

    @Test
    void searchIsABooleanOnly() throws IOException {
        rule("{'name': 'r', 'apply_when': {}, 'search': {}}");
        assertEquals("{}", only(RULES, "roles[0].search").value());
    }

    @Test
    void fieldRuleOnADottedPath() throws IOException {
        rule("{'name': 'r', 'apply_when': {}, 'fields': {'address.street': {'read': true}}}");
        Problem p = only(RULES, "roles[0].fields");
        assertEquals("address.street", p.value());
        assertTrue(p.fix().contains("{\"address\": {\"fields\": {\"street\""), p::format);
    }

    @Test
    void fieldRuleOnAnOperatorPathAndAnUnknownFieldPermission() throws IOException {
        rule("{'name': 'r', 'apply_when': {}, 'fields': {'a': {'fields': {'$b': {'read': true}}},"
                + " 'c': {'valid': true}}}");
        List<Problem> errors = read().problems().errors();
        assertEquals(List.of("roles[0].fields.a.fields", "roles[0].fields.c.valid"),
                errors.stream().map(Problem::field).toList());
    }

    @Test
    void fieldRuleOnAFieldTheSchemaForbids() throws IOException {
        rule("{'name': 'r', 'apply_when': {}, 'fields': {'adress': {'read': false},"
                + " 'card': {'fields': {'number': {'read': false}, 'numbr': {'read': false}}}}}");
        write(SCHEMA, "{'bsonType': 'object', 'additionalProperties': false, 'properties': {'address': {},"
                + " 'card': {'bsonType': 'object', 'properties': {'number': {'bsonType': 'string'}}}}}");
        ExportResult r = read();
        Problem p = only(RULES, "roles[0].fields");
        assertEquals("adress", p.value());
        List<Problem> warnings = r.problems().warnings();
        assertEquals(List.of("roles[0].fields.card.fields numbr"),
                warnings.stream().map(w -> w.field() + " " + w.value()).toList(), r.problems()::format);
    }

    @Test
    void duplicateAndTooLongRoleNames() throws IOException {
        String longName = "x".repeat(101);
        write(RULES, "{'roles': [{'name': 'a', 'apply_when': {}}, {'name': 'a', 'apply_when': {}},"
                + " {'name': '" + longName + "', 'apply_when': {}}, {'apply_when': {}}]}");
        List<Problem> errors = read().problems().errors();
        assertEquals(List.of("roles[1].name", "roles[2].name", "roles[3].name"),
                errors.stream().map(Problem::field).toList());
        assertEquals("is also the name of roles[0]", errors.get(0).message());
        assertEquals("is 101 characters long", errors.get(1).message());
    }

    @Test
    void filterApplyWhenReadingTheDocument() throws IOException {
        write(RULES, "{'filters': [{'name': 'f', 'apply_when': {'%%user.id': '%%root.owner_id',"
                + " '%or': [{'status': 'open'}, {'%%prevRoot': {'%exists': true}}]}, 'query': {}}]}");
        List<Problem> errors = read().problems().errors();
        assertEquals(List.of("filters[0].apply_when.%%user.id", "filters[0].apply_when.%or[0].status",
                "filters[0].apply_when.%or[1].%%prevRoot"), errors.stream().map(Problem::field).toList());
        assertEquals("%%root.owner_id", errors.get(0).value());
        assertTrue(errors.get(0).message().contains("before any document is read"), errors.get(0)::format);
    }

    @Test
    void filterWithMixedProjection() throws IOException {
        write(RULES, "{'filters': [{'name': 'f', 'apply_when': {}, 'projection': {'_id': 0, 'a': 1, 'b': 0}}]}");
        Problem p = only(RULES, "filters[0].projection");
        assertEquals("mixes included fields (a) with excluded ones (b)", p.message());
        assertEquals("{\"_id\":0,\"a\":1,\"b\":0}", p.value());
    }

    @Test
    void filterWithProjectAndProjectionAndAnUnknownKey() throws IOException {
        write(RULES, "{'filters': [{'name': 'f', 'project': {'a': 1}, 'projection': {'a': 1}, 'when': {}}]}");
        List<Problem> errors = read().problems().errors();
        assertEquals(List.of("filters[0].project", "filters[0].when"), errors.stream().map(Problem::field).toList());
    }

    @Test
    void emptyRulesFile() throws IOException {
        write(RULES, "  \n");
        Problem p = only(RULES, null);
        assertEquals("rules file cannot be empty", p.message());
    }

    @Test
    void namespaceDisagreeingWithItsFolder() throws IOException {
        write(RULES, "{'database': 'shop', 'collection': 'order'}");
        Problem p = only(RULES, "collection");
        assertEquals("order", p.value());
        assertTrue(p.message().contains("shop/orders"), p::format);
    }

    @Test
    void misspeltTopLevelKeyFailsRatherThanFallingBackToTheDefaultRule() throws IOException {
        write(RULES, "{'role': [{'name': 'r', 'apply_when': {}, 'read': true}]}");
        assertEquals("is not a collection rule field", only(RULES, "role").message());
    }

    @Test
    void schemaWithAnUnknownTypeName() throws IOException {
        write(SCHEMA, "{'bsonType': 'object', 'properties': {'n': {'bsonType': 'integer'}}}");
        Problem p = only(SCHEMA, "properties.n.bsonType");
        assertEquals("integer", p.value());
        assertEquals("use \"bsonType\": \"int\" or \"long\"", p.fix());
    }

    @Test
    void schemaThatIsNotWellFormedJsonSchema() throws IOException {
        write(SCHEMA, "{'bsonType': 'object', 'required': 'name', 'properties': {'n': {'minimum': 'zero'}},"
                + " 'requird': ['x']}");
        List<Problem> errors = read().problems().errors();
        assertEquals(List.of("properties.n.minimum", "requird", "required"),
                errors.stream().map(Problem::field).sorted().toList(), () -> read().problems().format());
    }

    @Test
    void schemaWhoseRootIsNotAnObject() throws IOException {
        write(SCHEMA, "{'bsonType': 'array', 'items': {'bsonType': 'string'}}");
        assertEquals("array", only(SCHEMA, "bsonType").value());
    }

    @Test
    void schemaValidateExpressionIsParsed() throws IOException {
        write(SCHEMA, "{'bsonType': 'object', 'properties': {'a': {'validate': {'%%this': {'%size': 2}}}}}");
        assertTrue(only(SCHEMA, "properties.a.validate").message().contains("%size"));
    }

    @Test
    void schemaGivenTwiceForOneNamespace() throws IOException {
        write(RULES, "{'schema': {'bsonType': 'object'}}");
        write(SCHEMA, "{'bsonType': 'object'}");
        assertTrue(only(SCHEMA, null).message().contains("repeats the schema"));
    }

    @Test
    void relationshipWithoutRef() throws IOException {
        write(DS + "shop/orders/relationships.json", "{'customer': {'foreign_key': '_id'}}");
        assertEquals("is missing", only(DS + "shop/orders/relationships.json", "customer.ref").message());
    }

    @Test
    void defaultRuleIsCheckedLikeACollectionRule() throws IOException {
        write(DS + "default_rule.json", "{'roles': [{'name': 'r', 'apply_when': {}, 'fields': []}], 'filters': {}}");
        List<Problem> errors = read().problems().errors();
        assertEquals(List.of("roles[0].fields", "filters"), errors.stream().map(Problem::field).toList());
        assertTrue(errors.stream().allMatch(p -> p.file().equals(DS + "default_rule.json")));
    }

    @Test
    void everyProblemOfOneFileIsReportedInOneRun() throws IOException {
        write(RULES, "{'database': 'shop', 'collection': 'orders', 'roles': [{'name': 'r', 'apply_when': "
                + "{'a': {'%bogus': 1}}, 'raed': true, 'fields': {'': {}}}], 'filters': [{'name': 'f', "
                + "'apply_when': {'%%root.a': 1}, 'projection': {'a': 1, 'b': 0}}]}");
        write(SCHEMA, "{'bsonType': 'objekt'}");
        List<String> fields = read().problems().errors().stream().map(p -> p.file() + " " + p.field()).toList();
        assertEquals(7, fields.size(), fields::toString);
    }

    @Test
    void realmCliV1RuleFileNamedWithoutACollection() throws IOException {
        write("services/mongodb-atlas/config.json", "{'name': 'atlas1', 'type': 'mongodb-atlas', 'config': {}}");
        write("services/mongodb-atlas/rules/orders.json", "{'roles': []}");
        Problem p = only("services/mongodb-atlas/rules/orders.json", null);
        assertEquals("is not named <database>.<collection>.json", p.message());
    }

    @Test
    void realmCliV1CollectionNamesMayHoldDots() throws IOException {
        write("services/mongodb-atlas/config.json", "{'name': 'atlas1', 'type': 'mongodb-atlas', 'config': {}}");
        write("services/mongodb-atlas/rules/shop.orders.2024.json",
                "{'id': 'x', 'database': 'shop', 'collection': 'orders.2024', 'roles': []}");
        ExportResult r = read();
        assertFalse(r.problems().hasErrors(), r.problems()::format);
        RulesLayoutsTest.assertJson("{'database': 'shop', 'collection': 'orders.2024', 'roles': [], 'filters': []}",
                r.manifest().dataSources().get(0).rules().get("shop.orders.2024"));
    }

    @Test
    void stitchPreRolesFiltersAreRefused() throws IOException {
        write("services/mongodb-atlas/config.json", "{'name': 'atlas1', 'type': 'mongodb-atlas', 'config': {}}");
        write("services/mongodb-atlas/rules/db.c.json", "{'read': {}, 'filters': [{'when': {}}]}");
        assertTrue(only("services/mongodb-atlas/rules/db.c.json", "filters").message().contains("before roles"));
    }

    @Test
    void dataFederationRulesAreIgnoredWithAWarning() throws IOException {
        write("data_sources/lake/config.json", "{'name': 'lake', 'type': 'datalake', 'config': {}}");
        write("data_sources/lake/db/c/rules.json", "{'roles': []}");
        ExportResult r = read();
        assertFalse(r.problems().hasErrors(), r.problems()::format);
        assertTrue(r.manifest().dataSources().stream().filter(d -> d.name().equals("lake"))
                .allMatch(d -> d.rules().isEmpty()));
        assertEquals(List.of("data_sources/lake/db/c/rules.json"),
                r.problems().warnings().stream().map(Problem::file).toList());
    }

    private void rule(String role) throws IOException {
        write(RULES, "{'database': 'shop', 'collection': 'orders', 'roles': [" + role + "]}");
    }

    /** The one error, which must be in {@code file} at {@code field} and say how to fix it. */
    private Problem only(String file, String field) {
        ExportResult r = read();
        List<Problem> errors = r.problems().errors();
        assertEquals(1, errors.size(), r.problems()::format);
        Problem p = errors.get(0);
        assertEquals(file, p.file(), p::format);
        assertEquals(field, p.field(), p::format);
        assertTrue(p.fix() != null && !p.fix().isBlank(), p::format);
        return p;
    }

    private ExportResult read() {
        return ExportReader.read(dir, null);
    }

    private void write(String relative, String json) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, json.replace('\'', '"'));
    }
}
