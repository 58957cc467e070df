// Evaluated first in every global, before the prelude: the Promise polyfill captures setTimeout when it installs,
// so the queue that stands in for an event loop must exist by then. The polyfill is handed a microtask scheduler
// (promise reactions run before any timer, as in Node); installTimers() then gives user code the real timers.
// Completion value: function(global, host).
(function (global, host) {
    var slice = Array.prototype.slice;
    // Promise reactions, first in first out, four slots each (fn, a, b, c: runs fn(a, b, c)) from index `head` on:
    // no closure or record per reaction.
    var microtasks = [];
    var head = 0;
    var queue = [];           // timers, ordered by due time, then by arrival
    var nextId = 1;
    var limit = host.maxAsyncOperations();
    var overflow = null;

    function pendingMicrotasks() {
        return (microtasks.length - head) / 4;
    }

    function checkLimit() {
        if (queue.length + pendingMicrotasks() >= limit) {
            overflow = 'exceeded max async work queue size of ' + limit;
            throw new Error(overflow);
        }
    }

    function enqueue(fn, args, delay) {
        checkLimit();
        var ms = Number(delay);
        var job = {id: nextId++, due: Date.now() + (ms > 0 ? ms : 0), fn: fn, args: args};
        var i = queue.length;
        while (i > 0 && queue[i - 1].due > job.due) i--;
        queue.splice(i, 0, job);
        return job.id;
    }

    function cancel(id) {
        for (var i = 0; i < queue.length; i++) {
            if (queue[i].id === id) {
                queue.splice(i, 1);
                return;
            }
        }
    }

    function callback(name, fn) {
        if (typeof fn !== 'function') {
            throw new TypeError(name + ': the callback must be a function (code strings are not evaluated)');
        }
        return fn;
    }

    function microtask(fn, a, b, c) {
        checkLimit();
        microtasks.push(fn, a, b, c);
    }

    // What the prelude's Promise polyfill captures while it installs (sandbox-promise.js then replaces that Promise).
    global.setTimeout = function setTimeout(fn) {
        microtask(fn);
        return 0;
    };

    function installTimers() {
        global.setTimeout = function setTimeout(fn, delay) {
            return enqueue(callback('setTimeout', fn), slice.call(arguments, 2), delay);
        };
    }

    global.setImmediate = function setImmediate(fn) {
        return enqueue(callback('setImmediate', fn), slice.call(arguments, 1), 0);
    };
    global.clearTimeout = function clearTimeout(id) {
        cancel(id);
    };
    global.clearImmediate = function clearImmediate(id) {
        cancel(id);
    };

    /** Takes the first microtask off the queue and runs it. */
    function runMicrotask() {
        var fn = microtasks[head], a = microtasks[head + 1], b = microtasks[head + 2], c = microtasks[head + 3];
        head += 4;
        if (head === microtasks.length) {
            microtasks.length = 0;
            head = 0;
        } else if (head >= 4096) {
            microtasks.splice(0, head);   // a long chain never empties the queue: drop what has run
            head = 0;
        }
        fn(a, b, c);
    }

    return {
        enqueue: enqueue,
        microtask: microtask,
        installTimers: installTimers,
        /** Runs queued jobs until none is left; waits (bounded by the deadline) for jobs that are not due yet. */
        drain: function (guard) {
            while (queue.length > 0 || head < microtasks.length) {
                guard.check();
                if (head < microtasks.length) {
                    runMicrotask();
                    continue;
                }
                var wait = queue[0].due - Date.now();
                if (wait > 0) {
                    host.sleep(wait);
                    continue;
                }
                var job = queue.shift(), fn = job.fn, args = job.args;
                // A direct call where the arity is known: apply goes through Nashorn's slow generic invoker.
                switch (args.length) {
                    case 0: fn(); break;
                    case 1: fn(args[0]); break;
                    case 2: fn(args[0], args[1]); break;
                    default: fn.apply(undefined, args);
                }
            }
        },
        pending: function () {
            return queue.length + pendingMicrotasks();
        },
        overflow: function () {
            return overflow;
        },
        /** Forgets leftover work so nothing one request queued can ever run inside the next. */
        reset: function () {
            queue.length = 0;
            microtasks.length = 0;
            head = 0;
            overflow = null;
        }
    };
})
