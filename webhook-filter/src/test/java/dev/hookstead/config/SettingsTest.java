package dev.hookstead.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class SettingsTest {

    private static Settings settings(Map<String, String> init, Map<String, String> props, Map<String, String> env) {
        return new Settings(init::get, props::get, env::get);
    }

    @Test
    void initParamBeatsSystemPropertyBeatsEnvironment() {
        String name = "hookstead.function.timeout";
        assertEquals(Duration.ofSeconds(1), settings(Map.of(name, "1"), Map.of(name, "2"),
                Map.of("HOOKSTEAD_FUNCTION_TIMEOUT", "3")).functionTimeout());
        assertEquals(Duration.ofSeconds(2), settings(Map.of(), Map.of(name, "2"),
                Map.of("HOOKSTEAD_FUNCTION_TIMEOUT", "3")).functionTimeout());
        assertEquals(Duration.ofSeconds(3), settings(Map.of(), Map.of(), Map.of("HOOKSTEAD_FUNCTION_TIMEOUT", "3"))
                .functionTimeout());
        assertEquals(Duration.ofSeconds(3), settings(Map.of(name, " "), Map.of(),
                Map.of("HOOKSTEAD_FUNCTION_TIMEOUT", "3")).functionTimeout(), "blank counts as unset");
    }

    @Test
    void defaults() {
        Settings s = settings(Map.of(), Map.of(), Map.of());
        assertEquals(Duration.ofSeconds(300), s.functionTimeout());
        assertEquals(18L * 1024 * 1024, s.requestMaxBytes());
        assertTrue(s.autoRegister());
        assertEquals(List.of(), s.trustedProxies());
        assertNull(s.publicBaseUrl());
        assertEquals(4 * Runtime.getRuntime().availableProcessors(), s.enginePoolSize());
        assertEquals(Duration.ofSeconds(30), s.engineAcquireTimeout());
        assertEquals("hookstead:invocation:", s.errorLinkBase());
        assertNull(s.secret("x"));
        assertNull(s.serviceUri("mongodb-atlas"));
    }

    @Test
    void environmentNamesAreUpperCaseWithUnderscores() {
        assertEquals("HOOKSTEAD_SECRET_MYSECRET", Settings.environmentName("hookstead.secret.mySecret"));
        assertEquals("HOOKSTEAD_SERVICE_MONGODB_ATLAS_URI", Settings.environmentName("hookstead.service.mongodb-atlas.uri"));
    }

    @Test
    void secretsAndServiceUrisFollowTheSameConvention() {
        Settings s = settings(Map.of(), Map.of(), Map.of("HOOKSTEAD_SECRET_MYSECRET", "shh",
                "HOOKSTEAD_SERVICE_MONGODB_ATLAS_URI", "mongodb://db:27017"));
        assertEquals("shh", s.secret("mySecret"));
        assertEquals("mongodb://db:27017", s.serviceUri("mongodb-atlas").toString());
    }

    @Test
    void badValuesNameTheSettingTheValueAndAnExample() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of("hookstead.function.timeout", "abc"), Map.of(), Map.of()).functionTimeout());
        assertEquals("hookstead.function.timeout: value \"abc\" is not a number of seconds (a whole number above 0); "
                + "set e.g. 300", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of("hookstead.autoRegister", "no"), Map.of(), Map.of()).autoRegister());
        assertTrue(e.getMessage().startsWith("hookstead.autoRegister: value \"no\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of("hookstead.publicBaseUrl", "hooks.example.com"), Map.of(), Map.of()).validate());
        assertTrue(e.getMessage().contains("set e.g. https://"), e.getMessage());
    }

    @Test
    void listsAndUrlsAreTrimmed() {
        Settings s = settings(Map.of("hookstead.trustedProxies", " 10.0.0.1 , ::1,,",
                "hookstead.publicBaseUrl", "https://hooks.example.com/app/"), Map.of(), Map.of());
        assertEquals(List.of("10.0.0.1", "::1"), s.trustedProxies());
        assertEquals("https://hooks.example.com/app", s.publicBaseUrl());
    }

    @Test
    void signatureSettings() {
        Settings defaults = settings(Map.of(), Map.of(), Map.of());
        assertEquals(Duration.ofSeconds(300), defaults.signatureTolerance());
        assertNull(defaults.replayService(), "null means the app's first data source");
        Settings set = settings(Map.of(), Map.of(), Map.of("HOOKSTEAD_SIGNATURE_TOLERANCE", "60",
                "HOOKSTEAD_REPLAY_SERVICE", "mongodb-atlas"));
        assertEquals(Duration.ofSeconds(60), set.signatureTolerance());
        assertEquals("mongodb-atlas", set.replayService());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of("hookstead.signature.tolerance", "5m"), Map.of(), Map.of()).validate());
        assertTrue(e.getMessage().startsWith("hookstead.signature.tolerance: value \"5m\""), e.getMessage());
    }

    @Test
    void theRegistryListsEverySettingOnce() {
        List<String> names = Settings.REGISTRY.stream().map(SettingDef::name).toList();
        assertEquals(names.size(), names.stream().distinct().count());
        assertTrue(names.stream().allMatch(n -> n.startsWith(Settings.PREFIX)));
        assertTrue(names.contains("hookstead.secret.<secretName>"));
        assertEquals("HOOKSTEAD_REQUEST_MAXBYTES", Settings.REQUEST_MAX_BYTES.environmentName());
    }
}
