package dev.hookstead.script;

import dev.hookstead.script.call.ContextContributor;
import dev.hookstead.bson.Ejson;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.FunctionResult;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.script.call.CallScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The queue standing in for an event loop: awaited and un-awaited work, rejections, the async limit. */
class AsyncTest {
    private static Scripts s;

    @BeforeAll
    static void start() {
        s = new Scripts(Scripts.fastOptions().withFunctionTimeout(Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void awaitsThePromise() {
        assertEquals("{\"a\": {\"$numberInt\": \"1\"}, \"b\": \"two\"}", s.returns(
                "const wait = (ms, v) => new Promise(r => setTimeout(() => r(v), ms));\n"
                        + "exports = async () => { const [a, b] = await Promise.all([wait(5, 1), wait(1, 'two')]); return {a, b}; };"));
    }

    @Test
    void forAwaitAndGeneratorsWork() {
        assertEquals("\"1,2,3|6\"", s.returns(
                "function* gen() { yield 1; yield 2; yield 3; }\n"
                        + "exports = async () => { const out = []; for await (const v of [Promise.resolve(1), 2, Promise.resolve(3)]) out.push(v);\n"
                        + "  let sum = 0; for (const g of gen()) sum += g; return out.join(',') + '|' + sum; };"));
    }

    @Test
    void unAwaitedWorkIsDrainedBeforeTheResponse() {
        FunctionResult r = s.http("exports = () => {\n"
                + "  setTimeout(() => console.log('timer ran'), 20);\n"
                + "  (async () => { await null; console.log('async ran'); })();\n"
                + "  return 'returned first';\n"
                + "};");
        assertEquals("\"returned first\"", Ejson.canonical(r.returnValue()));
        assertEquals(List.of("async ran", "timer ran"), r.console());
    }

    @Test
    void reactionsRunInTheOrderNodeRunsThem() {
        // what Node 20.20 prints for the same code
        FunctionResult r = s.http("exports = () => {\n"
                + "  const out = [];\n"
                + "  setTimeout(() => { out.push('timeout'); console.log(out.join(' ')); }, 0);\n"
                + "  Promise.resolve().then(() => out.push('p1')).then(() => out.push('p3'));\n"
                + "  Promise.resolve().then(() => out.push('p2'));\n"
                + "  (async () => { out.push('a1'); await null; out.push('a2'); await null; out.push('a3'); })();\n"
                + "  new Promise(r => r(Promise.resolve())).then(() => out.push('adopted'));\n"
                + "  Promise.resolve({then(ok) { ok(); }}).then(() => out.push('thenable'));\n"
                + "  out.push('sync');\n"
                + "};");
        assertEquals(List.of("a1 sync p1 p2 a2 p3 a3 thenable adopted timeout"), r.console());
    }

    @Test
    void promiseCombinatorsSettleAsSpecified() {
        assertEquals("\"3|ok,no|two|first|all failed:2|x,y\"", s.returns("exports = async () => {\n"
                + "  const all = await Promise.all(new Set([1, Promise.resolve(2), 3]));\n"
                + "  const settled = (await Promise.allSettled([Promise.resolve(1), Promise.reject(2)])).map(s => s.status === 'fulfilled' ? 'ok' : 'no');\n"
                + "  const any = await Promise.any([Promise.reject(1), Promise.resolve('two')]);\n"
                + "  const race = await Promise.race([Promise.resolve('first'), new Promise(r => setTimeout(() => r('late'), 5))]);\n"
                + "  const none = await Promise.any([Promise.reject('x'), Promise.reject('y')]).catch(e => 'all failed:' + e.errors.length);\n"
                + "  const fin = []; await Promise.resolve('x').finally(() => fin.push('x')); await Promise.reject('y').catch(() => {}).finally(() => fin.push('y'));\n"
                + "  return [all.length, settled, any, race, none, fin].join('|');\n"
                + "};"));
    }

    @Test
    void asyncFunctionsCatchAndFinallyAroundAwait() {
        assertEquals("\"caught boom|finally|after\"", s.returns("exports = async () => {\n"
                + "  const out = [];\n"
                + "  try { await Promise.reject(new Error('boom')); } catch (e) { out.push('caught ' + e.message); } finally { out.push('finally'); }\n"
                + "  out.push(await (async () => { await null; return 'after'; })());\n"
                + "  return out.join('|');\n"
                + "};"));
    }

    @Test
    void timersRunInDueOrder() {
        // 300 ms: far more than the synchronous part takes even on a loaded machine, so "now" is always first
        FunctionResult r = s.http("exports = () => { setTimeout(() => console.log('30'), 300); setTimeout(() => console.log('0'), 0);"
                + " const id = setTimeout(() => console.log('cleared'), 10); clearTimeout(id); setImmediate(() => console.log('now')); };");
        assertEquals(List.of("0", "now", "30"), r.console());
    }

    @Test
    void timersGetTheirExtraArgumentsAsNodeGivesThem() {
        FunctionResult r = s.http("exports = () => { const show = function () { console.log(arguments.length + ':'"
                + " + Array.prototype.join.call(arguments, ',') + ':' + (this === undefined || this === globalThis)); };"
                + " setTimeout(show, 0); setTimeout(show, 0, 'a'); setImmediate(show, 'a', 'b'); setTimeout(show, 0, 1, 2, 3); };");
        assertEquals(List.of("0::true", "1:a:true", "2:a,b:true", "3:1,2,3:true"), r.console());
    }

    @Test
    void rejectionIsAFunctionError() {
        HookError e = assertThrowsHook("exports = async () => { await null; throw new Error('boom'); };");
        assertEquals(ErrorCode.FunctionExecutionError, e.code());
        assertEquals("boom", e.getMessage());
        HookError rejected = assertThrowsHook("exports = () => Promise.reject('plain reason');");
        assertEquals("plain reason", rejected.getMessage());
    }

    @Test
    void errorInAnUnAwaitedTimerFailsTheCall() {
        HookError e = assertThrowsHook("exports = () => { setTimeout(() => { throw new TypeError('late'); }, 0); return 1; };");
        assertEquals("TypeError: late", e.getMessage());
    }

    @Test
    void neverSettlingPromiseIsReported() {
        HookError e = assertThrowsHook("exports = () => new Promise(() => {});");
        assertTrue(e.getMessage().contains("never settled"), e.getMessage());
    }

    @Test
    void moreThanTheLimitOfPendingAsyncWorkFails() {
        HookError e = assertThrowsHook("exports = () => { for (let i = 0; i < 1001; i++) setTimeout(() => {}, 0); return 1; };");
        assertEquals(ErrorCode.FunctionExecutionError, e.code());
        assertEquals("exceeded max async work queue size of 1000", e.getMessage());
        HookError caught = assertThrowsHook("exports = () => { try { for (let i = 0; i < 2000; i++) setTimeout(() => {}, 0); } catch (x) {} return 'swallowed'; };");
        assertEquals("exceeded max async work queue size of 1000", caught.getMessage());
        assertEquals("{\"$numberInt\": \"1\"}", s.returns("exports = async () => { await null; return 1; };"));
    }

    @Test
    void sequentialAwaitsAreNotLimited() {
        // The limit is on pending work (the platform's "queue size"), not on how much async work runs in total.
        assertEquals("{\"$numberInt\": \"3000\"}", s.returns(
                "exports = async () => { let n = 0; for (let i = 0; i < 3000; i++) { await new Promise(r => setTimeout(r, 0)); n++; } return n; };"));
    }

    @Test
    void hostAsyncFunctionsCountAgainstTheLimit() {
        ContextContributor slowService = new ContextContributor() {
            @Override
            public String name() {
                return "svc";
            }

            @Override
            public Object create(CallScope scope) {
                var svc = scope.newObject();
                svc.setMember("op", scope.asyncFunction("op", args -> "done " + args.get(0)));
                svc.setMember("fail", scope.function("fail", args -> {
                    throw new IllegalStateException("secret java detail");
                }));
                return svc;
            }
        };
        try (Scripts limited = new Scripts(Scripts.fastOptions().withFunctionTimeout(Duration.ofSeconds(5))
                .withMaxAsyncOperations(10).withContributors(List.of(slowService)))) {
            assertEquals("\"done 1\"", limited.returns("exports = async () => await context.svc.op(1);"));
            HookError e = org.junit.jupiter.api.Assertions.assertThrows(HookError.class, () -> limited.http(
                    "exports = async () => { const all = []; for (let i = 0; i < 11; i++) all.push(context.svc.op(i)); return (await Promise.all(all)).length; };"));
            assertEquals("exceeded max async work queue size of 10", e.getMessage());
            assertEquals("\"Error|internal error in a platform function|undefined\"", limited.returns(
                    "exports = () => { try { context.svc.fail(); } catch (e) { return e.name + '|' + e.message + '|' + typeof e.getClass; } };"));
        }
    }

    private static HookError assertThrowsHook(String source) {
        var ref = s.js(source);
        return org.junit.jupiter.api.Assertions.assertThrows(HookError.class, () -> s.http(ref));
    }
}
