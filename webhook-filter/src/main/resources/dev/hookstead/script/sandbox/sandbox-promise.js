// Promise and the async-function runner, written for this runtime and installed over the prelude's polyfills,
// evaluated after the prelude and the timers, before the global is frozen. Completion value:
// function(global, queue, host, plain) -> {later: function(work)}. plain(value) takes Nashorn's Java exception off an
// error (sandbox-harden.js): every rejection reason and every error an async function's catch gets passes through it.
//
// Why not Closure's polyfill: every pool global runs the same compiled code, so most call sites here are linked
// generically, and there each closure, call and property write costs far more than on a warm site. The polyfill
// spends about fifty calls and a dozen objects on one `await`; this spends a handful and two plain records.
// Reactions run as microtasks of the global's queue, in the order the language specifies (as in Node).
(function (global, queue, host, plain) {
    'use strict';
    var PENDING = 0, FULFILLED = 1, REJECTED = 2;
    var THEN = 0, AWAIT_ENGINE = 1, AWAIT_GENERATOR = 2, ADOPT = 3;
    var microtask = queue.microtask;
    var jscomp = global.$jscomp;
    var iterate = jscomp && typeof jscomp.makeIterator === 'function' ? jscomp.makeIterator : null;

    function describe(value) {
        return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
    }

    function Promise(executor) {
        if (!(this instanceof Promise)) throw new TypeError("Promise constructor cannot be invoked without 'new'");
        this.state_ = PENDING;
        this.result_ = undefined;
        this.reactions_ = null;
        this.handled_ = false;
        if (typeof executor !== 'function') {
            throw new TypeError('Promise resolver ' + describe(executor) + ' is not a function');
        }
        var fns = resolvingFunctions(this);
        try {
            executor(fns.resolve, fns.reject);
        } catch (e) {
            if (host.isJavaThrowable(e)) throw e;   // time limit, stack overflow: end the whole call
            fns.reject(e);
        }
    }

    var promiseProto = Promise.prototype;

    // A promise the runtime settles itself (no executor, no resolving functions), made as a literal: in generically
    // linked code a constructor's `this.x = ...` adds each field through a map transition and a spill array, over
    // four times what the literal costs (bench/runtime/run.sh shapes).
    function newPromise() {
        return {__proto__: promiseProto, state_: PENDING, result_: undefined, reactions_: null, handled_: false};
    }

    function resolvingFunctions(promise) {
        var done = false;
        return {
            resolve: function (value) {
                if (done) return;
                done = true;
                resolvePromise(promise, value);
            },
            reject: function (reason) {
                if (done) return;
                done = true;
                settle(promise, REJECTED, reason);
            }
        };
    }

    function resolvePromise(promise, value) {
        if (value === promise) {
            settle(promise, REJECTED, new TypeError('Chaining cycle detected for promise'));
            return;
        }
        if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
            var then;
            try {
                then = value.then;
            } catch (e) {
                if (host.isJavaThrowable(e)) throw e;
                settle(promise, REJECTED, e);
                return;
            }
            if (typeof then === 'function') {
                microtask(resolveThenable, promise, value, then);
                return;
            }
        }
        settle(promise, FULFILLED, value);
    }

    /** The spec's NewPromiseResolveThenableJob; one of ours is followed directly. */
    function resolveThenable(promise, thenable, then) {
        if (then === promiseThen && thenable instanceof Promise) {
            subscribe(thenable, {kind: ADOPT, target: promise, onFulfilled: null, onRejected: null});
            return;
        }
        var fns = resolvingFunctions(promise);
        try {
            then.call(thenable, fns.resolve, fns.reject);
        } catch (e) {
            if (host.isJavaThrowable(e)) throw e;
            fns.reject(e);
        }
    }

    function settle(promise, state, value) {
        promise.state_ = state;
        promise.result_ = state === REJECTED ? plain(value) : value;
        var reactions = promise.reactions_;
        if (reactions !== null) {
            promise.reactions_ = null;
            for (var i = 0; i < reactions.length; i++) microtask(react, promise, reactions[i]);
        } else if (state === REJECTED && !promise.handled_) {
            microtask(reportUnhandled, promise);
        }
    }

    /** As the polyfill did: a rejection nobody handles by the next microtask goes to console.error. */
    function reportUnhandled(promise) {
        if (!promise.handled_ && global.console) global.console.error(promise.result_);
    }

    function subscribe(promise, reaction) {
        promise.handled_ = true;
        if (promise.state_ === PENDING) {
            if (promise.reactions_ === null) promise.reactions_ = [reaction];
            else promise.reactions_.push(reaction);
        } else {
            microtask(react, promise, reaction);
        }
    }

    function react(promise, reaction) {
        var state = promise.state_, value = promise.result_;
        switch (reaction.kind) {
            case ADOPT:
                settle(reaction.target, state, value);
                return;
            case AWAIT_ENGINE:
            case AWAIT_GENERATOR:
                resume(reaction.onFulfilled, reaction.kind, reaction.target, state === REJECTED, value);
                return;
        }
        var handler = state === FULFILLED ? reaction.onFulfilled : reaction.onRejected;
        if (typeof handler !== 'function') {
            settle(reaction.target, state, value);
            return;
        }
        var out;
        try {
            out = handler(value);
        } catch (e) {
            if (host.isJavaThrowable(e)) throw e;
            settle(reaction.target, REJECTED, e);
            return;
        }
        resolvePromise(reaction.target, out);
    }

    function promiseThen(onFulfilled, onRejected) {
        if (!(this instanceof Promise)) throw new TypeError('Promise.prototype.then called on ' + describe(this));
        var child = newPromise();
        subscribe(this, {kind: THEN, target: child, onFulfilled: onFulfilled, onRejected: onRejected});
        return child;
    }

    function define(obj, name, value) {
        Object.defineProperty(obj, name, {value: value, writable: true, enumerable: false, configurable: true});
    }

    define(Promise.prototype, 'then', promiseThen);
    define(Promise.prototype, 'catch', function (onRejected) {
        return this.then(undefined, onRejected);
    });
    define(Promise.prototype, 'finally', function (onFinally) {
        if (typeof onFinally !== 'function') return this.then(onFinally, onFinally);
        return this.then(function (value) {
            return resolved(onFinally()).then(function () {
                return value;
            });
        }, function (reason) {
            return resolved(onFinally()).then(function () {
                throw reason;
            });
        });
    });

    function resolved(value) {
        if (value instanceof Promise) return value;
        var promise = newPromise();
        resolvePromise(promise, value);
        return promise;
    }

    function toArray(iterable, method) {
        if (Array.isArray(iterable)) return iterable;
        if (iterable === null || iterable === undefined || iterate === null) {
            throw new TypeError('Promise.' + method + ': ' + describe(iterable) + ' is not iterable');
        }
        var items = [], iterator = iterate(iterable), step;
        while (!(step = iterator.next()).done) items.push(step.value);
        return items;
    }

    /** Promise.all, allSettled and any: one pass over the items, settling when every one has answered. */
    function combine(method, iterable, onItem) {
        var items = toArray(iterable, method);
        var out = newPromise();
        var results = new Array(items.length);
        var left = items.length;
        var finish = function (i, value) {
            results[i] = value;
            if (--left === 0) onItem.done(out, results);
        };
        if (left === 0) onItem.done(out, results);
        for (var i = 0; i < items.length; i++) onItem.each(Promise.resolve(items[i]), i, out, finish);
        return out;
    }

    function firstWins(out, state) {
        return function (value) {
            if (out.state_ === PENDING) settle(out, state, value);
        };
    }

    define(Promise, 'resolve', function (value) {
        return resolved(value);
    });
    define(Promise, 'reject', function (reason) {
        var promise = newPromise();
        settle(promise, REJECTED, reason);
        return promise;
    });
    define(Promise, 'all', function (iterable) {
        return combine('all', iterable, {
            each: function (item, i, out, finish) {
                item.then(function (value) {
                    finish(i, value);
                }, firstWins(out, REJECTED));
            },
            done: function (out, results) {
                if (out.state_ === PENDING) settle(out, FULFILLED, results);
            }
        });
    });
    define(Promise, 'allSettled', function (iterable) {
        return combine('allSettled', iterable, {
            each: function (item, i, out, finish) {
                item.then(function (value) {
                    finish(i, {status: 'fulfilled', value: value});
                }, function (reason) {
                    finish(i, {status: 'rejected', reason: reason});
                });
            },
            done: function (out, results) {
                settle(out, FULFILLED, results);
            }
        });
    });
    define(Promise, 'any', function (iterable) {
        return combine('any', iterable, {
            each: function (item, i, out, finish) {
                item.then(firstWins(out, FULFILLED), function (reason) {
                    finish(i, reason);
                });
            },
            done: function (out, errors) {
                if (out.state_ !== PENDING) return;
                var error;
                if (typeof global.AggregateError === 'function') {
                    error = new global.AggregateError(errors, 'All promises were rejected');
                } else {
                    error = new Error('All promises were rejected');
                    error.errors = errors;
                }
                settle(out, REJECTED, error);
            }
        });
    });
    define(Promise, 'race', function (iterable) {
        var items = toArray(iterable, 'race');
        var out = newPromise();
        for (var i = 0; i < items.length; i++) {
            Promise.resolve(items[i]).then(firstWins(out, FULFILLED), firstWins(out, REJECTED));
        }
        return out;
    });

    // --- async functions: Closure compiles them to a generator program driven by these -------------------------------
    function resume(driver, kind, promise, isThrow, value) {
        var step;
        try {
            if (kind === AWAIT_ENGINE) step = isThrow ? driver.throw_(value) : driver.next_(value);
            else step = isThrow ? driver['throw'](value) : driver.next(value);
        } catch (e) {
            if (host.isJavaThrowable(e)) throw e;
            settle(promise, REJECTED, e);
            return;
        }
        if (step.done) {
            resolvePromise(promise, step.value);
            return;
        }
        // await: the spec's PromiseResolve, then a reaction without a derived promise
        subscribe(resolved(step.value), {kind: kind, target: promise, onFulfilled: driver, onRejected: null});
    }

    function run(driver, kind) {
        var promise = newPromise();
        resume(driver, kind, promise, false, undefined);
        return promise;
    }

    // Closure's generator engine as literals, for the same reason as newPromise (an engine and its context are ten
    // fields per async call). Used only while they match what Closure's constructors build, checked once here, so
    // another Closure release falls back to the constructors.
    function engineFactory(generator) {
        var Engine = generator.Engine_;
        var byConstructor = function (program) {
            return new Engine(program);
        };
        if (typeof generator.Context !== 'function') return byConstructor;
        var engineProto = Engine.prototype, contextProto = generator.Context.prototype;
        var byLiteral = function (program) {
            return {
                __proto__: engineProto,
                context_: {__proto__: contextProto, isRunning_: false, yieldAllIterator_: null, yieldResult: undefined,
                    nextAddress: 1, catchAddress_: 0, finallyAddress_: 0, abruptCompletion_: null, finallyContexts_: null},
                program_: program
            };
        };
        var probe = function () {};
        return sameShape(byConstructor(probe), byLiteral(probe)) ? byLiteral : byConstructor;
    }

    /** Same prototypes, the same own property names in the same order, and the same values, nested objects alike. */
    function sameShape(a, b) {
        if (a === b) return true;
        if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' ||
            Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
        var keys = Object.getOwnPropertyNames(a);
        if (keys.join() !== Object.getOwnPropertyNames(b).join()) return false;
        for (var i = 0; i < keys.length; i++) {
            if (!sameShape(a[keys[i]], b[keys[i]])) return false;
        }
        return true;
    }

    if (jscomp && jscomp.generator && typeof jscomp.generator.Context === 'function') {
        // A catch in an async function or generator is a state of Closure's program, which gets its error from here.
        var contextProto = jscomp.generator.Context.prototype, enterCatchBlock = contextProto.enterCatchBlock;
        contextProto.enterCatchBlock = function (nextCatchBlockAddress) {
            return plain(enterCatchBlock.call(this, nextCatchBlockAddress));
        };
    }
    if (jscomp && jscomp.generator && typeof jscomp.generator.Engine_ === 'function') {
        var newEngine = engineFactory(jscomp.generator);
        jscomp.asyncExecutePromiseGenerator = function (generator) {
            return run(generator, AWAIT_GENERATOR);
        };
        jscomp.asyncExecutePromiseGeneratorFunction = function (generatorFunction) {
            return run(generatorFunction(), AWAIT_GENERATOR);
        };
        jscomp.asyncExecutePromiseGeneratorProgram = function (program) {
            return run(newEngine(program), AWAIT_ENGINE);
        };
    }
    global.Promise = Promise;

    return {
        /**
         * Runs work() as a job of the timer queue and answers with a promise of its outcome, like a platform service
         * call. work answers with a value or a promise; a settled promise of ours is taken over without extra ticks.
         */
        later: function (work) {
            var promise = newPromise();
            queue.enqueue(finishLater, [promise, work], 0);
            return promise;
        }
    };

    function finishLater(promise, work) {
        var out = work();
        if (out instanceof Promise && out.state_ !== PENDING) {
            out.handled_ = true;
            settle(promise, out.state_, out.result_);
        } else {
            resolvePromise(promise, out);
        }
    }
})
