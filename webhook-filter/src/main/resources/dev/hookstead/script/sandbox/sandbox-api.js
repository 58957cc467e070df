// The platform globals and the per-call entry point, evaluated after the prelude, sandbox-promise.js and the BSON
// globals, before the global is frozen. Completion value: function(global, queue, later, host, bson,
// contextShape, limits, platform) -> internals; later(work) comes from sandbox-promise.js. `invocation`
// objects are Java CallState instances, `platform` holds the service installers and their Java bridges (see
// SandboxGlobal.platformScripts); only the closures below ever see them.
(function (global, queue, later, host, bson, contextShape, limits, platform) {
    var BSON = bson.BSON, EJSON = bson.EJSON, fromCanonical = bson.fromCanonical, binaryFromJava = bson.binaryFromJava;
    var slice = Array.prototype.slice;
    var hasOwn = Object.prototype.hasOwnProperty;
    var objectToString = Object.prototype.toString;
    var parseJson = JSON.parse;  // a closure variable, not a global lookup on every request
    var FAILED = host.failedToken();
    var current = null;       // the call being served: {invocation, context, console, guard, depth, response, state,
                              // responses}
    var emptyPattern = /(?:)/;
    var sweep = null;         // deletes implicit globals a call created; set once the global is locked down

    function define(obj, name, value) {
        Object.defineProperty(obj, name, {value: value, writable: true, enumerable: false, configurable: true});
    }

    global.BSON = BSON;
    global.EJSON = EJSON;

    // --- console ---------------------------------------------------------------------------------------------------
    function inspect(value, nested) {
        switch (typeof value) {
            case 'string':
                return nested ? JSON.stringify(value) : value;
            case 'undefined':
                return 'undefined';
            case 'function':
                return '[Function: ' + (value.name || 'anonymous') + ']';
            case 'number':
            case 'boolean':
                return String(value);
        }
        if (value === null) return 'null';
        if (value instanceof Error) return value.name + ': ' + value.message;
        try {
            var text = JSON.stringify(value);
            return text === undefined ? String(value) : text;
        } catch (e) {
            return objectToString.call(value);
        }
    }

    function format(args) {
        var parts = [];
        var i = 0;
        if (typeof args[0] === 'string' && args[0].indexOf('%') >= 0 && args.length > 1) {
            i = 1;
            parts.push(args[0].replace(/%([sdifjoOc%])/g, function (m, f) {
                if (f === '%') return '%';
                if (i >= args.length) return m;
                var a = args[i++];
                switch (f) {
                    case 's': return typeof a === 'string' ? a : inspect(a, true);
                    case 'd': case 'i': return String(f === 'i' ? parseInt(a, 10) : Number(a));
                    case 'f': return String(parseFloat(a));
                    case 'c': return '';
                    default: return inspect(a, true);
                }
            }));
        }
        for (; i < args.length; i++) parts.push(inspect(args[i], false));
        return parts.join(' ');
    }

    function writer() {
        return function () {
            if (current === null) return;
            var out = current.console;
            if (out === null) out = current.console = {lines: [], chars: 0, full: false};  // most calls never log
            if (out.full) return;
            var line = format(arguments);
            if (line.length > limits.consoleLineChars) {
                line = line.substring(0, limits.consoleLineChars) + '... [line truncated]';
            }
            if (out.lines.length >= limits.consoleLines || out.chars + line.length > limits.consoleChars) {
                out.full = true;
                line = '... [console output truncated]';
            }
            out.chars += line.length;
            out.lines.push(line);
        };
    }

    global.console = {log: writer(), info: writer(), warn: writer(), error: writer(), debug: writer()};

    // --- HTTPResponse ----------------------------------------------------------------------------------------------
    function checkHeaderText(what, text) {
        if (/[\r\n]/.test(text)) throw new Error(what + ' must not contain CR or LF characters: ' + JSON.stringify(text));
    }

    /** The response's entry for a header name (matched case-insensitively, first spelling kept), made on first use. */
    function headerEntry(state, name) {
        if (state.headers === null) state.headers = [];
        var lower = name.toLowerCase();
        for (var i = 0; i < state.headers.length; i++) {
            if (state.headers[i].name.toLowerCase() === lower) return state.headers[i];
        }
        var entry = {name: name, values: []};
        state.headers.push(entry);
        return entry;
    }

    function headerArgs(method, name, value) {
        if (typeof name !== 'string' || name.length === 0) {
            throw new Error(method + ': the header name must be a non-empty string, got ' + inspect(name, true));
        }
        var text = String(value);
        checkHeaderText(method + ': header name', name);
        checkHeaderText(method + ': header value', text);
        return text;
    }

    function isBinary(value) {
        return value instanceof BSON.Binary;
    }

    // Each response's state lives in the call being served, not on the object: scripts cannot forge or read it, and
    // a response outlives its call only as an object its methods refuse. Shared prototype methods keep a call from
    // defining four closures per response. The call's own response has a slot; any others go to a list (a WeakMap
    // entry per request cost the collector more than the whole response, bench/load).
    function findState(response) {
        var c = current;
        if (c === null) return undefined;
        if (c.response === response) return c.state;
        var more = c.responses;
        if (more !== null) {
            for (var i = 0; i < more.length; i += 2) {
                if (more[i] === response) return more[i + 1];
            }
        }
        return undefined;
    }

    function stateOf(response, method) {
        var state = findState(response);
        if (state === undefined) throw new TypeError(method + ' must be called on an HTTPResponse');
        state.used = true;
        return state;
    }

    function newState() {
        return {used: false, status: 0, headers: null, body: undefined};
    }

    function HTTPResponse() {
        if (!(this instanceof HTTPResponse)) return new HTTPResponse();
        var c = current;
        if (c === null) return;
        if (c.response === null) {
            c.response = this;
            c.state = newState();
        } else {
            if (c.responses === null) c.responses = [];
            c.responses.push(this, newState());
        }
    }

    define(HTTPResponse.prototype, 'setStatusCode', function setStatusCode(code) {
        if (typeof code !== 'number' || code % 1 !== 0 || code < 100 || code > 599) {
            throw new Error('setStatusCode: ' + inspect(code, true) + ' is not a valid HTTP status; use an integer from 100 to 599');
        }
        stateOf(this, 'setStatusCode').status = code;
    });
    define(HTTPResponse.prototype, 'setBody', function setBody(body) {
        if (typeof body !== 'string' && !isBinary(body)) {
            throw new Error('setBody: the body must be a string or a BSON.Binary, got ' + inspect(body, true) +
                '; use JSON.stringify or EJSON.stringify for objects');
        }
        stateOf(this, 'setBody').body = body;
    });
    define(HTTPResponse.prototype, 'setHeader', function setHeader(name, value) {
        var text = headerArgs('setHeader', name, value);
        headerEntry(stateOf(this, 'setHeader'), name).values = [text];
    });
    define(HTTPResponse.prototype, 'addHeader', function addHeader(name, value) {
        var text = headerArgs('addHeader', name, value);
        headerEntry(stateOf(this, 'addHeader'), name).values.push(text);
    });

    global.HTTPResponse = HTTPResponse;

    // --- context ---------------------------------------------------------------------------------------------------
    // Each member of context is computed on first read, then becomes a plain data property. contextShape.make (see
    // SandboxGlobal.contextScript) builds each call's object as a literal whose accessors call these two.
    function settled(obj, name, value) {
        Object.defineProperty(obj, name, {value: value, writable: true, enumerable: true, configurable: true});
    }

    var computeMember = {
        request: function (invocation) {
            var text = invocation.requestJson();
            return text === null ? undefined : JSON.parse(text);
        },
        user: function (invocation) {
            return fromCanonical(invocation.userEjson());
        }
    };
    contextShape.names.forEach(function (name) {
        computeMember[name] = function (invocation) {
            return hostResult(invocation.contribute(name));
        };
    });

    var newContext = contextShape.make(function read(obj, name) {
        var value = computeMember[name](current.invocation);
        settled(obj, name, value);
        return value;
    }, settled);

    function buildContext(invocation) {
        var ctx = newContext();
        var asSystem = invocation.runningAsSystem() === true;
        define(ctx, 'runningAsSystem', function runningAsSystem() {
            return asSystem;
        });
        return ctx;
    }

    Object.defineProperty(global, 'context', {
        enumerable: false,
        configurable: true,
        get: function () {
            if (current === null) return undefined;
            if (current.context === null) current.context = buildContext(current.invocation);
            return current.context;
        }
    });

    // --- host functions (the only way scripts reach Java; failures become plain JS Errors) -------------------------
    function hostResult(out) {
        if (out === FAILED) throw new Error(host.takeFailure());
        return out;
    }

    function hostFunction(name, fn) {
        var f = function () {
            return hostResult(host.invoke(fn, slice.call(arguments)));
        };
        define(f, 'toString', function toString() {
            return 'function ' + name + '() { [host code] }';
        });
        return f;
    }

    /** A host function that runs as queued async work and answers with a promise, like a platform service call. */
    function hostAsyncFunction(name, fn) {
        var f = function () {
            var args = slice.call(arguments);
            return later(function () {
                var out = host.invoke(fn, args);
                return out === FAILED ? Promise.reject(new Error(host.takeFailure())) : out;
            });
        };
        define(f, 'toString', function toString() {
            return 'function ' + name + '() { [host code] }';
        });
        return f;
    }

    // --- utils, context.services, context.http, context.functions (spec 3.4, 3.5) ------------------------------------
    global.utils = platform.utils(platform.utilsBridge, bson);

    /** context.http, and the client of every HTTP service; fresh per call. */
    function httpClient() {
        return platform.http(platform.httpBridge, BSON, EJSON, Promise, later);
    }

    // Installed once per global: what it hands out is built per use or frozen (see services.js).
    var mongo = platform.services(platform.mongoBridge, BSON, EJSON, Promise, later, fromCanonical);

    /** context.services: MongoDB data sources by name; an HTTP service name gives this call's context.http. */
    function servicesClient() {
        var httpNames = platform.httpServices;
        return {
            get: function get(name) {
                if (typeof name === 'string' && httpNames.indexOf(name) >= 0) {
                    return current === null ? undefined : global.context.http;
                }
                var client = mongo.get(name);
                // kept for the error message should the function then use it (undefined.db is a TypeError)
                if (client === undefined && typeof name === 'string' && current !== null) {
                    current.invocation.unknownService(name);
                }
                return client;
            }
        };
    }

    /**
     * context.functions.execute(name, ...args): runs an app function (private ones too) in this global, under this
     * call's deadline, and answers with a promise of its return value. Arguments pass as they are.
     */
    function execute(name) {
        var c = current;
        var args = slice.call(arguments, 1);
        if (typeof name !== 'string') {
            return Promise.reject(new TypeError('context.functions.execute: the function name must be a string, got ' +
                inspect(name, true)));
        }
        var factory = host.functionFactory(name);
        if (factory === FAILED) return Promise.reject(new Error(host.takeFailure()));
        if (factory === null) {
            var missing = new Error("function not found: '" + name + "'");
            missing.error_code = 'FunctionNotFound';
            return Promise.reject(missing);
        }
        if (c.depth >= limits.maxFunctionDepth) {
            return Promise.reject(new Error('context.functions.execute: calling ' + JSON.stringify(name) +
                ' would nest function calls deeper than ' + limits.maxFunctionDepth + ' (a function calling itself without end?)'));
        }
        c.depth++;
        try {
            var fn = factory(c.guard, {exports: {}});
            if (typeof fn !== 'function') {
                throw new Error("function '" + name + "' does not export a function (assign one to exports)");
            }
            return Promise.resolve(fn.apply(undefined, args));
        } catch (e) {
            if (host.isJavaThrowable(e)) throw e;   // time limit, stack overflow: end the whole call
            return Promise.reject(e);
        } finally {
            c.depth--;
        }
    }

    function platformMember(name) {
        switch (name) {
            case 'services': return servicesClient();
            case 'http': return httpClient();
            case 'functions': return {execute: execute};
        }
        throw new Error('no platform member ' + name);
    }

    // --- regular expressions: bound the input, since backtracking cannot be interrupted ------------------------------
    function regexInput(method, input) {
        var text = String(input);
        if (text.length > limits.maxRegexInput) {
            throw new Error(method + ': input of ' + text.length + ' characters exceeds the regular expression input ' +
                'limit of ' + limits.maxRegexInput + ' characters');
        }
    }

    function isRegExp(value) {
        return objectToString.call(value) === '[object RegExp]';
    }

    function bound(proto, name, always) {
        var original = proto[name];
        if (typeof original !== 'function') return;
        var method = (proto === RegExp.prototype ? 'RegExp' : 'String') + '.prototype.' + name;
        define(proto, name, function () {
            if (proto === RegExp.prototype) regexInput(method, arguments[0]);
            else if (always || isRegExp(arguments[0])) regexInput(method, this);
            return original.apply(this, arguments);
        });
    }

    var rawExec = RegExp.prototype.exec;
    var regExp = RegExp;     // a closure variable for the end-of-call check, as parseJson
    bound(RegExp.prototype, 'exec');
    bound(RegExp.prototype, 'test');
    bound(String.prototype, 'match', true);
    bound(String.prototype, 'matchAll', true);
    bound(String.prototype, 'search', true);
    bound(String.prototype, 'replace', false);
    bound(String.prototype, 'replaceAll', false);
    bound(String.prototype, 'split', false);

    // --- one call --------------------------------------------------------------------------------------------------
    function isThenable(value) {
        return value !== null && (typeof value === 'object' || typeof value === 'function') &&
            typeof value.then === 'function';
    }

    var NOT_READ = {};

    // A RAW payload's members are made when the function first reads them, so a function that reads none (or only
    // the body) pays for no JSON.parse of the headers: one object literal of accessors costs less (bench/load, (b)).
    // They stay enumerable own properties, assignable and deletable, as plain data members are.
    function rawPayload(invocation) {
        var query = NOT_READ, headers = NOT_READ, body = NOT_READ;
        return {
            get query() {
                return query === NOT_READ ? (query = parseJson(invocation.queryJson())) : query;
            },
            set query(value) {
                query = value;
            },
            get headers() {
                return headers === NOT_READ ? (headers = parseJson(invocation.headersJson())) : headers;
            },
            set headers(value) {
                headers = value;
            },
            get body() {
                if (body === NOT_READ) {
                    var base64 = invocation.bodyBase64();
                    body = base64 === null ? undefined : binaryFromJava(base64);
                }
                return body;
            },
            set body(value) {
                body = value;
            }
        };
    }

    function httpPayload(invocation) {
        return invocation.style() === 'RAW' ? rawPayload(invocation) : parseJson(invocation.payloadJson());
    }

    function report(invocation, state, result) {
        invocation.returned(result);
        if (!state.used) return;
        invocation.responseUsed(state.status);
        if (state.headers !== null) state.headers.forEach(function (h) {
            h.values.forEach(function (v) {
                invocation.header(h.name, v);
            });
        });
        if (typeof state.body === 'string') invocation.responseBodyText(state.body);
        else if (state.body !== undefined) invocation.responseBodyBase64(state.body.toBase64());
    }

    function run(factory, guard, invocation) {
        current = {invocation: invocation, context: null, console: null, guard: guard, depth: 0, response: null,
            state: null, responses: null};
        try {
            var module = {exports: {}};
            var fn = factory(guard, module);
            if (typeof fn !== 'function') {
                throw new Error('the script does not export a function (assign one to exports or module.exports)');
            }
            var response = new HTTPResponse();
            var state = current.state;
            // A direct call where the arity is known: apply goes through Nashorn's slow generic invoker.
            var result = invocation.isHttp() ? fn(httpPayload(invocation), response)
                : fn.apply(undefined, fromCanonical(invocation.argsEjson()));
            if (isThenable(result)) {
                var outcome = {settled: false};
                result.then(function (value) {
                    outcome.settled = true;
                    outcome.value = value;
                }, function (reason) {
                    outcome.settled = true;
                    outcome.rejected = true;
                    outcome.reason = reason;
                });
                queue.drain(guard);
                if (queue.overflow() === null) {
                    if (!outcome.settled) {
                        throw new Error('the function returned a promise that never settled (no async work was left to run)');
                    }
                    if (outcome.rejected) {
                        invocation.rejected(outcome.reason);
                        return;
                    }
                    result = outcome.value;
                }
            } else {
                queue.drain(guard);
            }
            if (queue.overflow() === null) report(invocation, state, result);
        } finally {
            invocation.finished(current.console === null ? null : current.console.lines, queue.pending(),
                queue.overflow(), !host.globalGrew() || sweep());
            queue.reset();
            current = null;
            // Clears RegExp.$1, lastMatch, input left by the call; every static is "" while input is.
            if (regExp.input !== '') rawExec.call(emptyPattern, '');
        }
    }

    function describe(thrown) {
        try {
            if (thrown !== null && typeof thrown === 'object' && typeof thrown.message === 'string') {
                var name = typeof thrown.name === 'string' ? thrown.name : 'Error';
                var message = thrown.message === '' ? name : (name === 'Error' ? thrown.message : name + ': ' + thrown.message);
                return [message, typeof thrown.stack === 'string' ? thrown.stack : null];
            }
            return [String(thrown), null];
        } catch (e) {
            return ['the function threw a value that cannot be turned into a message', null];
        }
    }

    return {
        adoptSweep: function (fn) {
            sweep = fn;
            host.captureShape();
        },
        run: run,
        describe: describe,
        hostFunction: hostFunction,
        hostAsyncFunction: hostAsyncFunction,
        platformMember: platformMember,
        undefinedValue: function () {
            return undefined;
        },
        parseJson: function (text) {
            return JSON.parse(text);
        },
        parseEjson: fromCanonical
    };
})
