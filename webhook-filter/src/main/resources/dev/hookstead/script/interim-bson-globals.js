// INTERIM stand-in for dev/hookstead/script/bson/bson-globals.js until it lands.
(function (bridge) {
    function Binary(base64, subType) {
        this.base64 = base64;
        this.sub_type = subType || 0;
    }
    Binary.fromBase64 = function (base64, subType) {
        return new Binary(base64, subType);
    };
    Binary.prototype.toBase64 = function () {
        return this.base64;
    };
    Binary.prototype.text = function () {
        return bridge.utf8(this.base64);
    };
    var EJSON = {
        parse: function (text) {
            return JSON.parse(text);
        },
        stringify: function (value) {
            return JSON.stringify(value);
        }
    };
    return {BSON: {Binary: Binary}, EJSON: EJSON};
})
