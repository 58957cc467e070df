package dev.hookstead.script.utils;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** utils.jwt through the JS layer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtGlobalsTest {

    private static final String KEYS = "dev/hookstead/script/utils/";
    /** RFC 7515 appendix A.1: HS256 JWS and its JWK "k" (base64url). */
    private static final String RFC_TOKEN = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
            + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
            + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String RFC_KEY = "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";
    /** The platform's documented utils.jwt example: HS512 with the secret "SuperSecret". */
    private static final String DOC_TOKEN = "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvZSBTY2htb2UiLCJpYXQiOjE1NjU3MjEyMjMxODd9"
            + ".-QL15ldu2BYuJokNWT6YRiwZQIiIpvq6Kyv-C6qslNdNiUVxo8zqLJZ1iEkNf2yZKMIrQuMCtIC1tzd2H31AxA";
    /** One second before the RFC token's exp. */
    private static final Clock BEFORE_RFC_EXP = Clock.fixed(Instant.ofEpochSecond(1300819379), ZoneOffset.UTC);

    private final ScriptGlobals js = new ScriptGlobals();

    @BeforeEach
    void installDefaults() {
        install(Clock.systemUTC());
        js.engine.put("rfcToken", RFC_TOKEN);
        js.engine.put("rfcKey", RFC_KEY.replace('-', '+').replace('_', '/') + "==");
        js.engine.put("docToken", DOC_TOKEN);
        for (String name : new String[]{"rsa-private-pkcs8", "rsa-private-pkcs1", "rsa-public", "ec-p256-private",
                "ec-p256-public"}) {
            js.engine.put(name.replace('-', '_'), ScriptGlobals.resource(KEYS + name + ".pem"));
        }
    }

    private void install(Clock clock) {
        js.engine.put("utils", js.install(UtilsBridge.GLOBALS_SCRIPT, new UtilsBridge(new Crypto(), clock),
                js.bsonGlobals));
    }

    private Object eval(String script) {
        return js.eval(script);
    }

    @Test
    void decodesTheRfc7515Hs256ExampleWithItsBinaryKey() {
        install(BEFORE_RFC_EXP);
        assertEquals(true, eval("var d = utils.jwt.decode(rfcToken, BSON.Binary.fromBase64(rfcKey), true, ['HS256']);"
                + " d.header.typ === 'JWT' && d.header.alg === 'HS256' && d.payload.iss === 'joe'"
                + " && d.payload.exp === 1300819380 && d.payload['http://example.com/is_root'] === true"));
        assertEquals("joe", eval("utils.jwt.decode(rfcToken, BSON.Binary.fromBase64(rfcKey)).iss"));
    }

    @Test
    void refusesATamperedTokenAndAnExpiredOne() {
        install(BEFORE_RFC_EXP);
        // "iss":"joe" -> "iss":"jof" in the payload
        String tampered = RFC_TOKEN.replace("eyJpc3MiOiJqb2Ui", "eyJpc3MiOiJqb2Yi");
        assertEquals("Error: utils.jwt.decode: signature verification failed; the token was altered or signed with"
                + " another key", js.error("utils.jwt.decode('" + tampered + "', BSON.Binary.fromBase64(rfcKey))"));
        assertTrue(js.error("utils.jwt.decode(rfcToken, 'wrong secret')").contains("signature verification failed"));
        install(Clock.systemUTC());
        assertEquals("Error: utils.jwt.decode: the token expired (exp 1300819380)",
                js.error("utils.jwt.decode(rfcToken, BSON.Binary.fromBase64(rfcKey))"));
    }

    @Test
    void reproducesAndDecodesThePlatformsDocumentedToken() {
        assertEquals(DOC_TOKEN, eval("utils.jwt.encode('HS512',"
                + " {sub: '1234567890', name: 'Joe Schmoe', iat: 1565721223187}, 'SuperSecret')"));
        assertEquals(true, eval("var p = utils.jwt.decode(docToken, 'SuperSecret', false, ['HS512']);"
                + " p.sub === '1234567890' && p.name === 'Joe Schmoe' && p.iat === 1565721223187"));
    }

    @Test
    void refusesUnsignedTokensAlways() {
        // {"alg":"none"} . {"sub":"x"} . (empty signature)
        String none = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.";
        assertEquals("Error: utils.jwt.decode: unsigned tokens (alg \"none\") are never accepted",
                js.error("utils.jwt.decode('" + none + "', 'secret')"));
        assertEquals("Error: utils.jwt.decode: unsigned tokens (alg \"none\") are never accepted",
                js.error("utils.jwt.decode('" + none + "', 'secret', false, ['HS256'])"));
        assertTrue(js.error("utils.jwt.encode('none', {}, 'secret')")
                .startsWith("Error: utils.jwt.encode: signingMethod 'none' is not supported; use one of [HS256,"));
    }

    @Test
    void enforcesAcceptedSigningMethods() {
        eval("var token = utils.jwt.encode('HS256', {sub: 'a'}, 'secret');");
        assertEquals("Error: utils.jwt.decode: the token is signed with HS256, which is not in"
                + " acceptedSigningMethods [RS256, ES256]", js.error("utils.jwt.decode(token, 'secret', false,"
                + " ['RS256', 'ES256'])"));
        assertEquals("a", eval("utils.jwt.decode(token, 'secret', false, ['RS256', 'HS256']).sub"));
        assertTrue(js.error("utils.jwt.decode(token, 'secret', false, ['HS257'])")
                .contains("acceptedSigningMethods entry 'HS257' is not supported"));
        // an HMAC token checked against a public key is the RS/HS confusion attack
        assertTrue(js.error("utils.jwt.decode(token, rsa_public)").contains("key is a PEM key"));
    }

    @Test
    void signsAndVerifiesWithRsaAndEcKeys() {
        for (String method : new String[]{"RS256", "RS512", "PS256", "PS384"}) {
            assertEquals(true, eval("var t = utils.jwt.encode('" + method + "', {n: 1}, rsa_private_pkcs8);"
                    + " utils.jwt.decode(t, rsa_public, false, ['" + method + "']).n === 1"
                    + " && utils.jwt.decode(utils.jwt.encode('" + method + "', {n: 2}, rsa_private_pkcs1),"
                    + " rsa_public).n === 2"), method);
        }
        assertEquals(true, eval("var t = utils.jwt.encode('ES256', {n: 1}, ec_p256_private);"
                + " utils.jwt.decode(t, ec_p256_public, true, ['ES256']).header.alg === 'ES256'"));
        assertTrue(js.error("utils.jwt.decode(utils.jwt.encode('RS256', {}, rsa_private_pkcs8),"
                + " ec_p256_public)").contains("key is not a readable RSA public key"));
        assertTrue(js.error("utils.jwt.encode('ES384', {}, ec_p256_private)")
                .startsWith("Error: utils.jwt.encode: cannot sign with ES384"));
    }

    @Test
    void customHeaderFieldsJoinTheSortedHeaderAndBsonClaimsSurvive() {
        eval("var t = utils.jwt.encode('HS256', {id: BSON.ObjectId('5f1d7a8e9b1e8a3c4d5e6f70'), n: 3},"
                + " 'secret', {kid: 'k1'});");
        // {"alg":"HS256","kid":"k1","typ":"JWT"}
        assertEquals("eyJhbGciOiJIUzI1NiIsImtpZCI6ImsxIiwidHlwIjoiSldUIn0", eval("t.split('.')[0]"));
        assertEquals(true, eval("var p = utils.jwt.decode(t, 'secret');"
                + " p.id instanceof BSON.ObjectId && p.id.toHexString() === '5f1d7a8e9b1e8a3c4d5e6f70' && p.n === 3"));
        assertTrue(js.error("utils.jwt.encode('HS256', {}, 'secret', {alg: 'HS512'})")
                .contains("customHeaderFields sets alg 'HS512'"));
        assertEquals("Error: utils.jwt.encode: payload must be an object, got \"claims\"",
                js.error("utils.jwt.encode('HS256', 'claims', 'secret')"));
    }
}
