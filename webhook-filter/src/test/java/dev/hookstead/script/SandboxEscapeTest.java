package dev.hookstead.script;

import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.script.compile.ScriptCompileException;
import dev.hookstead.script.compile.ScriptCompiler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every known way out of the sandbox, one test each. Scripts are raw ES5 (no compiler checks) unless a test needs
 * modern syntax: the runtime must hold on its own. Each must fail to escape, and the JVM keeps running.
 */
class SandboxEscapeTest {
    private static Scripts s;

    @BeforeAll
    static void start() {
        s = new Scripts(Scripts.fastOptions());
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    /** Runs `body` (ES5 statements ending in a return) and answers "reached: value" or "blocked: Name: message". */
    private static String attempt(String body) {
        String es5 = "exports = function () {\n"
                + "  try { var v = (function () { " + body + " }).call(undefined); return 'reached: ' + String(v); }\n"
                + "  catch (e) { return (e instanceof Error) ? 'blocked: ' + e.name + ': ' + e.message : 'JAVA: ' + String(e); }\n"
                + "};";
        return s.http(s.es5(es5)).returnValue().asString().getValue();
    }

    private static void blocked(String body) {
        String outcome = attempt(body);
        assertTrue(outcome.startsWith("blocked: "), outcome);
        assertFalse(outcome.contains("java.") || outcome.contains("root:"), outcome);
    }

    private static void sees(String expected, String body) {
        assertEquals("reached: " + expected, attempt(body));
    }

    @Test void javaType() { blocked("return Java.type('java.lang.System');"); }
    @Test void packages() { blocked("return Packages.java.lang.System;"); }
    @Test void javaPackage() { blocked("return java.lang.System;"); }
    @Test void javaxPackage() { blocked("return javax.script.ScriptEngineManager;"); }
    @Test void javaImporter() { blocked("return new JavaImporter(java.lang);"); }
    @Test void globalEngine() { sees("undefined", "return (function () { return this; })().engine;"); }
    @Test void engineFactory() { blocked("return engine.factory.getScriptEngine();"); }
    @Test void noSuchProperty() { sees("undefined", "return typeof (function () { return this; })().__noSuchProperty__;"); }
    @Test void loadFile() { blocked("return load('/etc/passwd');"); }
    @Test void loadWithNewGlobal() { blocked("return loadWithNewGlobal({script: '1', name: 'x'});"); }
    @Test void quit() { blocked("return quit();"); }
    @Test void exit() { blocked("return exit(1);"); }
    @Test void readFully() { blocked("return readFully('/etc/passwd');"); }
    @Test void readLine() { blocked("return readLine();"); }
    @Test void print() { blocked("return print('x');"); }
    @Test void exec() { blocked("return $EXEC('ls');"); }
    @Test void env() { sees("undefined", "return typeof $ENV;"); }
    @Test void jsAdapter() { blocked("return new JSAdapter({});"); }
    @Test void eval() { assertEquals("blocked: EvalError: eval is disabled: code generated at run time would escape the sandbox", attempt("return eval('1');")); }
    @Test void indirectEval() { blocked("return (0, eval)('this');"); }
    @Test void functionConstructor() { blocked("return Function('return this')();"); }
    @Test void newFunction() { blocked("return new Function('return this')();"); }
    @Test void functionPrototypeConstructor() { blocked("return (function () {}).constructor('return this')();"); }
    @Test void instanceofFunctionStillWorks() { sees("true", "return (function () {}) instanceof Function;"); }
    @Test void objectBindProperties() { sees("undefined", "return typeof Object.bindProperties;"); }
    @Test void errorDumpStack() { sees("undefined undefined undefined", "return typeof Error.dumpStack + ' ' + typeof Error.captureStackTrace + ' ' + typeof new Error('x').printStackTrace;"); }
    @Test void setTimeoutWithCodeString() { blocked("return setTimeout('1 + 1', 0);"); }

    @Test
    void asyncAndGeneratorConstructors() {
        // Transpiled async functions and generators are plain functions: their constructor is the disabled stub.
        String result = s.returns("exports = function () {\n"
                + "  const tries = [() => (async function () {}).constructor('return this')(),\n"
                + "                 () => Object.getPrototypeOf(function* () {}).constructor('return this')(),\n"
                + "                 () => (function* () {}).constructor('return this')()];\n"
                + "  return tries.map(t => { try { t(); return 'reached'; } catch (e) { return e.name; } }).join(',');\n"
                + "};");
        assertEquals("\"EvalError,EvalError,EvalError\"", result);
    }

    @Test
    void guardReflection() {
        blocked("return __hs_guard__.getClass().forName('java.lang.System');");
        blocked("return __hs_guard__.getClass().getName();");
        blocked("return __hs_guard__['class'].getName();");
    }

    @Test
    void compilerRefusesTheGuardName() {
        assertThrows(ScriptCompileException.class,
                () -> new ScriptCompiler().compile("functions/x.js", "exports = () => __hs_guard__.getClass();"));
    }

    @Test
    void errorObjectsGiveNoReflection() {
        // Nashorn puts its Java exception on every Error as `nashornException`; reflection through it stays blocked.
        blocked("try { null.x; } catch (e) { return e.nashornException.getClass().getName(); }");
        blocked("try { null.x; } catch (e) { return e.nashornException.getClass().forName('java.lang.System'); }");
    }

    @Test
    void facadeErrorsArePlainJsErrors() {
        sees("true|undefined|undefined", "try { BSON.Binary.fromBase64('!!not base64!!'); return 'no error'; } catch (e) {"
                + " return (e instanceof Error) + '|' + typeof e.getClass + '|' + typeof e.getStackTrace; }");
        sees("true|undefined", "try { BSON.ObjectId('xyz'); return 'no error'; } catch (e) {"
                + " return (e instanceof Error) + '|' + typeof e.getClass; }");
    }

    @Test
    void nothingReachableIsJavaOrUnfrozen() throws java.io.IOException {
        // Walks the global (utils included) and this call's objects (payload, response, context with its services,
        // a collection, cursors, http and functions): every object must be a script
        // object; everything reachable from the global must be frozen.
        String walk = "exports = function (payload, response) {\n"
                + "  var global = (function () { return this; })();\n"
                + "  var seen = [], java = [], unfrozen = [];\n"
                + "  function visit(root, name, mustFreeze) {\n"
                + "    var stack = [[root, name]];\n"
                + "    while (stack.length) {\n"
                + "      var item = stack.pop(), o = item[0];\n"
                + "      if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.indexOf(o) >= 0) continue;\n"
                + "      seen.push(o);\n"
                + "      var names;\n"
                + "      try { names = Object.getOwnPropertyNames(o); } catch (e) { java.push(item[1]); continue; }\n"
                + "      if (mustFreeze && !Object.isFrozen(o) && o !== global) unfrozen.push(item[1]);\n"
                + "      stack.push([Object.getPrototypeOf(o), item[1] + '.__proto__']);\n"
                + "      names.forEach(function (n) {\n"
                + "        if (o === global && (n === '__FILE__' || n === '__DIR__' || n === '__LINE__')) return;\n"
                + "        if (o === global && Object.getOwnPropertyDescriptor(o, n).configurable) unfrozen.push('configurable global.' + n);\n"
                + "        var d = Object.getOwnPropertyDescriptor(o, n);\n"
                + "        [d.value, d.get, d.set].forEach(function (v) { stack.push([v, item[1] + '.' + n]); });\n"
                + "      });\n"
                + "    }\n"
                + "  }\n"
                + "  visit(global, 'global', true);\n"
                + "  visit(payload, 'payload', false); visit(response, 'response', false);\n"
                + "  visit(context.request, 'context.request', false); visit(context.user, 'context.user', false);\n"
                + "  visit(context.values, 'context.values', false); visit(context.services, 'context.services', false);\n"
                + "  var coll = context.services.get('mongodb-atlas').db('d').collection('c');\n"
                + "  visit(coll, 'collection', false); visit(coll.find({}), 'cursor', false);\n"
                + "  visit(coll.aggregate([]).sort({a: 1}), 'aggregate', false);\n"
                + "  visit(context.http, 'context.http', false); visit(context.functions, 'context.functions', false);\n"
                + "  if (typeof utils.crypto.hmac !== 'function' || typeof coll.insertOne !== 'function') throw new Error('members missing');\n"
                + "  return JSON.stringify({java: java.slice(0, 5), unfrozen: unfrozen.slice(0, 5), count: seen.length});\n"
                + "};";
        String result;
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("hookstead-escape");
        try (dev.hookstead.services.mongodb.MongoServices mongo = new dev.hookstead.services.mongodb.MongoServices(
                java.util.List.of("mongodb-atlas"), key -> key.equals("hookstead.data.dir") ? data.toString() : null);
             Scripts slow = new Scripts(Scripts.fastOptions().withFunctionTimeout(java.time.Duration.ofSeconds(20)),
                     TestPlatformServices.of(mongo, dev.hookstead.services.http.HttpSettings.of(
                             java.time.Duration.ofSeconds(5), java.util.Set.of())))) {
            result = slow.http(slow.es5(walk)).returnValue().asString().getValue();
        }
        assertTrue(result.startsWith("{\"java\":[],\"unfrozen\":[],"), result);
    }

    @Test
    void objectPrototypePollution() {
        sees("undefined", "Object.prototype.polluted = 1; return ({}).polluted;");
        sees("undefined", "return ({}).polluted;");
        blocked("Object.defineProperty(Object.prototype, 'polluted', {value: 1}); return 1;");
        sees("undefined", "({}).__proto__.polluted = 1; return ({}).polluted;");
    }

    @Test
    void arrayPushPoisoning() {
        attempt("Array.prototype.push = function () { return 'poisoned'; }; return 1;");
        sees("2", "var a = [1]; a.push(2); return a.length;");
    }

    @Test
    void jsonParseReplacement() {
        attempt("JSON.parse = function () { return 'poisoned'; }; return 1;");
        sees("1", "return JSON.parse('{\"a\":1}').a;");
    }

    @Test
    void prepareStackTrace() {
        attempt("Error.prepareStackTrace = function () { return 'poisoned'; }; return 1;");
        sees("undefined", "return typeof Error.prepareStackTrace;");
    }

    @Test
    void bsonAndEjsonCannotBeModified() {
        attempt("BSON.ObjectId = null; EJSON.parse = null; BSON.Binary.prototype.text = null; return 1;");
        sees("function function abc", "return typeof BSON.ObjectId + ' ' + typeof EJSON.parse + ' ' + BSON.Binary.fromBase64('YWJj').text();");
    }

    @Test
    void consoleAndHttpResponseCannotBeModified() {
        attempt("console.log = null; HTTPResponse.prototype.x = 1; setTimeout = null; return 1;");
        sees("function undefined function", "return typeof console.log + ' ' + HTTPResponse.prototype.x + ' ' + typeof setTimeout;");
    }

    @Test
    void overrideMistakeIsTamed() {
        // Frozen prototypes still let instances get their own toString/constructor/message (as SES does).
        sees("mine|C|boom", "function C() {} C.prototype.toString = function () { return 'mine'; };\n"
                + " var e = new Error('x'); e.message = 'boom';\n"
                + " return String(new C()) + '|' + C.prototype.constructor.name + '|' + e.message;");
    }

    @Test
    void modernClassesExtendingErrorStillWork() {
        String result = s.returns("class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } }\n"
                + "exports = () => { try { throw new MyError('bad'); } catch (e) { return e.name + ':' + e.message + ':' + (e instanceof MyError); } };");
        assertEquals("\"MyError:bad:true\"", result);
    }

    @Test
    void jvmKeepsRunningAfterEscapeAttempts() {
        attempt("quit(); return 1;");
        attempt("exit(0); return 1;");
        assertEquals("{\"$numberInt\": \"42\"}", s.returns("exports = () => 42;"));
    }

    @Test
    void contextCannotBeRedefined() {
        blocked("Object.defineProperty((function () { return this; })(), 'context', {value: {fake: true}}); return 1;");
        sees("object", "return typeof context.request;");
    }

    @Test
    void thrownErrorsCarryNoJavaDetails() {
        HookError e = assertThrows(HookError.class, () -> s.http(s.es5("exports = function () { return null.x; };")));
        assertEquals(ErrorCode.FunctionExecutionError, e.code());
        assertFalse(e.getMessage().contains("java") || e.getMessage().contains("nashorn"), e.getMessage());
    }
}
