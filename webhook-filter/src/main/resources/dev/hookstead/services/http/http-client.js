/*
 * context.http and HTTP service clients (spec 3.4). Plain ES5.
 * Evaluates to function(bridge, BSON, EJSON, Promise, later?) -> {get, post, put, patch, delete, head}; bridge is a
 * dev.hookstead.services.http.HttpBridge kept in this closure only; later(work), when given, runs work as a job of
 * the global's async work queue. Each action checks its argument, lets the bridge run the request (synchronously, as a
 * queued job when later is given) and returns a Promise: resolved with the response for every HTTP status,
 * rejected with a plain Error for bad arguments, refused hosts, timeouts and network failures.
 */
(function (bridge, BSON, EJSON, Promise, later) {
    'use strict';

    // `later(work)` comes from the runtime, which runs `work` (answering with a settled Promise) as a queued job;
    // without it (unit tests) the work runs at once.
    if (typeof later !== 'function') {
        later = function (work) {
            return work();
        };
    }

    var STRING_FIELDS = ['url', 'scheme', 'host', 'path', 'fragment', 'username', 'password'];

    function describe(value) {
        if (typeof value === 'string') {
            return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '...' : value);
        }
        return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    }

    function given(value) {
        return value !== undefined && value !== null;
    }

    function isObject(value) {
        return value !== null && typeof value === 'object' && !Array.isArray(value);
    }

    function scalar(value, action, where) {
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
            return String(value);
        }
        throw new TypeError(action + ': ' + where + ' must be a string, got ' + describe(value));
    }

    // {k: v} with string values.
    function fields(value, action, argument) {
        if (!isObject(value)) {
            throw new TypeError(action + ': ' + argument + ' must be an object of names to strings, got '
                + describe(value));
        }
        var out = {};
        Object.keys(value).forEach(function (key) {
            out[key] = scalar(value[key], action, argument + '.' + key);
        });
        return out;
    }

    // {k: [v]}; a single value stands for a one-element list.
    function multi(value, action, argument) {
        if (!isObject(value)) {
            throw new TypeError(action + ': ' + argument + ' must be an object of names to arrays of strings, got '
                + describe(value));
        }
        var out = {};
        Object.keys(value).forEach(function (key) {
            var values = Array.isArray(value[key]) ? value[key] : [value[key]];
            out[key] = values.map(function (v, i) { return scalar(v, action, argument + '.' + key + '[' + i + ']'); });
        });
        return out;
    }

    function describeRequest(method, args) {
        var action = 'context.http.' + method.toLowerCase();
        if (!isObject(args)) {
            throw new TypeError(action + ': pass an object such as {url: "https://example.com/"}, got '
                + describe(args));
        }
        if (args.digestAuth === true || given(args.authUrl)) {
            throw new Error(action + ': ' + (args.digestAuth === true ? 'digestAuth' : 'authUrl')
                + ' is not supported by Hookstead; send the Authorization header yourself');
        }
        var spec = {method: method, followRedirects: args.followRedirects === true};
        STRING_FIELDS.forEach(function (name) {
            if (given(args[name])) {
                spec[name] = scalar(args[name], action, name);
            }
        });
        if (!given(spec.url) && !given(spec.host)) {
            throw new TypeError(action + ': pass url, or host (with optional scheme, path and query)');
        }
        if (given(args.query)) {
            spec.query = multi(args.query, action, 'query');
        }
        if (given(args.headers)) {
            spec.headers = multi(args.headers, action, 'headers');
        }
        if (given(args.cookies)) {
            spec.cookies = fields(args.cookies, action, 'cookies');
        }
        if (given(args.form)) {
            if (given(args.body)) {
                throw new TypeError(action + ': pass either body or form, not both');
            }
            spec.form = fields(args.form, action, 'form');
        } else if (given(args.body)) {
            var body = args.body;
            if (args.encodeBodyAsJSON !== true && typeof body === 'string') {
                spec.bodyText = body;
            } else if (args.encodeBodyAsJSON !== true && body instanceof BSON.Binary) {
                spec.bodyBase64 = body.toBase64();
            } else {
                // relaxed EJSON: third-party APIs expect {"n": 5}, not {"n": {"$numberInt": "5"}}
                spec.bodyText = EJSON.stringify(body, {relaxed: true});
                spec.json = true;
            }
        }
        return spec;
    }

    function response(json) {
        var r = JSON.parse(json);
        return {
            status: r.status,
            statusCode: r.statusCode,
            contentLength: r.contentLength,
            headers: r.headers,
            cookies: r.cookies,
            body: BSON.Binary.fromBase64(r.body)
        };
    }

    // Errors (argument checks, bridge failures) reject; anything else, such as the runtime's own guard exceptions,
    // propagates untouched.
    function action(method) {
        return function (args) {
            return later(function () {
                return send(method, args);
            });
        };
    }

    function send(method, args) {
        var result;
        try {
            var request = JSON.stringify(describeRequest(method, args));
            try {
                result = bridge.send(request);
            } catch (e) {
                var message = bridge.errorMessage(e);
                if (message === null) {
                    throw e;
                }
                throw new Error(String(message));
            }
        } catch (e) {
            if (e instanceof Error) {
                return Promise.reject(e);
            }
            throw e;
        }
        return Promise.resolve(response(result));
    }

    return {
        get: action('GET'),
        post: action('POST'),
        put: action('PUT'),
        patch: action('PATCH'),
        'delete': action('DELETE'),
        head: action('HEAD')
    };
})
