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
        byte[] json = "{\"format\":\"hookstead-manifest\",\"formatVersion\":99}".getBytes(StandardCharsets.UTF_8);
        ManifestException e = assertThrows(ManifestException.class,
                () -> ManifestJson.read(new ByteArrayInputStream(json), "/WEB-INF/hookstead/manifest.json"));
        assertTrue(e.getMessage().contains("formatVersion 99"), e.getMessage());
        assertTrue(e.getMessage().contains("webhook-maven-plugin"), e.getMessage());
    }

    @Test
    void aVersionWhoseShapeNoLongerBindsIsStillRefusedByItsVersion() {
        byte[] json = "{\"format\":\"hookstead-manifest\",\"formatVersion\":2,\"webhooks\":{\"a\":1}}"
                .getBytes(StandardCharsets.UTF_8);
        ManifestException e = assertThrows(ManifestException.class,
                () -> ManifestJson.read(new ByteArrayInputStream(json), "/WEB-INF/hookstead/manifest.json"));
        assertTrue(e.getMessage().contains("formatVersion 2"), e.getMessage());
    }

    @Test
    void anotherDocumentIsNotAManifestAndBrokenJsonIsNotJson() {
        byte[] other = "{\"webhooks\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        ManifestException e = assertThrows(ManifestException.class,
                () -> ManifestJson.read(new ByteArrayInputStream(other), "/WEB-INF/hookstead/manifest.json"));
        assertTrue(e.getMessage().contains("is not a Hookstead manifest"), e.getMessage());
        byte[] broken = "{\"format\":".getBytes(StandardCharsets.UTF_8);
        e = assertThrows(ManifestException.class,
                () -> ManifestJson.read(new ByteArrayInputStream(broken), "/WEB-INF/hookstead/manifest.json"));
        assertTrue(e.getMessage().contains("is not valid JSON"), e.getMessage());
    }

    @Test
    void aManifestOfThisVersionWithAFieldOfTheWrongShapeCannotBeRead() {
        byte[] json = "{\"format\":\"hookstead-manifest\",\"formatVersion\":1,\"webhooks\":{\"a\":1}}"
                .getBytes(StandardCharsets.UTF_8);
        ManifestException e = assertThrows(ManifestException.class,
                () -> ManifestJson.read(new ByteArrayInputStream(json), "/WEB-INF/hookstead/manifest.json"));
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
    }

    @Test
    void aMissingManifestSaysHowToProduceIt() {
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestJson.read(null, "/WEB-INF/x"));
        assertTrue(e.getMessage().contains("webhook:compile"), e.getMessage());
    }
}
