package dev.hookstead.validation;

import org.apache.commons.codec.binary.Hex;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

class RealmSignatureTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void hmacPrimitiveMatchesRfc4231TestCase2() {
        // RFC 4231 section 4.3: key "Jefe", data "what do ya want for nothing?"
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Hex.encodeHexString(RealmSignature.mac("Jefe", utf8("what do ya want for nothing?"))));
    }

    @Test
    void signsTheWebhookDocsVector() {
        assertEquals("sha256=828ee180512eaf8a6229eda7eea72323f68e9c0f0093b11a578b0544c5777862",
                RealmSignature.sign("12345", utf8("{\"message\":\"MESSAGE\"}")));
    }

    @Test
    void verifiesTheEndpointDocsVectorOverTheBytesAsSent() {
        // printf '%s' '{ "message": "Hello!" }' | openssl dgst -sha256 -hmac 'Super5ecr3tPa55w0rd'
        String header = "sha256=d4f0537db4e230d7a6028a6f7c3bb1b57c9d16f39176d78697e559ac333e0b36";
        assertTrue(RealmSignature.verify("Super5ecr3tPa55w0rd", utf8("{ \"message\": \"Hello!\" }"), header));
        assertFalse(RealmSignature.verify("Super5ecr3tPa55w0rd", utf8("{\"message\":\"Hello!\"}"), header),
                "a re-serialised body is a different message");
    }

    @Test
    void acceptsUpperCaseHexAndSurroundingSpace() {
        assertTrue(RealmSignature.verify("12345", utf8("{\"message\":\"MESSAGE\"}"),
                " sha256=828EE180512EAF8A6229EDA7EEA72323F68E9C0F0093B11A578B0544C5777862"));
    }

    @Test
    void rejectsMissingMalformedAndWrongSignatures() {
        byte[] body = utf8("{\"message\":\"MESSAGE\"}");
        assertFalse(RealmSignature.verify("12345", body, null));
        assertFalse(RealmSignature.verify("12345", body, "828ee180512eaf8a6229eda7eea72323f68e9c0f0093b11a578b0544c5777862"));
        assertFalse(RealmSignature.verify("12345", body, "sha256=zz"));
        assertFalse(RealmSignature.verify("12345", body, "sha256=828ee180"));
        assertFalse(RealmSignature.verify("12346", body,
                "sha256=828ee180512eaf8a6229eda7eea72323f68e9c0f0093b11a578b0544c5777862"));
    }
}
