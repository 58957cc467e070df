package dev.hookstead.manifest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ManifestJsonTest {

    private static Manifest sample() {
        ScriptRef script = new ScriptRef("scripts/webhooks/svc/hook.js", "sources/svc/hook/source.js", "ab", List.of(1, 1, 2));
        WebhookDef hook = new WebhookDef("svc", "http", "hook", "POST", ValidationMethod.VERIFY_PAYLOAD, "12345", null,
                true, RunAs.SYSTEM, JsonNodeFactory.instance.objectNode(), false, false, false, script,
                "services/svc/incoming_webhooks/hook/config.json");
        FunctionDef fn = new FunctionDef("a/b", true, null, null, false, script, "functions/config.json");
        return new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, "test",
                new AppInfo("app-abcde", "5f00", "app", ExportLayout.APPSERVICES, 20230101, "GLOBAL", null, null,
                        "production", null),
                "prelude.js", null, List.of(hook), null, List.of(fn), null,
                Map.of("production", JsonNodeFactory.instance.objectNode().put("b", 1), "development",
                        JsonNodeFactory.instance.objectNode()), null, null, null);
    }

    @Test
    void writesTheSameBytesForTheSameManifest() {
        assertArrayEquals(ManifestJson.write(sample()), ManifestJson.write(sample()));
        String text = new String(ManifestJson.write(sample()), StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"));
        assertTrue(text.indexOf("\"development\" :") < text.indexOf("\"production\" :"), "maps are sorted");
        assertTrue(text.contains("\"private\" : true"), text);
    }

    @Test
    void readsWhatItWrote() {
        Manifest back = ManifestJson.read(new ByteArrayInputStream(ManifestJson.write(sample())), "mem");
        assertEquals(sample(), back);
        assertEquals(2, back.webhooks().get(0).script().originalLine(3));
        assertEquals(RunAs.Mode.SYSTEM, back.function("a/b").runAs().mode());
    }

    @Test
    void refusesAnotherFormatVersionNamingTheFix() {
        String message = refusal("{\"format\":\"hookstead-manifest\",\"formatVersion\":99}");
        assertTrue(message.contains("formatVersion 99"), message);
        assertTrue(message.contains("webhook-maven-plugin"), message);
    }

    @Test
    void aVersionWhoseShapeNoLongerBindsIsStillRefusedByItsVersion() {
        String message = refusal("{\"format\":\"hookstead-manifest\",\"formatVersion\":2,\"webhooks\":{\"a\":1}}");
        assertTrue(message.contains("formatVersion 2"), message);
    }

    @Test
    void anotherDocumentIsNotAManifestAndBrokenJsonIsNotJson() {
        String other = refusal("{\"webhooks\":\"x\"}");
        assertTrue(other.contains("is not a Hookstead manifest"), other);
        String broken = refusal("{\"format\":");
        assertTrue(broken.contains("is not valid JSON"), broken);
    }

    @Test
    void aManifestOfThisVersionWithAFieldOfTheWrongShapeCannotBeRead() {
        String message = refusal("{\"format\":\"hookstead-manifest\",\"formatVersion\":1,\"webhooks\":{\"a\":1}}");
        assertTrue(message.contains("cannot be read"), message);
    }

    private static String refusal(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return assertThrows(ManifestException.class,
                () -> ManifestJson.read(new ByteArrayInputStream(bytes), "/WEB-INF/hookstead/manifest.json")).getMessage();
    }

    @Test
    void aMissingManifestSaysHowToProduceIt() {
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestJson.read(null, "/WEB-INF/x"));
        assertTrue(e.getMessage().contains("webhook:compile"), e.getMessage());
    }
}
