/*
 * The BSON and EJSON globals of a function's global (spec 3.5). Plain ES5: it runs before any prelude.
 * Evaluates to function(bridge) -> {BSON, EJSON, fromCanonical, binaryFromJava, host, describe} (all but the first two
 * for the runtime and the other platform scripts only); bridge is a dev.hookstead.bson.BsonBridge kept in this closure
 * only. Facade objects carry a non-enumerable
 * _bsontype on their prototype (as js-bson does) and read-only fields that JsBson.java reads: ObjectId _hex;
 * Binary _b64, sub_type; Decimal128 _str; Long low, high; Int32/Double value; BSONRegExp pattern, options;
 * Timestamp t, i.
 */
(function (bridge) {
    'use strict';

    var TWO_POW_32 = 4294967296;
    var TWO_POW_63 = 9223372036854775808;
    var MAX_SAFE = 9007199254740991;
    var HEX_24 = /^[0-9a-fA-F]{24}$/;
    var REGEX_OPTIONS = /^[imxlsu]*$/;
    var NOT_EJSON = {};

    // Runs a call to any of the bridges (each reports bad input as an IllegalArgumentException): that exception becomes
    // a plain Error, anything else propagates untouched.
    function host(work) {
        try {
            return work();
        } catch (e) {
            var message = bridge.errorMessage(e);
            if (message === null) {
                throw e;
            }
            throw new Error(String(message));
        }
    }

    function describe(value) {
        if (typeof value === 'string') {
            return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '...' : value);
        }
        return value === null ? 'null' : typeof value;
    }

    function field(object, name, value, enumerable) {
        Object.defineProperty(object, name, {value: value, enumerable: enumerable, writable: false, configurable: false});
    }

    // Prototype members stay configurable and writable so the runtime can tame and freeze them.
    function members(ctor, type, methods) {
        Object.defineProperty(ctor.prototype, '_bsontype', {value: type, enumerable: false, writable: true, configurable: true});
        for (var name in methods) {
            Object.defineProperty(ctor.prototype, name, {value: methods[name], enumerable: false, writable: true, configurable: true});
        }
    }

    function isUint32(n) {
        return typeof n === 'number' && n >= 0 && n < TWO_POW_32 && n === Math.floor(n);
    }

    // ObjectId ---------------------------------------------------------------------------------------------------

    function ObjectId(id) {
        if (!(this instanceof ObjectId)) {
            return new ObjectId(id);
        }
        var hex;
        if (id === undefined || id === null) {
            hex = host(function () { return bridge.newObjectId(); });
        } else if (id instanceof ObjectId) {
            hex = id._hex;
        } else if (typeof id === 'string' && HEX_24.test(id)) {
            hex = id.toLowerCase();
        } else {
            throw new TypeError('BSON.ObjectId: expected 24 hex characters, got ' + describe(id));
        }
        field(this, '_hex', hex, false);
    }
    members(ObjectId, 'ObjectId', {
        toHexString: function () { return this._hex; },
        toString: function () { return this._hex; },
        toJSON: function () { return this._hex; },
        equals: function (other) {
            if (other instanceof ObjectId) {
                return other._hex === this._hex;
            }
            return typeof other === 'string' && other.toLowerCase() === this._hex;
        },
        getTimestamp: function () { return new Date(parseInt(this._hex.slice(0, 8), 16) * 1000); }
    });
    ObjectId.isValid = function (id) {
        return id instanceof ObjectId || (typeof id === 'string' && HEX_24.test(id));
    };
    ObjectId.createFromHexString = function (hex) { return new ObjectId(hex); };

    // Binary: bytes kept as base64 text, decoded in Java when asked -----------------------------------------------

    function Binary() {
        if (!(this instanceof Binary)) {
            return new Binary();
        }
        if (arguments.length > 0) {
            throw new TypeError('BSON.Binary: create binaries with BSON.Binary.fromBase64(text, subtype)'
                + ' or BSON.Binary.fromHex(text, subtype)');
        }
        initBinary(this, '', 0);
    }
    // One call instead of three defineProperty calls: binaries come in with every request body.
    function newBinary(base64, subtype) {
        return Object.create(Binary.prototype,
            {_b64: {value: base64}, sub_type: {value: subtype}, subtype: {value: subtype}});
    }
    function initBinary(binary, base64, subtype) {
        field(binary, '_b64', base64, false);
        field(binary, 'sub_type', subtype, false);
        field(binary, 'subtype', subtype, false);
        return binary;
    }
    function binarySubtype(subtype, method) {
        if (subtype === undefined) {
            return 0;
        }
        if (!isUint32(subtype) || subtype > 255) {
            throw new TypeError('BSON.Binary.' + method + ': subtype must be an integer 0-255, got ' + describe(subtype));
        }
        return subtype;
    }
    function text(value, method) {
        if (typeof value !== 'string') {
            throw new TypeError(method + ': expected a string, got ' + describe(value));
        }
        return value;
    }
    members(Binary, 'Binary', {
        toBase64: function () { return this._b64; },
        toHex: function () {
            var base64 = this._b64;
            return host(function () { return bridge.base64ToHex(base64); });
        },
        text: function () {
            var base64 = this._b64;
            return host(function () { return bridge.base64ToText(base64); });
        },
        length: function () {
            var b64 = this._b64;
            var end = b64.length;
            while (end > 0 && b64.charAt(end - 1) === '=') {
                end--;
            }
            return Math.floor(end * 3 / 4);
        },
        toString: function (encoding) {
            if (encoding === 'hex') {
                return this.toHex();
            }
            return encoding === 'base64' ? this._b64 : this.text();
        },
        toJSON: function () { return this._b64; }
    });
    Binary.fromBase64 = function (base64, subtype) {
        var checked = text(base64, 'BSON.Binary.fromBase64');
        var type = binarySubtype(subtype, 'fromBase64');
        host(function () { return bridge.checkBase64(checked); });
        return newBinary(checked, type);
    };
    Binary.fromHex = function (hex, subtype) {
        var checked = text(hex, 'BSON.Binary.fromHex');
        var type = binarySubtype(subtype, 'fromHex');
        return newBinary(host(function () { return bridge.hexToBase64(checked); }), type);
    };

    // Long: signed 64-bit as two int32 halves, like js-bson -----------------------------------------------------

    function Long(low, high) {
        if (!(this instanceof Long)) {
            return new Long(low, high);
        }
        if (typeof low === 'string') {
            var parsed = Long.fromString(low);
            low = parsed.low;
            high = parsed.high;
        }
        field(this, 'low', low | 0, true);
        field(this, 'high', high | 0, true);
    }
    members(Long, 'Long', {
        toNumber: function () { return this.high * TWO_POW_32 + (this.low >>> 0); },
        toInt: function () { return this.low; },
        // valueOf makes arithmetic and comparisons on stored Int64 values behave like numbers
        valueOf: function () { return this.toNumber(); },
        toJSON: function () { return this.toNumber(); },
        toString: function (radix) {
            var base = radix === undefined ? 10 : radix;
            var n = this.toNumber();
            if (base === 10 && Math.abs(n) <= MAX_SAFE) {
                return String(n);
            }
            var high = this.high;
            var low = this.low;
            return host(function () { return bridge.longToString(high, low, base); });
        },
        equals: function (other) {
            var that = other instanceof Long ? other : Long.fromNumber(Number(other));
            return that.low === this.low && that.high === this.high;
        },
        isZero: function () { return this.low === 0 && this.high === 0; },
        isNegative: function () { return this.high < 0; },
        negate: function () {
            return this.low === 0 ? new Long(0, -this.high) : new Long(-this.low, ~this.high);
        }
    });
    Long.fromBits = function (low, high) { return new Long(low, high); };
    Long.fromInt = function (value) { return new Long(value | 0, value < 0 ? -1 : 0); };
    // Truncates; NaN is 0 and out-of-range values saturate, as in js-bson.
    Long.fromNumber = function (value) {
        var n = Number(value);
        if (isNaN(n)) {
            return new Long(0, 0);
        }
        if (n <= -TWO_POW_63) {
            return new Long(0, 0x80000000);
        }
        if (n >= TWO_POW_63) {
            return new Long(0xFFFFFFFF, 0x7FFFFFFF);
        }
        if (n < 0) {
            return Long.fromNumber(-n).negate();
        }
        return new Long(n % TWO_POW_32, n / TWO_POW_32);
    };
    Long.fromString = function (value, radix) {
        var digits = text(value, 'BSON.Long.fromString');
        var base = radix === undefined ? 10 : radix;
        var hex = host(function () { return bridge.longToHex(digits, base); });
        return new Long(parseInt(hex.slice(8), 16), parseInt(hex.slice(0, 8), 16));
    };
    Long.isLong = function (value) { return value instanceof Long; };

    // Int32, Double, Decimal128 -----------------------------------------------------------------------------------

    function Int32(value) {
        if (!(this instanceof Int32)) {
            return new Int32(value);
        }
        field(this, 'value', +value | 0, true);
    }
    function Double(value) {
        if (!(this instanceof Double)) {
            return new Double(value);
        }
        field(this, 'value', +value, true);
    }
    var numberMembers = {
        valueOf: function () { return this.value; },
        toJSON: function () { return this.value; },
        toString: function (radix) { return this.value.toString(radix); }
    };
    members(Int32, 'Int32', numberMembers);
    members(Double, 'Double', numberMembers);

    function Decimal128(value) {
        if (!(this instanceof Decimal128)) {
            return new Decimal128(value);
        }
        var digits = text(value, 'BSON.Decimal128');
        field(this, '_str', host(function () { return bridge.decimal128(digits); }), false);
    }
    members(Decimal128, 'Decimal128', {
        toString: function () { return this._str; },
        toJSON: function () { return {$numberDecimal: this._str}; }
    });
    Decimal128.fromString = function (value) { return new Decimal128(value); };

    // BSONRegExp, Timestamp, MinKey, MaxKey ---------------------------------------------------------------------

    function BSONRegExp(pattern, options) {
        if (!(this instanceof BSONRegExp)) {
            return new BSONRegExp(pattern, options);
        }
        var flags = options === undefined ? '' : text(options, 'BSON.BSONRegExp options');
        if (!REGEX_OPTIONS.test(flags)) {
            throw new Error('BSON.BSONRegExp: options ' + describe(flags) + ' may only use the letters i, m, x, l, s, u');
        }
        field(this, 'pattern', text(pattern, 'BSON.BSONRegExp pattern'), true);
        field(this, 'options', flags.split('').sort().join(''), true);
    }
    members(BSONRegExp, 'BSONRegExp', {});

    // new Timestamp({t, i}) or, as older js-bson, new Timestamp(increment, time).
    function Timestamp(low, high) {
        if (!(this instanceof Timestamp)) {
            return new Timestamp(low, high);
        }
        var t = high;
        var i = low;
        if (low !== null && typeof low === 'object') {
            t = low.t;
            i = low.i;
        }
        if (!isUint32(t) || !isUint32(i)) {
            throw new TypeError('BSON.Timestamp: t and i must be integers 0 to 4294967295, got t=' + describe(t)
                + ', i=' + describe(i));
        }
        field(this, 't', t, false);
        field(this, 'i', i, false);
    }
    members(Timestamp, 'Timestamp', {
        toJSON: function () { return {$timestamp: {t: this.t, i: this.i}}; },
        toString: function () { return 'Timestamp({ t: ' + this.t + ', i: ' + this.i + ' })'; }
    });

    function MinKey() {
        if (!(this instanceof MinKey)) {
            return new MinKey();
        }
    }
    function MaxKey() {
        if (!(this instanceof MaxKey)) {
            return new MaxKey();
        }
    }
    members(MinKey, 'MinKey', {});
    members(MaxKey, 'MaxKey', {});

    // EJSON -------------------------------------------------------------------------------------------------------

    // How EJSON.parse maps numbers: the platform's default, js-bson's {relaxed: true} and {relaxed: false}.
    var PLATFORM = 0;
    var RELAXED = 1;
    var STRICT = 2;

    function parseMode(options) {
        if (options !== null && typeof options === 'object') {
            if (options.relaxed === true) {
                return RELAXED;
            }
            if (options.relaxed === false) {
                return STRICT;
            }
        }
        return PLATFORM;
    }

    function longOf(digits, mode) {
        var n = Number(digits);
        if (Math.abs(n) <= MAX_SAFE) {
            return mode === RELAXED ? n : Long.fromNumber(n);
        }
        return Long.fromString(digits);
    }

    // One canonical EJSON wrapper ({"$oid": ...} and friends) as a JS value, or NOT_EJSON.
    function wrapper(key, value, mode) {
        switch (key) {
            case '$oid':
                // Java wrote it (both EJSON.parse and fromCanonical read Java's canonical text): 24 lower-case hex
                return Object.create(ObjectId.prototype, {_hex: {value: value}});
            case '$numberInt':
                return mode === STRICT ? new Int32(Number(value)) : Number(value);
            case '$numberDouble':
                return mode === STRICT ? new Double(Number(value)) : Number(value);
            case '$numberLong':
                return longOf(value, mode);
            case '$numberDecimal':
                return new Decimal128(value);
            case '$date':
                return new Date(Number(value.$numberLong));
            case '$binary':
                return newBinary(value.base64, parseInt(value.subType, 16));
            case '$regularExpression':
                return new BSONRegExp(value.pattern, value.options);
            case '$timestamp':
                return new Timestamp({t: value.t, i: value.i});
            case '$minKey':
                return new MinKey();
            case '$maxKey':
                return new MaxKey();
            case '$symbol':
                return value;
            case '$undefined':
                return undefined;
            default:
                return NOT_EJSON;
        }
    }

    // Top-down walk over JSON.parse output of canonical EJSON; wrappers never hold other wrappers we must see first.
    function revive(value, mode) {
        if (value === null || typeof value !== 'object') {
            return value;
        }
        var i;
        if (Array.isArray(value)) {
            for (i = 0; i < value.length; i++) {
                value[i] = revive(value[i], mode);
            }
            return value;
        }
        var keys = Object.keys(value);
        if (keys.length === 1 && keys[0].charAt(0) === '$') {
            var converted = wrapper(keys[0], value[keys[0]], mode);
            if (converted !== NOT_EJSON) {
                return converted;
            }
        }
        for (i = 0; i < keys.length; i++) {
            var old = value[keys[i]];
            var revived = revive(old, mode);
            if (revived === old) {
                continue;
            }
            if (keys[i] === '__proto__') {
                // defineProperty, so a "__proto__" key stays a plain property
                Object.defineProperty(value, keys[i], {value: revived, enumerable: true, writable: true, configurable: true});
            } else {
                value[keys[i]] = revived;   // a plain write: defineProperty costs a map transition per revived field
            }
        }
        return value;
    }

    function parse(text, options) {
        var source = String(text);
        var canonical = host(function () { return bridge.parse(source); });
        return revive(JSON.parse(canonical), parseMode(options));
    }

    // Argument juggling as js-bson: an options object may stand in for replacer or space.
    function stringify(value, replacer, space, options) {
        if (space !== null && typeof space === 'object') {
            options = space;
            space = 0;
        }
        if (replacer !== null && typeof replacer === 'object' && !Array.isArray(replacer)) {
            options = replacer;
            replacer = undefined;
            space = 0;
        }
        if (value === undefined || typeof value === 'function') {
            return undefined;
        }
        var relaxed = options !== null && typeof options === 'object' && options.relaxed === true;
        var json = host(function () { return bridge.stringify(value, relaxed); });
        if (replacer === undefined || replacer === null) {
            if (!space) {
                return json;
            }
        }
        return JSON.stringify(JSON.parse(json), replacer, space);
    }

    var BSON = {
        ObjectId: ObjectId,
        ObjectID: ObjectId,
        Binary: Binary,
        Long: Long,
        Int32: Int32,
        Double: Double,
        Decimal128: Decimal128,
        BSONRegExp: BSONRegExp,
        Timestamp: Timestamp,
        MinKey: MinKey,
        MaxKey: MaxKey
    };
    var EJSON = {
        parse: parse,
        stringify: stringify,
        serialize: function (value, options) { return JSON.parse(stringify(value, options)); },
        deserialize: function (ejson, options) { return parse(JSON.stringify(ejson), options); }
    };
    return {
        BSON: BSON,
        EJSON: EJSON,
        // For the runtime only: canonical EJSON that Java itself wrote (JsBson.toEjsonForJs) needs no second trip
        // through the bridge to be checked and canonicalised again.
        fromCanonical: function (text) {
            return revive(JSON.parse(text), PLATFORM);
        },
        // For the runtime only: a request body, base64 that Java itself wrote.
        binaryFromJava: function (base64) {
            return newBinary(base64, 0);
        },
        // For utils-globals.js, which reports bad calls the same way.
        host: host,
        describe: describe
    };
})
