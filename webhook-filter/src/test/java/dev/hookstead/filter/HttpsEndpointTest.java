package dev.hookstead.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.FunctionDef;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static dev.hookstead.testing.TestApps.endpoint;
import static dev.hookstead.testing.TestApps.endpointPath;
import static org.junit.jupiter.api.Assertions.*;

/** HTTPS endpoints end to end: real HTTP, functions compiled by the real toolchain, the real script runtime. */
class HttpsEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final TestServer server = new TestServer();

    private static EndpointDef withRespondResult(EndpointDef e, boolean respondResult) {
        return new EndpointDef(e.route(), e.httpMethod(), e.functionName(), e.validationMethod(), e.secretName(),
                respondResult, e.fetchCustomUserData(), e.createUserOnAuth(), e.disabled(), e.returnType(),
                e.canEvaluate(), e.source());
    }

    private HttpResponse<String> get(String route, String accept) {
        HttpRequest.Builder b = server.request(endpointPath(route)).GET();
        if (accept != null) b.header("Accept", accept);
        return server.send(b.build());
    }

    @Test
    void getAndPostFunctionsGetTheRawRequestAndTheRouteAsWebhookUrl() {
        server.app(new JsApp()
                .endpoint(endpoint("/hello", "GET", "hello", "JSON"), """
                        exports = function({ query, headers, body }, response) {
                          const r = context.request;
                          return { greeting: `Hello, ${query.name}`, body: typeof body, header: headers["X-Custom"],
                                   url: r.webhookUrl, action: r.action, method: r.httpMethod, raw: r.rawQueryString };
                        };
                        """)
                .endpoint(endpoint("/orders/new", "POST", "createOrder", "JSON"), """
                        exports = async function(request, response) {
                          const order = JSON.parse(request.body.text());
                          response.setStatusCode(201);
                          return { created: order.id, items: order.items.length };
                        };
                        """)).start();

        HttpResponse<String> get = server.send(server.request(endpointPath("/hello?name=Ada&x=1"))
                .header("X-Custom", "yes").GET().build());
        assertEquals(200, get.statusCode(), get::body);
        assertEquals("application/json", get.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("{\"greeting\":\"Hello, Ada\",\"body\":\"undefined\",\"header\":[\"yes\"],\"url\":\"/hello\","
                + "\"action\":\"hello\",\"method\":\"GET\",\"raw\":\"name=Ada&x=1\"}", get.body());

        HttpResponse<String> post = server.post(endpointPath("/orders/new"), "{\"id\":\"A-1\",\"items\":[1,2,3]}",
                "Content-Type", "application/json");
        assertEquals(201, post.statusCode(), post::body);
        assertEquals("{\"created\":\"A-1\",\"items\":3}", post.body());
    }

    @Test
    void aSpecificMethodBeatsAnyAndDisabledEndpointsAreNotFound() {
        EndpointDef off = new EndpointDef("/off", "GET", "which", ValidationMethod.NO_VALIDATION, null, true, false,
                false, true, "JSON", null, "http_endpoints/config.json");
        server.app(new JsApp()
                .endpoint(endpoint("/items", "ANY", "which", "JSON"),
                        "exports = function() { return 'any ' + context.request.httpMethod; };")
                .endpoint(endpoint("/items", "POST", "createItem", "JSON"),
                        "exports = function() { return 'post'; };")
                .endpoint(off)).start();

        assertEquals("\"any GET\"", server.get(endpointPath("/items")).body());
        assertEquals("\"post\"", server.post(endpointPath("/items"), "{}").body());
        assertEquals("\"any DELETE\"", server.send(server.request(endpointPath("/items")).DELETE().build()).body());
        HttpResponse<String> disabled = server.get(endpointPath("/off"));
        assertEquals(404, disabled.statusCode());
        assertEquals("IncomingWebhookNotFound", field(disabled, "error_code"));
    }

    @Test
    void respondResultFalseIsAlways204WithoutBody() {
        server.app(new JsApp()
                .endpoint(withRespondResult(endpoint("/quiet", "POST", "quiet", "JSON"), false),
                        "exports = function() { return { ignored: true }; };")
                .endpoint(withRespondResult(endpoint("/ignored", "POST", "ignored", "JSON"), false), """
                        exports = function(request, response) {
                          response.setStatusCode(400);
                          response.setHeader("X-Reason", "bad");
                          response.setBody("bad request");
                        };
                        """)).start();

        HttpResponse<String> quiet = server.post(endpointPath("/quiet"), "{}");
        assertEquals(204, quiet.statusCode());
        assertEquals("", quiet.body());

        HttpResponse<String> ignored = server.post(endpointPath("/ignored"), "{}");
        assertEquals(204, ignored.statusCode());
        assertEquals("", ignored.body());
        assertTrue(ignored.headers().firstValue("X-Reason").isEmpty());
        server.post(endpointPath("/ignored"), "{}");
        String logs = server.logs();
        assertTrue(logs.contains("endpoint POST /ignored has respond_result false"), logs);
        assertEquals(logs.indexOf("has respond_result false"), logs.lastIndexOf("has respond_result false"),
                "warned once per endpoint\n" + logs);
    }

    @Test
    void theReturnValueIsTheBodyEvenAfterResponseMethodsUnlessSetBodyWasCalled() {
        server.app(new JsApp()
                .endpoint(endpoint("/hello", "GET", "hello", "EJSON"), """
                        exports = function(request, response) {
                          response.setStatusCode(200);
                          return "Hello world";
                        };
                        """)
                .endpoint(endpoint("/headers", "GET", "withHeaders", "JSON"), """
                        exports = function(request, response) {
                          response.setStatusCode(202);
                          response.addHeader("X-Trace", "a");
                          response.addHeader("X-Trace", "b");
                          response.setHeader("Cache-Control", "no-store");
                          return { queued: true };
                        };
                        """)
                .endpoint(endpoint("/raw", "GET", "raw", "JSON"), """
                        exports = function(request, response) {
                          response.setBody("plain text, not quoted");
                          return { ignored: true };
                        };
                        """)
                .endpoint(endpoint("/html", "GET", "html", "JSON"), """
                        exports = function(request, response) {
                          response.setHeader("Content-Type", "text/html; charset=utf-8");
                          response.setBody(BSON.Binary.fromBase64("PGI+aGk8L2I+", 0));
                        };
                        """)
                .endpoint(endpoint("/nothing", "GET", "nothing", "JSON"), "exports = function() {};")
                .endpoint(endpoint("/noContent", "GET", "noContent", "JSON"), """
                        exports = function(request, response) { response.setStatusCode(204); return { x: 1 }; };
                        """)).start();

        HttpResponse<String> hello = server.get(endpointPath("/hello"));
        assertEquals(200, hello.statusCode());
        assertEquals("\"Hello world\"", hello.body(), "a returned string is a JSON string literal");
        assertEquals("application/json", hello.headers().firstValue("Content-Type").orElseThrow());

        HttpResponse<String> headers = server.get(endpointPath("/headers"));
        assertEquals(202, headers.statusCode());
        assertEquals(List.of("a", "b"), headers.headers().allValues("X-Trace"));
        assertEquals("no-store", headers.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("{\"queued\":true}", headers.body());

        HttpResponse<String> raw = server.get(endpointPath("/raw"));
        assertEquals(200, raw.statusCode());
        assertEquals("plain text, not quoted", raw.body());
        assertEquals("text/plain;charset=utf-8", raw.headers().firstValue("Content-Type").orElseThrow()
                .replace(" ", ""));

        HttpResponse<String> html = server.get(endpointPath("/html"));
        assertEquals("<b>hi</b>", html.body());
        assertEquals("text/html;charset=utf-8", html.headers().firstValue("Content-Type").orElseThrow()
                .replace(" ", ""));

        assertEquals("null", server.get(endpointPath("/nothing")).body(), "undefined is encoded as null");

        HttpResponse<String> noContent = server.get(endpointPath("/noContent"));
        assertEquals(204, noContent.statusCode());
        assertEquals("", noContent.body());
    }

    @Test
    void theAcceptHeaderOverridesTheReturnTypeAndEjsonIsTheDefault() {
        String source = "exports = function() { return { n: 42, at: new Date(1641954803067) }; };";
        server.app(new JsApp()
                .endpoint(endpoint("/json", "GET", "asJson", "JSON"), source)
                .endpoint(endpoint("/ejson", "GET", "asEjson", "EJSON"), source)
                .endpoint(endpoint("/default", "GET", "asDefault", null), source)).start();
        String json = "{\"n\":42,\"at\":\"2022-01-12T02:33:23.067Z\"}";
        String ejson = "{\"n\":{\"$numberInt\":\"42\"},\"at\":{\"$date\":{\"$numberLong\":\"1641954803067\"}}}";

        assertEquals(json, get("/json", null).body());
        assertEquals(ejson, get("/ejson", null).body());
        assertEquals(ejson, get("/default", null).body());

        for (String route : List.of("/json", "/ejson", "/default")) {
            assertEquals(json, get(route, "application/json").body(), route);
            assertEquals(ejson, get(route, "application/ejson").body(), route);
            HttpResponse<String> any = get(route, "*/*");
            assertEquals(route.equals("/json") ? json : ejson, any.body(), route);
            assertEquals("application/json", any.headers().firstValue("Content-Type").orElseThrow());
        }
        assertEquals(json, get("/ejson", "application/json, text/plain, */*").body(), "axios' default Accept");
    }

    @Test
    void everyJsonMappingRowThroughARealFunction() throws Exception {
        server.app(new JsApp().endpoint(endpoint("/types", "GET", "types", "JSON"), """
                exports = function() {
                  return {
                    int: 7, double: 2.5, long: BSON.Long.fromString("9007199254740993"),
                    decimal: BSON.Decimal128.fromString("9823.1297"),
                    id: new BSON.ObjectId("5f1a785e1536b6e6992fd588"),
                    at: new Date(Date.UTC(2022, 0, 12, 2, 33, 23, 67)),
                    bin: BSON.Binary.fromHex("48656c6c6f", 0),
                    regex: new BSON.BSONRegExp("^ab+c", "i"),
                    ts: new BSON.Timestamp({ t: 1641954803, i: 7 }),
                    min: new BSON.MinKey(), max: new BSON.MaxKey(),
                    list: [1, "two", null], nested: { ok: true }
                  };
                };
                """)).start();

        HttpResponse<String> r = get("/types", null);
        assertEquals(200, r.statusCode(), r::body);
        assertEquals("{\"int\":7,\"double\":2.5,\"long\":9007199254740993,\"decimal\":\"9823.1297\","
                + "\"id\":\"5f1a785e1536b6e6992fd588\",\"at\":\"2022-01-12T02:33:23.067Z\","
                + "\"bin\":{\"Subtype\":0,\"Data\":\"SGVsbG8=\"},\"regex\":{\"Pattern\":\"^ab+c\",\"Options\":\"i\"},"
                + "\"ts\":{\"T\":1641954803,\"I\":7},\"min\":{},\"max\":{},"
                + "\"list\":[1,\"two\",null],\"nested\":{\"ok\":true}}", r.body());
        JsonNode ejson = JSON.readTree(get("/types", "application/ejson").body());
        assertEquals("9007199254740993", ejson.at("/long/$numberLong").asText());
        assertEquals(1, ejson.at("/min/$minKey").asInt());
    }

    @Test
    void endpointSignatureWithTheEndpointDocsVector() {
        EndpointDef signed = new EndpointDef("/signed", "POST", "signed", ValidationMethod.VERIFY_PAYLOAD,
                "endpointSecret", true, false, false, false, "JSON", null, "http_endpoints/config.json");
        server.env("HOOKSTEAD_SECRET_ENDPOINTSECRET", "Super5ecr3tPa55w0rd")
                .app(new JsApp().endpoint(signed, """
                        exports = function({ body }) { return { message: JSON.parse(body.text()).message }; };
                        """)).start();
        String body = "{ \"message\": \"Hello!\" }";

        HttpResponse<String> ok = server.post(endpointPath("/signed"), body, "Content-Type", "application/json",
                "Endpoint-Signature", "sha256=d4f0537db4e230d7a6028a6f7c3bb1b57c9d16f39176d78697e559ac333e0b36");
        assertEquals(200, ok.statusCode(), ok::body);
        assertEquals("{\"message\":\"Hello!\"}", ok.body());

        HttpResponse<String> reserialised = server.post(endpointPath("/signed"), "{\"message\":\"Hello!\"}",
                "Endpoint-Signature", "sha256=d4f0537db4e230d7a6028a6f7c3bb1b57c9d16f39176d78697e559ac333e0b36");
        assertEquals(401, reserialised.statusCode());
        assertEquals("IncomingWebhookAuthFailed", field(reserialised, "error_code"));
    }

    @Test
    void theFunctionsCanEvaluateAndTheEntrysOwnBothApply() throws Exception {
        FunctionDef guarded = new FunctionDef("guarded", false, RunAs.SYSTEM,
                JSON.readTree("{\"%%request.requestHeaders.X-Team\": \"blue\"}"), false, null, "functions/config.json");
        EndpointDef own = new EndpointDef("/guarded", "GET", "guarded", ValidationMethod.NO_VALIDATION, null, true,
                false, false, false, "JSON", JSON.readTree("{\"%%request.httpMethod\": \"GET\"}"),
                "http_endpoints/config.json");
        EndpointDef entryDenies = new EndpointDef("/guarded", "POST", "guarded", ValidationMethod.NO_VALIDATION, null,
                true, false, false, false, "JSON", JSON.readTree("{\"%%request.httpMethod\": \"GET\"}"),
                "http_endpoints/config.json");
        server.app(new JsApp().function(guarded, "exports = function() { return 'in'; };")
                .endpoint(own).endpoint(entryDenies)).start();

        HttpResponse<String> denied = get("/guarded", null);
        assertEquals(403, denied.statusCode());
        assertEquals("NoMatchingRule", field(denied, "error_code"));
        HttpResponse<String> allowed = server.send(server.request(endpointPath("/guarded"))
                .header("X-Team", "blue").GET().build());
        assertEquals("\"in\"", allowed.body());
        HttpResponse<String> postDenied = server.post(endpointPath("/guarded"), "{}", "X-Team", "blue");
        assertEquals(403, postDenied.statusCode(), "the entry's own can_evaluate applies too");
    }

    @Test
    void aPrivateFunctionCanBackAnEndpointAndItsThrowIsAFunctionExecutionError() {
        server.app(new JsApp()
                .function("internal/report", true, "exports = function(request) { return { private: 'ok' }; };")
                .endpoint(endpoint("/report", "GET", "internal/report", "JSON"))
                .endpoint(endpoint("/boom", "GET", "boom", "JSON"),
                        "exports = async function() { throw new Error('no such order'); };")
                .endpoint(endpoint("/missing", "GET", "notDeclared", "JSON"))).start();

        assertEquals("{\"private\":\"ok\"}", get("/report", null).body());
        HttpResponse<String> boom = get("/boom", null);
        assertEquals(400, boom.statusCode());
        assertEquals("FunctionExecutionError", field(boom, "error_code"));
        assertTrue(field(boom, "error").contains("no such order"), boom.body());
        HttpResponse<String> missing = get("/missing", null);
        assertEquals(404, missing.statusCode());
        assertEquals("FunctionNotFound", field(missing, "error_code"));
    }

    private static String field(HttpResponse<String> response, String name) {
        try {
            return JSON.readTree(response.body()).path(name).asText();
        } catch (Exception e) {
            throw new AssertionError("not a JSON body: " + response.body(), e);
        }
    }
}
