/*
 * context.services for the app's MongoDB data sources (spec 3.4). Plain ES5: it may run before any prelude.
 * Evaluates to function(bridge, BSON, EJSON, Promise, later?, decode?) -> {get(name)}; bridge is a
 * dev.hookstead.services.mongodb.MongoBridge kept in this closure only. BSON and EJSON are the global's own (from
 * bson-globals.js); Promise is the global's Promise (without later only Promise.resolve and Promise.reject are used);
 * later(work), when given, runs work as a job of the global's async work queue.
 *
 * Every collection method runs one synchronous bridge call (queued when later is given) and returns a Promise.
 * Service, database and collection objects are built per use; the one prototype they share is frozen, so nothing a
 * request does to them outlives it. Install once per global.
 */
(function (bridge, BSON, EJSON, Promise, later, decode) {
    'use strict';

    // decode(text) turns the bridge's canonical EJSON into script values; the runtime hands in one that skips
    // EJSON.parse's checks, since the text comes from Java itself.
    if (typeof decode !== 'function') {
        decode = EJSON.parse;
    }

    // `later(work)` comes from the runtime, which runs `work` (answering with a settled Promise) as a queued job;
    // without it (unit tests) the work runs at once.
    if (typeof later !== 'function') {
        later = function (work) {
            return work();
        };
    }

    var slice = Array.prototype.slice;

    // The bridge's failure as a JS Error (with error_code and the server's numeric code when it has them),
    // or null for anything the bridge does not describe.
    function jsError(thrown) {
        var described = bridge.describeError(thrown);
        if (described === null) {
            return null;
        }
        var info = JSON.parse(described);
        var error = new Error(info.message);
        if (info.error_code !== undefined) {
            error.error_code = info.error_code;
        }
        if (info.code !== undefined) {
            error.code = info.code;
        }
        return error;
    }

    // One host operation. Failures the bridge describes reject the Promise; others (the runtime's time and
    // async-work limits) are thrown untouched.
    function operation(target, method, args) {
        return later(function () {
            return run(target, method, args);
        });
    }

    function run(target, method, args) {
        var text;
        try {
            text = bridge.run(target.service, target.db, target.collection, method, args);
        } catch (e) {
            var error = jsError(e);
            if (error === null) {
                throw e;
            }
            return Promise.reject(error);
        }
        return Promise.resolve(decode(text));
    }

    function name(value, what) {
        if (typeof value !== 'string' || value.length === 0) {
            throw new TypeError(what + ' must be a non-empty string, got '
                + (value === null ? 'null' : typeof value === 'string' ? 'an empty string' : typeof value));
        }
        return value;
    }

    // A cursor over a query that runs on the first toArray/next/hasNext; before that, modify(kind, value) adjusts
    // the query for sort/limit/skip.
    function cursor(execute, modify) {
        var results = null;
        var position = 0;
        var self = {};

        function modifier(kind) {
            return function (value) {
                if (results !== null) {
                    throw new Error('cursor.' + kind + '() must be called before the cursor is read');
                }
                modify(kind, value);
                return self;
            };
        }

        function fetched() {
            if (results !== null) {
                return Promise.resolve(results);
            }
            return execute().then(function (documents) {
                results = documents;
                return documents;
            });
        }

        self.sort = modifier('sort');
        self.limit = modifier('limit');
        self.skip = modifier('skip');
        // The documents not yet read with next().
        self.toArray = function () {
            return fetched().then(function (documents) {
                var rest = documents.slice(position);
                position = documents.length;
                return rest;
            });
        };
        // The next document, or null when there are no more (as the Node.js driver).
        self.next = function () {
            return fetched().then(function (documents) {
                return position < documents.length ? documents[position++] : null;
            });
        };
        self.hasNext = function () {
            return fetched().then(function (documents) {
                return position < documents.length;
            });
        };
        if (typeof Symbol === 'function' && Symbol.asyncIterator) {
            self[Symbol.asyncIterator] = function () {
                return {
                    next: function () {
                        return self.next().then(function (document) {
                            return document === null ? {done: true, value: undefined} : {done: false, value: document};
                        });
                    }
                };
            };
        }
        return self;
    }

    function copyOptions(options) {
        var copy = {};
        if (options !== null && typeof options === 'object') {
            for (var key in options) {
                if (Object.prototype.hasOwnProperty.call(options, key)) {
                    copy[key] = options[key];
                }
            }
        }
        return copy;
    }

    // Collection methods live once on a frozen prototype shared by every call of this global; each collection
    // object carries its target as a frozen, hidden property. Forging one gains nothing: a script may name any of the
    // app's collections anyway, and the bridge refuses every other service. Building twenty closures per collection()
    // call cost more than most webhooks spend on their own code, and a WeakMap entry per collection more in garbage
    // collection.
    var collectionPrototype = {};

    function targetOf(self, methodName) {
        var target = self !== null && typeof self === 'object' ? self._target : undefined;
        if (target === undefined) {
            throw new TypeError('collection.' + methodName + ' must be called on a collection, as collection.'
                + methodName + '(...)');
        }
        return target;
    }

    function define(methodName, fn) {
        Object.defineProperty(collectionPrototype, methodName,
            {value: fn, enumerable: false, writable: false, configurable: false});
    }

    function method(methodName) {
        return function () {
            return operation(targetOf(this, methodName), methodName, slice.call(arguments));
        };
    }

    var simple = ['insertOne', 'insertMany', 'findOne', 'count', 'countDocuments', 'updateOne', 'updateMany',
        'replaceOne', 'deleteOne', 'deleteMany', 'findOneAndUpdate', 'findOneAndReplace', 'findOneAndDelete',
        'distinct', 'bulkWrite'];
    for (var i = 0; i < simple.length; i++) {
        define(simple[i], method(simple[i]));
    }

    // find(filter?, projection?, options{sort, limit, skip}?) -> cursor
    define('find', function (filter, projection, options) {
        var target = targetOf(this, 'find');
        var query = copyOptions(options);
        return cursor(function () {
            return operation(target, 'find', [filter, projection, query]);
        }, function (kind, value) {
            query[kind] = value;
        });
    });

    // aggregate(pipeline) -> cursor; sort/limit/skip append $sort/$limit/$skip stages
    define('aggregate', function (pipeline) {
        var target = targetOf(this, 'aggregate');
        var stages = Array.isArray(pipeline) ? pipeline.slice() : pipeline;
        return cursor(function () {
            return operation(target, 'aggregate', [stages]);
        }, function (kind, value) {
            if (!Array.isArray(stages)) {
                throw new TypeError('collection.aggregate: the pipeline must be an array of stages');
            }
            var stage = {};
            stage['$' + kind] = value;
            stages.push(stage);
        });
    });
    Object.freeze(collectionPrototype);

    function collection(service, db, collectionName) {
        return Object.create(collectionPrototype, {
            _target: {value: Object.freeze({service: service, db: db, collection: collectionName})}
        });
    }

    function service(serviceName) {
        return {
            db: function (dbName) {
                var db = name(dbName, 'db(name): the database name');
                return {
                    collection: function (collectionName) {
                        return collection(serviceName, db, name(collectionName,
                            'collection(name): the collection name'));
                    }
                };
            }
        };
    }

    return {
        // The named MongoDB service, or undefined when the app has none by that name.
        get: function (serviceName) {
            if (typeof serviceName !== 'string' || !bridge.isService(serviceName)) {
                return undefined;
            }
            return service(serviceName);
        }
    };
})
