package dev.hookstead.script.utils;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** utils.crypto through the JS layer, pinned to published vectors and to the platform's documented outputs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CryptoGlobalsTest {

    private static final String KEYS = "dev/hookstead/script/utils/";
    /** McGrew & Viega, "The Galois/Counter Mode of Operation", test cases 3 and 15 (no AAD). */
    private static final String GCM_IV = "cafebabefacedbaddecaf888";
    private static final String GCM_PLAIN = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";

    private final ScriptGlobals js = new ScriptGlobals();

    @BeforeEach
    void installDefaults() {
        install(new UtilsBridge());
    }

    private void install(UtilsBridge bridge) {
        js.engine.put("utils", js.install(UtilsBridge.GLOBALS_SCRIPT, bridge, js.bsonGlobals));
    }

    private Object eval(String script) {
        return js.eval(script);
    }

    @Test
    void hmacMatchesTheSeedValueAndTheRfcVectors() {
        assertEquals("828ee180512eaf8a6229eda7eea72323f68e9c0f0093b11a578b0544c5777862",
                eval("utils.crypto.hmac('{\"message\":\"MESSAGE\"}', '12345', 'sha256', 'hex')"));
        // RFC 4231 test case 2
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                eval("utils.crypto.hmac('what do ya want for nothing?', 'Jefe', 'sha256', 'hex')"));
        assertEquals("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                        + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
                eval("utils.crypto.hmac('what do ya want for nothing?', 'Jefe', 'sha512', 'hex')"));
        // RFC 2202 test case 2
        assertEquals("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
                eval("utils.crypto.hmac('what do ya want for nothing?', 'Jefe', 'sha1', 'hex')"));
        // the platform's documented example
        assertEquals("SUXd6PRMaTXXgBGaGsIHzaDWgTSa6C3D44lRGrvRak0=",
                eval("utils.crypto.hmac('hello!', 'super-secret', 'sha256', 'base64')"));
    }

    @Test
    void hmacRejectsUnknownChoicesNamingTheArgument() {
        assertEquals("Error: utils.crypto.hmac: hash_function 'md5' is not supported; use one of \"sha1\", \"sha256\","
                + " \"sha512\"", js.error("utils.crypto.hmac('a', 'b', 'md5', 'hex')"));
        assertEquals("Error: utils.crypto.hmac: output_format 'binary' is not supported; use one of \"base64\","
                + " \"hex\"", js.error("utils.crypto.hmac('a', 'b', 'sha256', 'binary')"));
        assertEquals("Error: utils.crypto.hmac: input must be a string or a BSON.Binary, got number",
                js.error("utils.crypto.hmac(42, 'b', 'sha256', 'hex')"));
    }

    @Test
    void hashMatchesFipsAndRfc1321VectorsAsBinary() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                eval("utils.crypto.hash('sha256', 'abc').toHex()"));
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", eval("utils.crypto.hash('sha1', 'abc').toHex()"));
        assertEquals("900150983cd24fb0d6963f7d28e17f72", eval("utils.crypto.hash('md5', 'abc').toHex()"));
        assertEquals(true, eval("utils.crypto.hash('md5', 'abc') instanceof BSON.Binary"));
        // Binary input hashes its bytes: "abc"
        assertEquals("900150983cd24fb0d6963f7d28e17f72",
                eval("utils.crypto.hash('md5', BSON.Binary.fromHex('616263')).toHex()"));
        // the platform's documented example
        assertEquals("zgYJL7lI2f+sfRo3bkBLJrdXW8wR7gWkYV/vT+w6MIs=",
                eval("utils.crypto.hash('sha256', 'hello!').toBase64()"));
        assertTrue(js.error("utils.crypto.hash('sha512', 'abc')").contains("use one of \"md5\", \"sha1\", \"sha256\""));
    }

    @Test
    void decryptsTheCiphertextOfThePlatformsDocumentedExample() {
        assertEquals("MongoDB is great!", eval("utils.crypto.decrypt('aes',"
                + " BSON.Binary.fromBase64('WPBuIvJ6Bity43Uh822dW8QlVYVJaFUiDeUjlTiJXzptUuTYIKPlXekBQAJb'),"
                + " '603082712271C525E087BD999A4E0738').text()"));
    }

    @Test
    void encryptIsAesGcmWithTheNoncePrepended() {
        install(new UtilsBridge(new Crypto(() -> HexFormat.of().parseHex(GCM_IV)), Clock.systemUTC()));
        js.engine.put("plain", GCM_PLAIN);
        assertEquals(GCM_IV + "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                        + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985"
                        + "4d5c2af327cd64a62cf35abd2ba6fab4",
                eval("utils.crypto.encrypt('aes', BSON.Binary.fromHex(plain),"
                        + " BSON.Binary.fromHex('feffe9928665731c6d6a8f9467308308')).toHex()"));
        assertEquals(GCM_IV + "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                        + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad"
                        + "b094dac5d93471bdec1a502270e3cc6c",
                eval("utils.crypto.encrypt('aes', BSON.Binary.fromHex(plain), BSON.Binary.fromHex("
                        + "'feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308')).toHex()"));
    }

    @Test
    void decryptInvertsEncryptAndRefusesTamperedOrForeignCiphertexts() {
        eval("var key = '0123456789abcdef0123456789abcdef';"
                + " var sealed = utils.crypto.encrypt('aes', 'h\u00e9llo', key);");
        assertEquals("h\u00e9llo", eval("utils.crypto.decrypt('aes', sealed, key).text()"));
        assertEquals(false, eval("utils.crypto.encrypt('aes', 'h\u00e9llo', key).toBase64() === sealed.toBase64()"));
        String tampered = js.error("var hex = sealed.toHex(); var flipped = hex.slice(0, 30)"
                + " + (hex.charAt(30) === '0' ? '1' : '0') + hex.slice(31);"
                + " utils.crypto.decrypt('aes', BSON.Binary.fromHex(flipped), key)");
        assertEquals("Error: utils.crypto.decrypt: encryptedMessage was not encrypted with this key, or it was altered"
                + " (AES-GCM authentication failed)", tampered);
        assertTrue(js.error("utils.crypto.decrypt('aes', sealed, 'fedcba9876543210fedcba9876543210')")
                .contains("not encrypted with this key"));
    }

    @Test
    void encryptChecksTypeAndKeyLength() {
        assertEquals("Error: utils.crypto.encrypt: key is 5 bytes; AES keys are 16, 24 or 32 bytes"
                + " (a string counts its UTF-8 bytes)", js.error("utils.crypto.encrypt('aes', 'x', 'short')"));
        assertEquals("Error: utils.crypto.encrypt: encryptionType 'des' is not supported; use one of \"aes\"",
                js.error("utils.crypto.encrypt('des', 'x', '0123456789abcdef')"));
        assertTrue(js.error("utils.crypto.decrypt('aes', 'text', '0123456789abcdef')")
                .startsWith("Error: utils.crypto.decrypt: encryptedMessage must be a BSON.Binary"));
    }

    @Test
    void pkcs1v15SignatureEqualsOpenSslsAndVerifies() {
        String expected = ScriptGlobals.resource(KEYS + "rsa-pkcs1v15-signature.b64").trim();
        keys();
        for (String key : new String[]{"rsaPkcs8", "rsaPkcs1"}) {
            assertEquals(expected, eval("utils.crypto.sign('rsa', 'MongoDB is great!', " + key + ", 'pkcs1v15')"
                    + ".toBase64()"));
        }
        js.engine.put("signature", expected);
        for (String key : new String[]{"rsaPublic", "rsaPublicPkcs1"}) {
            assertEquals(true, eval("utils.crypto.verify('rsa', 'MongoDB is great!', " + key + ","
                    + " BSON.Binary.fromBase64(signature), 'pkcs1v15')"));
        }
        assertEquals(false, eval("utils.crypto.verify('rsa', 'MongoDB is great?', rsaPublic,"
                + " BSON.Binary.fromBase64(signature), 'pkcs1v15')"));
        assertEquals(false, eval("utils.crypto.verify('rsa', 'MongoDB is great!', rsaPublic,"
                + " BSON.Binary.fromBase64(signature), 'pss')"));
    }

    @Test
    void pssVerifiesOpenSslSignaturesWithHashAndMaximumSalt() {
        keys();
        for (String file : new String[]{"rsa-pss-hashsalt-signature-openssl.b64", "rsa-pss-maxsalt-signature-openssl.b64"}) {
            js.engine.put("signature", ScriptGlobals.resource(KEYS + file).trim());
            assertEquals(true, eval("utils.crypto.verify('rsa', 'MongoDB is great!', rsaPublic,"
                    + " BSON.Binary.fromBase64(signature), 'pss')"), file);
            // pss is the default scheme
            assertEquals(true, eval("utils.crypto.verify('rsa', 'MongoDB is great!', rsaPublicPkcs1,"
                    + " BSON.Binary.fromBase64(signature))"), file);
            assertEquals(false, eval("utils.crypto.verify('rsa', 'MongoDB is great.', rsaPublic,"
                    + " BSON.Binary.fromBase64(signature))"), file);
        }
        // PSS is randomised: the signature is checked by verification, not by value
        assertEquals(true, eval("var s = utils.crypto.sign('rsa', 'abc', rsaPkcs1);"
                + " s.length() === 256 && utils.crypto.verify('rsa', 'abc', rsaPublic, s, 'pss')"));
    }

    @Test
    void signReportsBadKeysAndSchemes() {
        keys();
        assertEquals("Error: utils.crypto.sign: privateKey is not a PEM key; pass text starting with"
                        + " -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----",
                js.error("utils.crypto.sign('rsa', 'abc', 'not a key', 'pss')"));
        assertEquals("Error: utils.crypto.sign: privateKey is a PEM 'PUBLIC KEY' block; pass a private key"
                        + " (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)",
                js.error("utils.crypto.sign('rsa', 'abc', rsaPublic, 'pss')"));
        assertEquals("Error: utils.crypto.sign: signatureScheme 'pkcs1' is not supported; use one of \"pkcs1v15\","
                + " \"pss\"", js.error("utils.crypto.sign('rsa', 'abc', rsaPkcs8, 'pkcs1')"));
        assertEquals("Error: utils.crypto.sign: privateKey is not a readable RSA private key",
                js.error("utils.crypto.sign('rsa', 'abc', ecPrivate, 'pss')"));
    }

    private void keys() {
        js.engine.put("rsaPkcs8", ScriptGlobals.resource(KEYS + "rsa-private-pkcs8.pem"));
        js.engine.put("rsaPkcs1", ScriptGlobals.resource(KEYS + "rsa-private-pkcs1.pem"));
        js.engine.put("rsaPublic", ScriptGlobals.resource(KEYS + "rsa-public.pem"));
        js.engine.put("rsaPublicPkcs1", ScriptGlobals.resource(KEYS + "rsa-public-pkcs1.pem"));
        js.engine.put("ecPrivate", ScriptGlobals.resource(KEYS + "ec-p256-private.pem"));
    }
}
