/*
 * The utils global of a function's global (spec 3.5): utils.crypto and utils.jwt. Plain ES5.
 * Evaluates to function(bridge, bson) -> {crypto, jwt}; bridge is a dev.hookstead.script.utils.UtilsBridge kept in this
 * closure only, bson is what bson-globals.js made: its BSON and EJSON globals, and host and describe, shared with it.
 * Bytes cross to Java as base64 text.
 */
(function (bridge, bson) {
    'use strict';

    var BSON = bson.BSON, EJSON = bson.EJSON, host = bson.host, describe = bson.describe;

    function text(value, method, argument) {
        if (typeof value !== 'string') {
            throw new TypeError(method + ': ' + argument + ' must be a string, got ' + describe(value));
        }
        return value;
    }

    function optionalText(value, method, argument) {
        return value === undefined || value === null ? null : text(value, method, argument);
    }

    // A string (its UTF-8 bytes) or a BSON.Binary, as base64.
    function bytes(value, method, argument) {
        if (typeof value === 'string') {
            return host(function () { return bridge.utf8ToBase64(value); });
        }
        if (value instanceof BSON.Binary) {
            return value.toBase64();
        }
        throw new TypeError(method + ': ' + argument + ' must be a string or a BSON.Binary, got ' + describe(value));
    }

    function binary(base64) {
        return BSON.Binary.fromBase64(base64);
    }

    var crypto = {
        hmac: function (input, secret, hashFunction, outputFormat) {
            var m = 'utils.crypto.hmac';
            var i = bytes(input, m, 'input');
            var s = bytes(secret, m, 'secret');
            var h = text(hashFunction, m, 'hash_function');
            var f = text(outputFormat, m, 'output_format');
            return host(function () { return bridge.hmac(i, s, h, f); });
        },
        hash: function (hashFunction, input) {
            var m = 'utils.crypto.hash';
            var h = text(hashFunction, m, 'hash_function');
            var i = bytes(input, m, 'input');
            return binary(host(function () { return bridge.hash(h, i); }));
        },
        encrypt: function (encryptionType, message, key) {
            var m = 'utils.crypto.encrypt';
            var t = text(encryptionType, m, 'encryptionType');
            var msg = bytes(message, m, 'message');
            var k = bytes(key, m, 'key');
            return binary(host(function () { return bridge.encrypt(t, msg, k); }));
        },
        decrypt: function (encryptionType, encryptedMessage, key) {
            var m = 'utils.crypto.decrypt';
            var t = text(encryptionType, m, 'encryptionType');
            if (!(encryptedMessage instanceof BSON.Binary)) {
                throw new TypeError(m + ': encryptedMessage must be a BSON.Binary (use BSON.Binary.fromBase64), got '
                    + describe(encryptedMessage));
            }
            var e = encryptedMessage.toBase64();
            var k = bytes(key, m, 'key');
            return binary(host(function () { return bridge.decrypt(t, e, k); }));
        },
        sign: function (encryptionType, message, privateKey, signatureScheme) {
            var m = 'utils.crypto.sign';
            var t = text(encryptionType, m, 'encryptionType');
            var msg = bytes(message, m, 'message');
            var k = text(privateKey, m, 'privateKey');
            var s = optionalText(signatureScheme, m, 'signatureScheme');
            return binary(host(function () { return bridge.sign(t, msg, k, s); }));
        },
        verify: function (encryptionType, message, publicKey, signature, signatureScheme) {
            var m = 'utils.crypto.verify';
            var t = text(encryptionType, m, 'encryptionType');
            var msg = bytes(message, m, 'message');
            var k = text(publicKey, m, 'publicKey');
            var sig = bytes(signature, m, 'signature');
            var s = optionalText(signatureScheme, m, 'signatureScheme');
            return host(function () { return bridge.verify(t, msg, k, sig, s); });
        }
    };

    function plainObject(value, method, argument) {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            throw new TypeError(method + ': ' + argument + ' must be an object, got '
                + (Array.isArray(value) ? 'an array' : describe(value)));
        }
        return value;
    }

    // PEM text or an HMAC secret string; a BSON.Binary passes a binary HMAC secret as is.
    function jwtKey(value, method, argument) {
        if (value instanceof BSON.Binary) {
            return {text: null, base64: value.toBase64()};
        }
        return {text: text(value, method, argument), base64: null};
    }

    var jwt = {
        encode: function (signingMethod, payload, secret, customHeaderFields) {
            var m = 'utils.jwt.encode';
            var method = text(signingMethod, m, 'signingMethod');
            // relaxed EJSON: claims such as exp stay plain JSON numbers, BSON values survive a decode
            var body = EJSON.stringify(plainObject(payload, m, 'payload'), {relaxed: true});
            var key = jwtKey(secret, m, 'secret');
            var header = customHeaderFields === undefined || customHeaderFields === null ? null
                : EJSON.stringify(plainObject(customHeaderFields, m, 'customHeaderFields'), {relaxed: true});
            return host(function () { return bridge.jwtEncode(method, body, key.text, key.base64, header); });
        },
        decode: function (jwtString, key, returnHeader, acceptedSigningMethods) {
            var m = 'utils.jwt.decode';
            var token = text(jwtString, m, 'jwtString');
            var k = jwtKey(key, m, 'key');
            var accepted = null;
            if (acceptedSigningMethods !== undefined && acceptedSigningMethods !== null) {
                if (!Array.isArray(acceptedSigningMethods)) {
                    throw new TypeError(m + ': acceptedSigningMethods must be an array such as ["HS256"], got '
                        + describe(acceptedSigningMethods));
                }
                for (var i = 0; i < acceptedSigningMethods.length; i++) {
                    text(acceptedSigningMethods[i], m, 'acceptedSigningMethods[' + i + ']');
                }
                accepted = acceptedSigningMethods.join(',');
            }
            var parts = JSON.parse(host(function () { return bridge.jwtDecode(token, k.text, k.base64, accepted); }));
            // relaxed: JSON numbers stay JS numbers (the platform returned claims such as iat as doubles)
            var decoded = EJSON.parse(parts[1], {relaxed: true});
            return returnHeader === true ? {header: JSON.parse(parts[0]), payload: decoded} : decoded;
        }
    };

    return {crypto: crypto, jwt: jwt};
})
