package dev.hookstead.script;

import dev.hookstead.script.call.ContextContributor;
import dev.hookstead.script.runtime.ScriptError;
import dev.hookstead.bson.Ejson;
import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.pipeline.AppUser;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.FunctionResult;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.HttpRequestData;
import dev.hookstead.script.call.CallScope;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The function contract of spec 3: arguments, response object, context, globals, return values and errors. */
class ContractTest {
    private static Scripts s;

    @BeforeAll
    static void start() {
        s = new Scripts(Scripts.fastOptions().withFunctionTimeout(Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static FunctionResult run(String source, FunctionRunner.PayloadStyle style, byte[] body, AppUser user) {
        return s.runtime.runHttp(s.js(source), style, Scripts.request(body), user, "contract");
    }

    private static String value(FunctionResult r) {
        return Ejson.canonical(r.returnValue());
    }

    @Test
    void rawPayloadHasQueryHeadersAndBinaryBody() {
        FunctionResult r = run("exports = ({query, headers, body}) => ({q: query, h: headers, text: body.text(),"
                        + " binary: body instanceof BSON.Binary, parsed: JSON.parse(body.text()).n});",
                FunctionRunner.PayloadStyle.RAW, "{\"n\":5}".getBytes(StandardCharsets.UTF_8), AppUser.SYSTEM);
        assertEquals("{\"q\": {\"arg1\": \"hello\", \"arg2\": \"world\"}, \"h\": {\"Content-Type\": [\"application/json\"],"
                + " \"X-Many\": [\"a\", \"b\"]}, \"text\": \"{\\\"n\\\":5}\", \"binary\": true, \"parsed\": {\"$numberInt\": \"5\"}}", value(r));
    }

    @Test
    void bodyIsUndefinedWithoutABody() {
        assertEquals("\"undefined|true\"", value(run("exports = (payload) => typeof payload.body + '|' + ('body' in payload);",
                FunctionRunner.PayloadStyle.RAW, null, AppUser.SYSTEM)));
    }

    /** The members are made on first read, yet behave as the plain data members a parsed object has. */
    @Test
    void rawPayloadMembersBehaveAsDataMembers() {
        FunctionResult r = run("""
                exports = (payload) => {
                  const keys = Object.keys(payload).join();
                  const own = ['query', 'headers', 'body'].every(k => payload.hasOwnProperty(k) && k in payload);
                  const same = payload.query === payload.query && payload.headers === payload.headers;
                  payload.query.extra = 1;
                  const kept = payload.query.extra;
                  const json = JSON.stringify(payload);
                  const copy = Object.assign({}, payload);
                  payload.headers = 'replaced';
                  delete payload.query;
                  return {keys, own, same, kept, json, copied: Object.keys(copy).join() + '|' + copy.query.arg1,
                          after: Object.keys(payload).join() + '|' + payload.headers + '|' + payload.query};
                };""", FunctionRunner.PayloadStyle.RAW, "hi".getBytes(StandardCharsets.UTF_8), AppUser.SYSTEM);
        assertEquals("{\"keys\": \"query,headers,body\", \"own\": true, \"same\": true, \"kept\": {\"$numberInt\": \"1\"},"
                + " \"json\": \"{\\\"query\\\":{\\\"arg1\\\":\\\"hello\\\",\\\"arg2\\\":\\\"world\\\",\\\"extra\\\":1},"
                + "\\\"headers\\\":{\\\"Content-Type\\\":[\\\"application/json\\\"],\\\"X-Many\\\":[\\\"a\\\",\\\"b\\\"]},"
                + "\\\"body\\\":\\\"aGk=\\\"}\","
                + " \"copied\": \"query,headers,body|hello\", \"after\": \"headers,body|replaced|undefined\"}", value(r));
    }

    @Test
    void utf8BodyText() {
        assertEquals("\"h\u00e9llo \u2713\"", value(run("exports = ({body}) => body.text();", FunctionRunner.PayloadStyle.RAW,
                "h\u00e9llo \u2713".getBytes(StandardCharsets.UTF_8), AppUser.SYSTEM)));
    }

    @Test
    void jsonEventPayloadIsTheParsedBody() {
        assertEquals("\"alice|2\"", value(run("exports = (event) => event.pusher.name + '|' + event.commits.length;",
                FunctionRunner.PayloadStyle.JSON_EVENT,
                "{\"pusher\":{\"name\":\"alice\"},\"commits\":[{},{}]}".getBytes(StandardCharsets.UTF_8), AppUser.SYSTEM)));
        HookError e = assertThrows(HookError.class, () -> run("exports = () => 1;", FunctionRunner.PayloadStyle.JSON_EVENT,
                "{not json".getBytes(StandardCharsets.UTF_8), AppUser.SYSTEM));
        assertEquals(ErrorCode.InvalidParameter, e.code());
        assertTrue(e.getMessage().startsWith("the request body is not valid JSON"), e.getMessage());
    }

    @Test
    void formPayloadIsTheFirstValueOfEachField() {
        assertEquals("{\"From\": \"+15551234567\", \"Body\": \"hi there\", \"empty\": \"\"}", value(run(
                "exports = (fields) => fields;", FunctionRunner.PayloadStyle.FORM,
                "From=%2B15551234567&Body=hi+there&Body=second&empty=".getBytes(StandardCharsets.UTF_8), AppUser.SYSTEM)));
    }

    @Test
    void responseMethodsAreRecordedInOrder() {
        FunctionResult r = s.http("exports = (payload, response) => {\n"
                + "  response.setStatusCode(201);\n"
                + "  response.addHeader('X-B', '1');\n"
                + "  response.setHeader('Content-Type', 'text/plain');\n"
                + "  response.addHeader('x-b', '2');\n"
                + "  response.setHeader('X-C', 'c1'); response.setHeader('x-c', 'c2');\n"
                + "  response.setBody('h\u00e9');\n"
                + "  return 'ignored by the pipeline';\n"
                + "};");
        assertTrue(r.responseUsed());
        assertEquals(201, r.statusCode());
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("X-B", List.of("1", "2"));
        expected.put("Content-Type", List.of("text/plain"));
        expected.put("X-C", List.of("c2"));
        assertEquals(expected, r.headers());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(r.headers().keySet()));
        assertArrayEquals("h\u00e9".getBytes(StandardCharsets.UTF_8), r.body());
        assertEquals("\"ignored by the pipeline\"", value(r));
    }

    @Test
    void binaryBody() {
        FunctionResult r = s.http("exports = (p, response) => { response.setBody(BSON.Binary.fromBase64('AAEC/w==')); };");
        assertArrayEquals(new byte[]{0, 1, 2, (byte) 0xff}, r.body());
        assertEquals(0, r.statusCode());
    }

    @Test
    void anyResponseMethodMarksTheResponseUsed() {
        FunctionResult header = s.http("exports = (p, response) => { response.addHeader('A', 'b'); return 1; };");
        assertTrue(header.responseUsed());
        assertEquals(0, header.statusCode());
        assertNull(header.body());
        FunctionResult none = s.http("exports = (p, response) => 1;");
        assertFalse(none.responseUsed());
        assertTrue(none.headers().isEmpty());
    }

    @Test
    void invalidResponseCallsThrowJsErrors() {
        for (String bad : List.of("response.setStatusCode(99)", "response.setStatusCode(600)", "response.setStatusCode(200.5)",
                "response.setStatusCode('200')", "response.setHeader('X-A', 'a\\r\\nInjected: 1')", "response.addHeader('X-A\\n', 'a')",
                "response.setBody({a: 1})", "response.setHeader('', 'x')")) {
            FunctionResult r = s.http("exports = (p, response) => { try { " + bad + "; return 'accepted'; }"
                    + " catch (e) { return (e instanceof Error) + ':' + e.message; } };");
            String v = value(r);
            assertTrue(v.startsWith("\"true:"), bad + " -> " + v);
            assertFalse(r.responseUsed(), bad);
        }
        HookError e = s.fails("exports = (p, response) => { response.setStatusCode(1000); };");
        assertEquals(ErrorCode.FunctionExecutionError, e.code());
        assertEquals("setStatusCode: 1000 is not a valid HTTP status; use an integer from 100 to 599", e.getMessage());
    }

    @Test
    void httpResponseConstructor() {
        assertEquals("\"201|function|true\"", s.returns("exports = () => { const r = new HTTPResponse(); r.setStatusCode(201);"
                + " const other = HTTPResponse(); return 201 + '|' + typeof other.setBody + '|' + (r instanceof HTTPResponse); };"));
        // The editor pattern: the function called by hand with a hand-made response.
        assertEquals("\"ok:x\"", s.returns("const fn = (payload, response) => { response.setBody('x'); return 'ok:' + payload.body; };\n"
                + "exports = () => fn({body: 'x'}, new HTTPResponse());"));
    }

    @Test
    void contextRequest() {
        HttpRequestData base = Scripts.request(null);
        Map<String, List<String>> headers = new LinkedHashMap<>(base.headers());
        headers.put("User-Agent", List.of("curl/8"));
        headers.put("Referer", List.of("https://ref.example"));
        HttpRequestData request = new HttpRequestData("GET", headers, base.query(), "arg1=hello&arg2=world", null,
                "10.0.0.7", "https://example.test/hook", "svc", "hook1");
        FunctionResult r = s.runtime.runHttp(s.js("exports = () => context.request;"), FunctionRunner.PayloadStyle.RAW, request, AppUser.SYSTEM, "t");
        assertEquals("{\"remoteIPAddress\": \"10.0.0.7\", \"requestHeaders\": {\"Content-Type\": [\"application/json\"], \"X-Many\": [\"a\", \"b\"],"
                + " \"User-Agent\": [\"curl/8\"], \"Referer\": [\"https://ref.example\"]}, \"webhookUrl\": \"https://example.test/hook\","
                + " \"httpMethod\": \"GET\", \"rawQueryString\": \"arg1=hello&arg2=world\", \"httpReferrer\": \"https://ref.example\","
                + " \"httpUserAgent\": \"curl/8\", \"service\": \"svc\", \"action\": \"hook1\"}", value(r));
        assertEquals("\"undefined|undefined\"", s.returns("exports = () => typeof context.request.httpReferrer + '|' + typeof context.request.httpUserAgent;"));
    }

    @Test
    void contextUserForTheSystemUser() {
        assertEquals("{\"type\": \"system\", \"data\": {}, \"custom_data\": {}, \"identities\": [], \"hasId\": false, \"system\": true}",
                s.returns("exports = () => Object.assign({}, context.user, {hasId: 'id' in context.user, system: context.runningAsSystem()});"));
    }

    @Test
    void contextUserForANormalUser() {
        AppUser user = new AppUser("5f1a", "normal", new BsonDocument("email", new BsonString("a@b.c")),
                new BsonDocument("plan", new BsonString("pro")).append("n", new BsonInt32(3)),
                List.of(new AppUser.Identity("id-1", "local-userpass", new BsonDocument("email", new BsonString("a@b.c")))));
        FunctionResult r = s.runtime.runHttp(s.js("exports = () => [context.user, context.runningAsSystem(), context.user.custom_data.n + 1];"),
                FunctionRunner.PayloadStyle.RAW, Scripts.request(null), user, "t");
        assertEquals("[{\"id\": \"5f1a\", \"type\": \"normal\", \"data\": {\"email\": \"a@b.c\"}, \"custom_data\": {\"plan\": \"pro\","
                + " \"n\": {\"$numberInt\": \"3\"}}, \"identities\": [{\"id\": \"id-1\", \"provider_type\": \"local-userpass\","
                + " \"data\": {\"email\": \"a@b.c\"}}]}, false, {\"$numberInt\": \"4\"}]", value(r));
    }

    @Test
    void consoleIsCapturedAndFormattedLikeNode() {
        FunctionResult r = s.http("exports = () => {\n"
                + "  console.log('plain', 1, true, null, undefined);\n"
                + "  console.info({a: [1, 'x']}, [1, 2]);\n"
                + "  console.warn('%s is %d years', 'Bob', 42, 'extra');\n"
                + "  console.error(new TypeError('bad'));\n"
                + "  console.debug(function named() {}, 'tail');\n"
                + "  console.log('x'.repeat(20000).length, 'x'.repeat(20000));\n"
                + "};");
        assertEquals("plain 1 true null undefined", r.console().get(0));
        assertEquals("{\"a\":[1,\"x\"]} [1,2]", r.console().get(1));
        assertEquals("Bob is 42 years extra", r.console().get(2));
        assertEquals("TypeError: bad", r.console().get(3));
        assertEquals("[Function: named] tail", r.console().get(4));
        assertTrue(r.console().get(5).endsWith("... [line truncated]") && r.console().get(5).length() < 10100, "line cap");
    }

    @Test
    void consoleTotalIsCapped() {
        FunctionResult r = s.http("exports = () => { for (let i = 0; i < 1500; i++) console.log('line ' + i); };");
        assertEquals(1001, r.console().size());
        assertEquals("... [console output truncated]", r.console().get(1000));
    }

    @Test
    void returnValuesAreTypedLikeThePlatform() {
        assertEquals("{\"i\": {\"$numberInt\": \"900\"}, \"d\": {\"$numberDouble\": \"3.14159\"}, \"l\": {\"$numberLong\": \"4294967296\"},"
                        + " \"s\": \"x\", \"n\": null, \"date\": {\"$date\": {\"$numberLong\": \"0\"}}, \"oid\": {\"$oid\": \"5f1a00000000000000000000\"}}",
                s.returns("exports = () => ({i: 900, d: 3.14159, l: 2 ** 32, s: 'x', n: null, u: undefined, date: new Date(0),"
                        + " oid: new BSON.ObjectId('5f1a00000000000000000000')});"));
        assertNull(s.http("exports = () => undefined;").returnValue());
        assertNull(s.http("exports = () => {};").returnValue());
    }

    @Test
    void callPassesBsonArgumentsAndReturnsBson() {
        // An Int64 argument arrives as a BSON.Long (EJSON.parse of canonical text), which still adds as a number.
        ScriptRef ref = s.js("exports = async (a, b, doc) => ({sum: a + b, name: doc.name, type: typeof b, ctx: typeof context.request});");
        BsonValue result = s.runtime.call(ref, List.of(new BsonInt32(2), new org.bson.BsonInt64(40), new BsonDocument("name", new BsonString("n"))),
                null, AppUser.SYSTEM, "call");
        assertEquals("{\"sum\": {\"$numberInt\": \"42\"}, \"name\": \"n\", \"type\": \"object\", \"ctx\": \"undefined\"}", Ejson.canonical(result));
    }

    @Test
    void thrownErrorsBecomeFunctionExecutionErrors() {
        HookError plain = s.fails("exports = () => { throw new Error('boom'); };");
        assertEquals(ErrorCode.FunctionExecutionError, plain.code());
        assertEquals(400, plain.status());
        assertEquals("boom", plain.getMessage());
        assertEquals("just a string", s.fails("exports = () => { throw 'just a string'; };").getMessage());
        assertEquals("42", s.fails("exports = () => { throw 42; };").getMessage());
        assertEquals("TypeError: Cannot read property \"x\" from undefined", s.fails("exports = () => undefined.x;").getMessage()
                .replace("get property", "read property").replace(" of ", " from "));
        assertEquals("the script does not export a function (assign one to exports or module.exports)",
                s.fails("exports = 42;").getMessage());
    }

    @Test
    void errorStackIsMappedToTheOriginalLines() {
        ScriptRef ref = s.js("// line 1\n"
                + "const helper = (x) => {\n"
                + "  if (x) {\n"
                + "    throw new Error('deep');\n"       // original line 4
                + "  }\n"
                + "};\n"
                + "exports = async function () {\n"
                + "  await null;\n"
                + "  helper(true);\n"                      // original line 9
                + "};\n");
        ScriptError e = assertThrows(ScriptError.class, () -> s.http(ref));
        assertEquals("deep", e.getMessage());
        assertTrue(e.scriptStack().contains(ref.original() + ":4"), e.scriptStack());
        assertTrue(e.scriptStack().contains(ref.original() + ":9"), e.scriptStack());
        assertFalse(e.scriptStack().contains("(" + ref.path() + ":"), e.scriptStack());
    }

    @Test
    void contributorsAddLazyContextMembers() {
        int[] built = {0};
        ContextContributor values = new ContextContributor() {
            @Override
            public String name() {
                return "extra";
            }

            @Override
            public Object create(CallScope scope) {
                built[0]++;
                var o = scope.newObject();
                o.setMember("action", scope.request().action());
                o.setMember("doc", scope.bson(new BsonDocument("n", new org.bson.BsonInt64(7))));
                o.setMember("get", scope.function("get", args -> "got " + args.get(0)));
                return o;
            }
        };
        try (Scripts withExtra = new Scripts(Scripts.fastOptions().withFunctionTimeout(Duration.ofSeconds(5)).withContributors(List.of(values)))) {
            int before = built[0];
            withExtra.http("exports = () => 1;");
            assertEquals(before, built[0], "not built when unused");
            assertEquals("\"hook1|7|got k|true\"", withExtra.returns("exports = () => context.extra.action + '|' + context.extra.doc.n + '|'"
                    + " + context.extra.get('k') + '|' + (context.extra === context.extra);"));
            // own, enumerable, assignable members as on the platform; what a call does to them ends with the call
            assertEquals("\"request,user,extra|replaced|true\"", withExtra.returns("exports = () => {"
                    + " const keys = Object.keys(context).filter(k => ['request', 'user', 'extra'].includes(k)).join(',');"
                    + " context.extra = 'replaced'; const d = Object.getOwnPropertyDescriptor(context, 'user');"
                    + " d.get.marked = true; return [keys, context.extra, d.enumerable].join('|'); };"));
            assertEquals("\"hook1|undefined\"", withExtra.returns("exports = () => context.extra.action + '|'"
                    + " + Object.getOwnPropertyDescriptor(context, 'user').get.marked;"));
        }
    }
}
