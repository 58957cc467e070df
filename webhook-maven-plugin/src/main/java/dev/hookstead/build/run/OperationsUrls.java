package dev.hookstead.build.run;

import dev.hookstead.config.Settings;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The development server's operations pages: defaults that switch them on (the OpenAPI document, the invocation log and
 * the Prometheus scrape, with random tokens) unless the developer set them, and the lines that tell where they are.
 * The tokens are printed because the server listens on the developer's own machine and they die with it.
 */
public final class OperationsUrls {

    private OperationsUrls() {
    }

    /**
     * Turns on what is off: {@code hookstead.openapi.enabled}, and a random {@code hookstead.log.adminToken} and
     * {@code hookstead.metrics.prometheus.token} unless a token or role is configured.
     *
     * @param set sets a system property
     */
    public static void devDefaults(Settings settings, BiConsumer<String, String> set) {
        if (settings.raw(Settings.OPENAPI_ENABLED.name()) == null) set.accept(Settings.OPENAPI_ENABLED.name(), "true");
        if (settings.raw(Settings.LOG_ADMIN_TOKEN.name()) == null && settings.raw(Settings.LOG_ROLE.name()) == null) {
            set.accept(Settings.LOG_ADMIN_TOKEN.name(), randomToken());
        }
        if (settings.raw(Settings.METRICS_PROMETHEUS_TOKEN.name()) == null && settings.metricsEnabled()) {
            set.accept(Settings.METRICS_PROMETHEUS_TOKEN.name(), randomToken());
        }
    }

    /** One line per operations page: where it is, or how to switch it on. */
    public static List<String> lines(Settings settings, String baseUrl) {
        List<String> lines = new ArrayList<>();
        lines.add("Operations:");
        lines.add("  liveness       " + baseUrl + settings.path(Settings.HEALTH_LIVENESS_PATH));
        lines.add("  readiness      " + baseUrl + settings.path(Settings.HEALTH_READINESS_PATH));
        lines.add("  OpenAPI        " + (settings.openApiEnabled() ? baseUrl + settings.path(Settings.OPENAPI_PATH)
                : "off (set " + Settings.OPENAPI_ENABLED.name() + "=true)"));
        String logToken = settings.raw(Settings.LOG_ADMIN_TOKEN.name());
        String logRole = settings.raw(Settings.LOG_ROLE.name());
        String log = baseUrl + settings.path(Settings.LOG_PATH) + "/";
        lines.add("  invocation log " + (logToken != null ? log + "#token=" + logToken
                : logRole != null ? log + " (role " + logRole + ")"
                : "off (set " + Settings.LOG_ADMIN_TOKEN.name() + ")"));
        String scrapeToken = settings.raw(Settings.METRICS_PROMETHEUS_TOKEN.name());
        lines.add("  metrics        " + (!settings.metricsEnabled() ? "off (" + Settings.METRICS_ENABLED.name() + "=false)"
                : scrapeToken == null ? "recorded; no scrape path (set " + Settings.METRICS_PROMETHEUS_TOKEN.name() + ")"
                : "curl -H 'Authorization: Bearer " + scrapeToken + "' " + baseUrl
                        + settings.path(Settings.METRICS_PROMETHEUS_PATH)));
        return lines;
    }

    private static String randomToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
