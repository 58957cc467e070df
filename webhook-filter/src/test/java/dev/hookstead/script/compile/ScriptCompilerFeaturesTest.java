package dev.hookstead.script.compile;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each ES2015+ feature the hosted platform accepted compiles to ES5 and gives the right result on Nashorn. */
class ScriptCompilerFeaturesTest {

    private final ScriptCompiler compiler = new ScriptCompiler();

    private String run(String source, String argsJs) throws Exception {
        return JsHarness.runJson(compiler.compile("functions/test.js", source), argsJs);
    }

    @Test
    void seedStyleWebhookAwaitsAndDestructures() throws Exception {
        String source = """
                exports = async function(payload, response) {
                  const collection = { insertOne: function(doc) { return Promise.resolve({ insertedId: doc.id }); } };
                  const { insertedId } = await collection.insertOne({ id: payload.query.id });
                  return insertedId;
                };
                """;
        assertEquals("\"abc\"", run(source, "{query: {id: 'abc'}}, null"));
    }

    @Test
    void legacyVarExportsSurvives() throws Exception {
        assertEquals("42", run("var exports = function(payload) { return payload * 2; };", "21"));
    }

    @Test
    void moduleExportsIsTheFallback() throws Exception {
        assertEquals("\"m\"", run("module.exports = function() { return 'm'; };", ""));
    }

    @Test
    void asyncAwaitChainsAndRejectionsAreCaught() throws Exception {
        String source = """
                async function twice(x) { await null; return x * 2; }
                exports = async function(x) {
                  let total = 0;
                  for (let i = 0; i < 3; i++) total += await twice(x);
                  try { await Promise.reject(new Error('nope')); } catch (e) { total += e.message.length; }
                  return total;
                };
                """;
        assertEquals("22", run(source, "3"));
    }

    @Test
    void generatorsYieldAndDelegate() throws Exception {
        String source = """
                function* inner() { yield 2; yield 3; }
                function* numbers() { yield 1; yield* inner(); return 4; }
                exports = function() {
                  const out = [];
                  for (const n of numbers()) out.push(n);
                  const it = numbers(); it.next();
                  return out.concat([it.next().value]);
                };
                """;
        assertEquals("[1,2,3,2]", run(source, ""));
    }

    @Test
    void destructuringOfObjectsArraysAndParametersWithDefaults() throws Exception {
        String source = """
                exports = function({ query, headers = {}, body: { name = 'anon', tags: [first, second = 'none'] } }, [a, , c = 9] = []) {
                  const { x: { y } = { y: 'dy' } } = query;
                  return [query.q, Object.keys(headers).length, name, first, second, a, c, y];
                };
                """;
        assertEquals("[\"v\",0,\"anon\",\"t1\",\"none\",1,9,\"dy\"]",
                run(source, "{query: {q: 'v'}, body: {tags: ['t1']}}, [1, 2]"));
    }

    @Test
    void spreadAndRestForArraysObjectsAndArguments() throws Exception {
        String source = """
                function sum(...values) { return values.reduce((a, b) => a + b, 0); }
                exports = function(input) {
                  const arr = [...input.list, ...new Set([4, 4, 5])];
                  const { drop, ...kept } = { ...input.obj, extra: true };
                  return { total: sum(...arr), arr, kept, max: Math.max(...arr) };
                };
                """;
        assertEquals("{\"total\":15,\"arr\":[1,2,3,4,5],\"kept\":{\"a\":1,\"extra\":true},\"max\":5}",
                run(source, "{list: [1, 2, 3], obj: {a: 1, drop: 2}}"));
    }

    @Test
    void classesWithAccessorsStaticsFieldsAndExtendsError() throws Exception {
        String source = """
                class Shape {
                  count = 1;
                  static kind = 'shape';
                  constructor(w) { this.w = w; }
                  get area() { return this.w * this.w; }
                  set side(v) { this.w = v; }
                  static make(w) { return new this(w); }
                  describe() { return 'w=' + this.w; }
                }
                class Square extends Shape {
                  constructor(w) { super(w); }
                  describe() { return super.describe() + '!'; }
                }
                class HttpError extends Error {
                  constructor(status, message) { super(message); this.name = 'HttpError'; this.status = status; }
                }
                exports = function() {
                  const s = Square.make(2); s.side = 3;
                  let caught;
                  try { throw new HttpError(404, 'missing'); } catch (e) {
                    caught = [e instanceof HttpError, e instanceof Error, e.name, e.message, e.status];
                  }
                  return [s.area, s.describe(), s.count, Square.kind, s instanceof Shape, caught];
                };
                """;
        assertEquals("[9,\"w=3!\",1,\"shape\",true,[true,true,\"HttpError\",\"missing\",404]]", run(source, ""));
    }

    @Test
    void arrowFunctionsKeepThisAndArguments() throws Exception {
        String source = """
                function Counter() { this.n = 0; this.add = (k) => { this.n += k; return this.n; }; }
                exports = function() {
                  const c = new Counter(); c.add(2);
                  const args = (function() { return (() => arguments.length)(); })(1, 2, 3);
                  return [c.add(3), args, [1, 2, 3].map(x => x * x)];
                };
                """;
        assertEquals("[5,3,[1,4,9]]", run(source, ""));
    }

