package dev.hookstead.build.export;

import dev.hookstead.build.problems.Problem;
import dev.hookstead.build.problems.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each exports/broken/<case> is the good exports/mini with one defect: exactly that defect is reported. */
class BrokenExportsTest {

    private static final String PING = "http_endpoints/hooks/incoming_webhooks/ping/";
    private static final String EPS = "http_endpoints/config.json";
    private static final String ATLAS = "data_sources/mongodb-atlas/";
    private static final String ORDERS = ATLAS + "shop/orders/rules.json";

    @Test
    void theBaseExportHasNoProblems() {
        ExportResult result = Fixtures.read("mini");
        assertEquals(List.of(), result.problems().all());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "bad-http-method,                  " + PING + "config.json, options.httpMethod,                           FETCH",
            "name-mismatch,                    " + PING + "config.json, name,                                         pong",
            "duplicate-endpoint,               " + EPS + ",             [1].route,                                    /hello",
            "missing-secret,                   " + PING + "config.json, options.secret,                               -",
            "run-as-conflict,                  functions/config.json,   [0].run_as_user_id_script_source,             -",
            "unknown-operator,                 " + PING + "config.json, can_evaluate,                                 -",
            "unresolved-can-evaluate-function, " + PING + "config.json, can_evaluate.%function.name,                  isAllowed",
            "endpoint-route-no-slash,          " + EPS + ",             [0].route,                                    hello",
            "unresolved-function,              " + EPS + ",             [0].function_name,                            goodbye",
            "bad-return-type,                  " + EPS + ",             [0].return_type,                              XML",
            "bad-endpoint-method,              " + EPS + ",             [0].http_method,                              HEAD",
            "endpoint-missing-secret-name,     " + EPS + ",             [0].secret_name,                              -",
            "json-syntax-error,                " + PING + "config.json, -,                                            -",
            "missing-source,                   " + PING + "source.js,   -,                                            -",
            "missing-function-source,          functions/config.json,   [1].name,                                     util/format",
            "bad-validation-method,            " + PING + "config.json, options.validationMethod,                     HMAC_SHA256",
            "missing-client-app-id,            .mdb/meta.json,          client_app_id,                                -",
            "bad-service-name,                 http_endpoints/hooks.v1/config.json, name,                             hooks.v1",
            "bad-rule-apply-when,              " + ORDERS + ", roles[0].apply_when,                          -",
            "unknown-permission-key,           " + ORDERS + ", roles[0].upsert,                              -",
            "empty-rules-file,                 " + ORDERS + ", -,                                            -",
            "rule-namespace-mismatch,          " + ORDERS + ", collection,                                   order",
            "filter-reading-document,          " + ORDERS + ", filters[0].apply_when.%%root.owner_id,        %%root.owner_id",
            "bad-field-rule-path,              " + ORDERS + ", roles[0].fields,                              address.street",
            "duplicate-role-name,              " + ORDERS + ", roles[1].name,                                owner",
            "mixed-filter-projection,          " + ATLAS + "default_rule.json, filters[0].projection,      '{\"name\":1,\"password\":0}'",
            "bad-allowed-origin,               root_config.json,        allowed_request_origins,                      https://app.example.com/login",
    })
    void reportsExactlyTheDefect(String fixture, String file, String field, String value) {
        ExportResult result = Fixtures.read("broken/" + fixture);
        List<Problem> errors = result.problems().errors();
        assertEquals(1, errors.size(), () -> result.problems().format());
        Problem p = errors.get(0);
        assertEquals(file, p.file(), p::format);
        assertEquals(field, p.field(), p::format);
        assertEquals(value, p.value(), p::format);
        assertFalse(p.message().isBlank());
        assertTrue(p.fix() != null && !p.fix().isBlank(), p::format);
        assertEquals(List.of(), result.problems().warnings(), () -> result.problems().format());
    }

    @Test
    void syntaxErrorsCarryLineAndColumn() {
        Problem p = Fixtures.read("broken/json-syntax-error").problems().errors().get(0);
        assertEquals(4, p.line());
        assertEquals(5, p.column());
        assertTrue(p.format().startsWith(PING + "config.json:4:5: is not valid JSON"), p.format());
    }

    @Test
    void formatNamesFileFieldValueAndFix() {
        Problem p = Fixtures.read("broken/bad-http-method").problems().errors().get(0);
        assertEquals(PING + "config.json: field \"options.httpMethod\": value \"FETCH\" is not a valid HTTP method. "
                + "Fix: use one of GET, POST, PUT, PATCH, DELETE, HEAD, ANY", p.format());
    }

    @Test
    void everyProblemOfOneExportIsReported() {
        ExportResult result = Fixtures.read("broken/many-problems");
        List<String> found = result.problems().errors().stream().map(p -> p.file() + " " + p.field()).sorted().toList();
        assertEquals(List.of(
                EPS + " [0].function_name",
                EPS + " [0].return_type",
                PING + "config.json options.httpMethod",
                PING + "source.js null"), found);
    }

    @Test
    void unknownFieldsWarnButDoNotFail() {
        ExportResult result = Fixtures.read("warn/unknown-field");
        assertFalse(result.problems().hasErrors(), () -> result.problems().format());
        List<String> warned = result.problems().warnings().stream().map(p -> p.file() + " " + p.field()).toList();
        assertEquals(List.of(PING + "config.json function_id", EPS + " [0].created_at"), warned);
        assertTrue(result.problems().warnings().stream().allMatch(p -> p.severity() == Severity.WARNING));
        assertEquals(1, result.manifest().webhooks().size());
        assertEquals(1, result.manifest().endpoints().size());
    }
}
