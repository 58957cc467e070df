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
        assertRefused("{\"format\":\"hookstead-manifest\",\"formatVersion\":99}", "formatVersion 99",
                "webhook-maven-plugin");
    }

    @Test
    void aVersionWhoseShapeNoLongerBindsIsStillRefusedByItsVersion() {
        assertRefused("{\"format\":\"hookstead-manifest\",\"formatVersion\":2,\"webhooks\":{\"a\":1}}",
                "formatVersion 2");
    }

    @Test
    void anotherDocumentIsNotAManifestAndBrokenJsonIsNotJson() {
        assertRefused("{\"webhooks\":\"x\"}", "is not a Hookstead manifest");
        assertRefused("{\"format\":", "is not valid JSON");
    }

    @Test
    void aManifestOfThisVersionWithAFieldOfTheWrongShapeCannotBeRead() {
        assertRefused("{\"format\":\"hookstead-manifest\",\"formatVersion\":1,\"webhooks\":{\"a\":1}}",
                "cannot be read");
    }

    /** Reading {@code json} fails with a message naming every one of {@code fragments}. */
    private static void assertRefused(String json, String... fragments) {
        String message = refusal(json);
        for (String fragment : fragments) assertTrue(message.contains(fragment), message);
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