    @Test
    void templateLiteralsIncludingTaggedAndMultiline() throws Exception {
        String source = """
                function tag(strings, ...values) { return strings.raw.join('|') + values.join(','); }
                exports = function(name) {
                  return [`Hello ${name}, ${1 + 1}!`, tag`a${1}b\\n${2}`, `l1
                l2`];
                };
                """;
        assertEquals("[\"Hello Ann, 2!\",\"a|b\\\\n|1,2\",\"l1\\nl2\"]", run(source, "'Ann'"));
    }

    @Test
    void forOfOverMapSetArrayAndStrings() throws Exception {
        String source = """
                exports = function() {
                  const out = [];
                  const m = new Map([['a', 1], ['b', 2]]);
                  for (const [k, v] of m) out.push(k + v);
                  for (const v of new Set(['x', 'x', 'y'])) out.push(v);
                  for (const v of [7, 8]) out.push(v);
                  for (const ch of 'hi') out.push(ch);
                  for (const [i, v] of ['p'].entries()) out.push(i + v);
                  return out;
                };
                """;
        assertEquals("[\"a1\",\"b2\",\"x\",\"y\",7,8,\"h\",\"i\",\"0p\"]", run(source, ""));
    }

    @Test
    void optionalChainingNullishExponentAndLogicalAssignment() throws Exception {
        String source = """
                exports = function(p) {
                  let a = null; a ??= 5;
                  let b = 1; b &&= 7;
                  let c = 0; c ||= 3;
                  let d = 2; d **= 3;
                  return [p?.x?.y, p?.nope?.y, p.fn?.(), p.list?.[1], p.zero ?? 9, p.nil ?? 9, 2 ** 10, a, b, c, d];
                };
                """;
        assertEquals("[1,null,null,\"b\",0,9,1024,5,7,3,8]", run(source, "{x: {y: 1}, list: ['a', 'b'], zero: 0, nil: null}"));
    }

    @Test
    void libraryPolyfills() throws Exception {
        String source = """
                exports = async function() {
                  const settled = await Promise.allSettled([Promise.resolve(1), Promise.reject(new Error('e'))]);
                  const any = await Promise.any([Promise.reject(1), Promise.resolve('any')]);
                  let fin = false; await Promise.resolve().finally(() => { fin = true; });
                  return {
                    entries: Object.entries({ a: 1 }), values: Object.values({ a: 1, b: 2 }),
                    fromEntries: Object.fromEntries([['k', 'v']]),
                    settled: settled.map(s => s.status), any, fin,
                    includes: [1, 2].includes(2), flat: [1, [2, [3]]].flat(2), flatMap: [1, 2].flatMap(x => [x, x]),
                    find: [5, 6].find(x => x > 5), pad: 'a'.padStart(3, '-') + 'b'.padEnd(2, '.'),
                    strings: ['abc'.includes('b'), 'abc'.startsWith('a'), 'abc'.endsWith('c')],
                    assign: Object.assign({}, { z: 1 }), from: Array.from(new Set([1, 1, 2])),
                    reflect: Reflect.ownKeys({ q: 1 }), symbol: typeof Symbol.iterator
                  };
                };
                """;
        assertEquals("{\"entries\":[[\"a\",1]],\"values\":[1,2],\"fromEntries\":{\"k\":\"v\"},"
                + "\"settled\":[\"fulfilled\",\"rejected\"],\"any\":\"any\",\"fin\":true,\"includes\":true,"
                + "\"flat\":[1,2,3],\"flatMap\":[1,1,2,2],\"find\":6,\"pad\":\"--ab.\","
                + "\"strings\":[true,true,true],\"assign\":{\"z\":1},\"from\":[1,2],\"reflect\":[\"q\"],"
                + "\"symbol\":\"symbol\"}", run(source, ""));
    }

    @Test
    void forAwaitAndAsyncGenerators() throws Exception {
        String source = """
                async function* ticks() { yield 1; await null; yield 2; }
                exports = async function() {
                  const out = [];
                  for await (const t of ticks()) out.push(t);
                  for await (const v of [Promise.resolve('p'), 'q']) out.push(v);
                  return out;
                };
                """;
        assertEquals("[1,2,\"p\",\"q\"]", run(source, ""));
    }

    @Test
    void rejectionReachesTheHostWithNameAndMessage() throws Exception {
        CompiledScript script = compiler.compile("functions/test.js",
                "exports = async function() { await null; throw new TypeError('bad input'); };");
        JsHarness.Outcome outcome = JsHarness.run(script, TestGuard.never(), "");
        assertTrue(outcome.rejected());
        assertEquals("TypeError: bad input", JsHarness.describe(outcome.error()));
    }

    @Test
    void compilingTwiceGivesIdenticalOutput() throws Exception {
        String source = "exports = async (p) => { const { a, ...r } = p; for (const x of [1]) await x; return `${a}`; };";
        CompiledScript first = compiler.compile("functions/same.js", source);
        CompiledScript second = new ScriptCompiler().compile("functions/same.js", source);
        assertEquals(first, second);
    }
}
