package dev.hookstead.expression;

import dev.hookstead.pipeline.ContextDocuments;
import dev.hookstead.pipeline.AppUser;
import dev.hookstead.pipeline.HttpRequestData;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.hookstead.expression.Exprs.doc;
import static dev.hookstead.expression.Exprs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worked examples of spec 4.4 that apply to webhooks and endpoints. */
class WorkedExamplesTest {

    private static HttpRequestData request(String ip, Map<String, List<String>> headers) {
        return new HttpRequestData("POST", headers, Map.of(), "", null, ip, "/hook", "svc", "hook");
    }

    private static MapExpansions.Builder forRequest(String ip, Map<String, List<String>> headers) {
        return MapExpansions.builder().request(ContextDocuments.request(request(ip, headers)));
    }

    @Test
    void example1EmptyObjectAlwaysAllows() {
        Expression e = parse("{}");
        assertTrue(e.isAlwaysTrue());
        assertTrue(e.evaluate(MapExpansions.builder().build()));
    }

    @Test
    void example2DeniesListedIpsWithNin() {
        Expression e = parse("{'%%request.remoteIPAddress': {'$nin': ['248.88.57.58', '19.241.23.116', '147.64.232.1']}}");
        assertFalse(e.evaluate(forRequest("19.241.23.116", Map.of()).build()));
        assertFalse(e.evaluate(forRequest("147.64.232.1", Map.of()).build()));
        assertTrue(e.evaluate(forRequest("10.0.0.1", Map.of()).build()));
    }

    @Test
    void example3SharedKeyHeaderMatchesAnyValueWhateverTheCase() {
        Expression e = parse("{'%%request.requestHeaders.x-secret-key': 'my-secret'}");
        assertTrue(e.evaluate(forRequest("1.2.3.4", Map.of("X-Secret-Key", List.of("my-secret"))).build()));
        assertTrue(e.evaluate(forRequest("1.2.3.4", Map.of("X-Secret-Key", List.of("other", "my-secret"))).build()),
                "array semantics: any header value may match");
        assertFalse(e.evaluate(forRequest("1.2.3.4", Map.of("X-Secret-Key", List.of("wrong"))).build()));
        assertFalse(e.evaluate(forRequest("1.2.3.4", Map.of()).build()), "a missing header never equals the key");
    }

    @Test
    void headerCaseInsensitivityIsOnlyForRequestHeaders() {
        MapExpansions ctx = MapExpansions.builder()
                .request(ContextDocuments.request(request("1.2.3.4", Map.of("X-Secret-Key", List.of("k")))))
                .values(doc("{'Key': 'v'}")).build();
        assertTrue(parse("{'%%request.requestHeaders.X-SECRET-KEY': 'k'}").evaluate(ctx));
        assertFalse(parse("{'%%request.RequestHeaders.x-secret-key': 'k'}").evaluate(ctx));
        assertFalse(parse("{'%%values.key': 'v'}").evaluate(ctx));
        assertTrue(parse("{'%%values.Key': 'v'}").evaluate(ctx));
    }

    @Test
    void example4AndOfEnvironmentAndInValuesList() {
        Expression e = parse("{'%%environment.tag': 'production', '%%user.id': {'%in': '%%values.admin_ids'}}");
        BsonDocument values = doc("{'admin_ids': ['a1', 'a2']}");
        AppUser admin = new AppUser("a2", "normal", new BsonDocument(), new BsonDocument(), List.of());
        AppUser other = new AppUser("u9", "normal", new BsonDocument(), new BsonDocument(), List.of());
        BsonDocument production = ContextDocuments.environment("production", new BsonDocument());
        BsonDocument testing = ContextDocuments.environment("testing", new BsonDocument());

        assertTrue(e.evaluate(ctx(production, admin, values)));
        assertFalse(e.evaluate(ctx(production, other, values)));
        assertFalse(e.evaluate(ctx(testing, admin, values)));
        assertEquals(java.util.Set.of("admin_ids"), e.valueNames());
    }

    private static MapExpansions ctx(BsonDocument environment, AppUser user, BsonDocument values) {
        return MapExpansions.builder().environment(environment).user(ContextDocuments.user(user)).values(values).build();
    }

