// Hardening of one global. Completion value: {strip: function(global), lockdown: function(global), plain: function(e)}.
// strip runs before the prelude (removes Nashorn's shell and Java access); lockdown runs last (disables code
// generation, tames the override mistake, then deep-freezes everything reachable from the global); plain takes the
// Java exception off an error before a script sees it.
(function () {
    var SHELL = ['load', 'loadWithNewGlobal', 'exit', 'quit', 'print', 'echo', 'readLine', 'readFully', '$EXEC',
        '$ENV', '$ARG', '$OPTIONS', '$OUT', '$ERR', '$EXIT', 'Packages', 'Java', 'JavaImporter', 'JSAdapter', 'java',
        'javax', 'javafx', 'com', 'org', 'edu', '__noSuchProperty__', 'engine', 'context'];
    // Harmless leftovers of the script engine, removed where Nashorn lets us. __FILE__, __DIR__ and __LINE__ stay:
    // permanent placeholders (bare java.lang.Object, reflection blocked) that user code sees as compile-time values.
    var OPTIONAL = ['arguments', 'javax.script.filename', '__FILE__', '__DIR__', '__LINE__'];
    var PLACEHOLDERS = ['__FILE__', '__DIR__', '__LINE__'];
    // Properties whose inherited, frozen copies would otherwise make plain assignment on instances fail.
    var OVERRIDABLE = ['constructor', 'toString', 'valueOf', 'name', 'message', 'toJSON', 'stack'];
    // Nashorn's own Error members: Java stack traces, the server's stderr, and the exception's file and line.
    var ERROR_EXTENSIONS = ['printStackTrace', 'getStackTrace', 'lineNumber', 'columnNumber', 'fileName'];
    var hasOwn = Object.prototype.hasOwnProperty;
    var stackOf = Object.getOwnPropertyDescriptor(Error.prototype, 'stack').get;

    /**
     * Nashorn puts the Java exception of every error on it as own property `nashornException` (when the error is made
     * and again each time it is thrown); its `stack` getter reads the script frames from that exception. Keeps the
     * stack as a plain own property (as V8 does), then drops the exception and Nashorn's cache of the stack.
     */
    function plain(value) {
        if (value === null || typeof value !== 'object' || !hasOwn.call(value, 'nashornException')) return value;
        var stack = hasOwn.call(value, 'stack') ? undefined : stackOf.call(value);
        delete value.nashornException;
        delete value.__stack__;
        if (typeof stack === 'string' && Object.isExtensible(value)) {
            Object.defineProperty(value, 'stack', {value: stack, writable: true, enumerable: false, configurable: true});
        }
        return value;
    }

    var natives = Object.create(null);

    /**
     * Without the frames of made() and of the constructor, which would start every stack. No regex: the platform's
     * bound on regex input would make an error of a long stack, and so on without end.
     */
    function withoutOwnFrames(stack) {
        var made = stack.indexOf('\n\tat made (');
        var constructor = made < 0 ? -1 : stack.indexOf('\n', made + 1);
        if (constructor < 0) return stack;
        var caller = stack.indexOf('\n', constructor + 1);
        return stack.substring(0, made) + (caller < 0 ? '' : stack.substring(caller));
    }

    function made(name, args) {
        var native = natives[name];
        var error = plain(args.length === 0 ? new native() : new native(args[0]));
        if (typeof error.stack === 'string') error.stack = withoutOwnFrames(error.stack);
        return error;
    }

    // Named in their own text, as a function's name cannot be redefined in Nashorn.
    var PLAIN_CONSTRUCTORS = [
        function Error(message) { return made('Error', arguments); },
        function EvalError(message) { return made('EvalError', arguments); },
        function RangeError(message) { return made('RangeError', arguments); },
        function ReferenceError(message) { return made('ReferenceError', arguments); },
        function SyntaxError(message) { return made('SyntaxError', arguments); },
        function TypeError(message) { return made('TypeError', arguments); },
        function URIError(message) { return made('URIError', arguments); }
    ];

    /** Each Error constructor hands out its errors plain; the originals stay reachable from nowhere. */
    function plainErrorConstructors(global) {
        PLAIN_CONSTRUCTORS.forEach(function (constructor) {
            var native = global[constructor.name];
            natives[constructor.name] = native;
            constructor.prototype = native.prototype;
            Object.defineProperty(native.prototype, 'constructor', {value: constructor, writable: true, configurable: true});
            Object.defineProperty(global, constructor.name, {value: constructor, writable: true, configurable: true});
        });
    }

    function remove(obj, name, where) {
        if (!delete obj[name] || Object.prototype.hasOwnProperty.call(obj, name)) {
            throw new Error('sandbox: cannot delete ' + where + name);
        }
    }

    function strip(global) {
        SHELL.forEach(function (name) {
            remove(global, name, '');
        });
        OPTIONAL.forEach(function (name) {
            delete global[name];
        });
        remove(Object, 'bindProperties', 'Object.');
        remove(Error, 'dumpStack', 'Error.');
        remove(Error, 'captureStackTrace', 'Error.');
        ERROR_EXTENSIONS.forEach(function (name) {
            remove(Error.prototype, name, 'Error.prototype.');
        });
        plainErrorConstructors(global);
    }

    function disabled(what) {
        return function () {
            throw new EvalError(what + ' is disabled: code generated at run time would escape the sandbox');
        };
    }

    function disableCodeGeneration(global) {
        var functionStub = disabled('the Function constructor');
        functionStub.prototype = Function.prototype;
        Object.defineProperty(Function.prototype, 'constructor', {value: functionStub, writable: true, configurable: true});
        Object.defineProperty(global, 'Function', {value: functionStub, writable: true, configurable: true});
        Object.defineProperty(global, 'eval', {value: disabled('eval'), writable: true, configurable: true});
    }

    function tame(obj) {
        OVERRIDABLE.forEach(function (key) {
            var d = Object.getOwnPropertyDescriptor(obj, key);
            if (!d || !('value' in d) || !d.writable || !d.configurable) return;
            var value = d.value;
            var get = function () {
                return value;
            };
            var set = function (v) {
                if (this === obj) throw new TypeError('Cannot assign to read only property \'' + key + '\'');
                Object.defineProperty(this, key, {value: v, writable: true, enumerable: true, configurable: true});
            };
            // No prototype objects: they would hold a `constructor` to tame in turn, without end.
            get.prototype = undefined;
            set.prototype = undefined;
            Object.defineProperty(obj, key, {
                get: get,
                set: set,
                enumerable: d.enumerable,
                configurable: false
            });
        });
    }

    function isObject(value) {
        return value !== null && (typeof value === 'object' || typeof value === 'function');
    }

    function pushChildren(obj, names, path, pending, paths) {
        for (var i = 0; i < names.length; i++) {
            if (path === 'global' && PLACEHOLDERS.indexOf(names[i]) >= 0) continue;
            var d = Object.getOwnPropertyDescriptor(obj, names[i]);
            var parts = [d.value, d.get, d.set];
            for (var j = 0; j < 3; j++) {
                if (isObject(parts[j])) {
                    pending.push(parts[j]);
                    paths.push(path.length > 200 ? path : path + '.' + names[i]);
                }
            }
        }
    }

    /** Freezes everything reachable; fails the build when a reachable object is not a script object (Java). */
    function deepFreeze(global, names) {
        var pending = [], paths = [];
        pushChildren(global, names, 'global', pending, paths);
        while (pending.length > 0) {
            var obj = pending.pop(), path = paths.pop();
            if (obj === global) continue;   // reachable again through globalThis and $jscomp.global
            var names;
            try {
                if (Object.isFrozen(obj)) continue;
                names = Object.getOwnPropertyNames(obj);
            } catch (e) {
                throw new Error('sandbox: a host object is reachable from the global at ' + path);
            }
            var proto = Object.getPrototypeOf(obj);
            if (isObject(proto)) {
                pending.push(proto);
                paths.push(path.length > 200 ? path : path + '.__proto__');
            }
            // Before taming (values turn into getters) and after it (the getters and setters it made).
            pushChildren(obj, names, path, pending, paths);
            tame(obj);
            Object.freeze(obj);
            if (!Object.isFrozen(obj)) throw new Error('sandbox: cannot freeze ' + path);
            pushChildren(obj, names, path, pending, paths);
        }
    }

    /**
     * The global itself stays extensible, with every existing property frozen: sloppy code may still create implicit
     * globals during a call (as on the platform), and the returned sweep deletes them after it. Answers whether the
     * sweep left the global as built (false: a script made an undeletable property; discard the global).
     */
    function lockdown(global) {
        disableCodeGeneration(global);
        var baseline = Object.getOwnPropertyNames(global);
        baseline.forEach(function (name) {
            var d = Object.getOwnPropertyDescriptor(global, name);
            if (!d.configurable && (!('value' in d) || !d.writable)) return;
            if ('value' in d) d.writable = false;
            d.configurable = false;
            Object.defineProperty(global, name, d);
        });
        deepFreeze(global, baseline);
        var known = Object.create(null);
        baseline.forEach(function (name) {
            known[name] = true;
        });
        var count = baseline.length;
        return function sweep() {
            var names = Object.getOwnPropertyNames(global);
            if (names.length === count) return true;
            var clean = true;
            for (var i = 0; i < names.length; i++) {
                if (known[names[i]] !== true && !delete global[names[i]]) clean = false;
            }
            return clean;
        };
    }

    return {strip: strip, lockdown: lockdown, plain: plain};
})()