    @Test
    void example5RangeWithAndOfOperatorsOnTheParentKey() {
        Expression e = parse("{'%%args.someNumber': {'%and': [{'$gt': 0}, {'$lte': 42}]}}");
        assertTrue(e.evaluate(Exprs.args("{'someNumber': 42}")));
        assertTrue(e.evaluate(Exprs.args("{'someNumber': 0.5}")));
        assertFalse(e.evaluate(Exprs.args("{'someNumber': 0}")));
        assertFalse(e.evaluate(Exprs.args("{'someNumber': {'$numberLong': '43'}}")));
        assertFalse(e.evaluate(Exprs.args("{'someNumber': '10'}")), "a string is not in a numeric range");
        assertFalse(e.evaluate(Exprs.args("{}")), "missing is not in the range");
    }

    @Test
    void example6TrueOnlyWhenTheFunctionReturnsExactlyTrue() {
        Expression e = parse("{'%%true': {'%function': {'name': 'isAuthorizedUser', 'arguments': ['%%user.id']}}}");
        assertEquals(java.util.Set.of("isAuthorizedUser"), e.functionNames());
        List<List<BsonValue>> calls = new ArrayList<>();
        for (BsonValue returned : List.of(new BsonString("true"), new BsonInt32(1), new BsonArray(List.of(BsonBoolean.TRUE)),
                BsonBoolean.FALSE)) {
            assertFalse(e.evaluate(userCalling(returned, calls)), "returned " + returned);
        }
        assertFalse(e.evaluate(userCalling(null, calls)), "undefined");
        assertTrue(e.evaluate(userCalling(BsonBoolean.TRUE, calls)));
        assertEquals(List.of(new BsonString("u1")), calls.get(calls.size() - 1), "the argument was expanded");
    }

    private static MapExpansions userCalling(BsonValue result, List<List<BsonValue>> calls) {
        AppUser user = new AppUser("u1", "normal", new BsonDocument(), new BsonDocument(), List.of());
        return MapExpansions.builder().user(ContextDocuments.user(user)).functions((name, args) -> {
            assertEquals("isAuthorizedUser", name);
            calls.add(args);
            return result;
        }).build();
    }

    @Test
    void example8OnlyServerUsers() {
        Expression e = parse("{'%%user.type': 'server'}");
        AppUser server = new AppUser("k1", "server", new BsonDocument(), new BsonDocument(), List.of());
        AppUser normal = new AppUser("u1", "normal", new BsonDocument(), new BsonDocument(), List.of());
        assertTrue(e.evaluate(MapExpansions.builder().user(ContextDocuments.user(server)).build()));
        assertFalse(e.evaluate(MapExpansions.builder().user(ContextDocuments.user(normal)).build()));
        assertFalse(e.evaluate(MapExpansions.builder().user(ContextDocuments.user(AppUser.SYSTEM)).build()));
    }

    @Test
    void userDocumentHasTheContextShape() {
        AppUser user = new AppUser("u1", "normal", doc("{'email': 'a@b.c'}"), doc("{'role': 'admin'}"),
                List.of(new AppUser.Identity("i1", "local-userpass", new BsonDocument())));
        BsonDocument expected = doc("{'id': 'u1', 'type': 'normal', 'data': {'email': 'a@b.c'}, 'custom_data': {'role': 'admin'},"
                + " 'identities': [{'id': 'i1', 'provider_type': 'local-userpass', 'data': {}}]}");
        assertEquals(expected, ContextDocuments.user(user));
        assertFalse(ContextDocuments.user(AppUser.SYSTEM).containsKey("id"), "the system user has no id");
        MapExpansions ctx = MapExpansions.builder().user(ContextDocuments.user(user)).build();
        assertTrue(parse("{'%%user.identities.provider_type': 'local-userpass'}").evaluate(ctx),
                "a path through an array of documents collects the field from each element");
        assertTrue(parse("{'%%user.custom_data.role': 'admin'}").evaluate(ctx));
    }

    @Test
    void requestDocumentHasTheContextShape() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("User-Agent", List.of("curl/8"));
        headers.put("Accept", List.of("a", "b"));
        BsonDocument d = ContextDocuments.request(new HttpRequestData("GET", headers, Map.of(), "x=1", null,
                "9.9.9.9", "https://h/hook", "svc", "act"));
        assertEquals(doc("{'remoteIPAddress': '9.9.9.9', 'requestHeaders': {'User-Agent': ['curl/8'], 'Accept': ['a', 'b']},"
                + " 'webhookUrl': 'https://h/hook', 'httpMethod': 'GET', 'rawQueryString': 'x=1',"
                + " 'httpUserAgent': 'curl/8', 'service': 'svc', 'action': 'act'}"), d);
    }
}
