package dev.hookstead.build.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.manifest.ServiceDef;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.validation.StandardWebhooksSignature;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The incoming webhooks of one http, github or twilio service (realm-behaviour 1.5, 9). */
final class WebhookReader {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "ANY");
    private static final Set<String> FIELDS = Set.of("id", "name", "respond_result", "run_as_authed_user",
            "run_as_user_id", "run_as_user_id_script_source", "run_as_system", "can_evaluate", "disable_arg_logs",
            "fetch_custom_user_data", "create_user_on_auth", "private", "options", "function_source");
    private static final Set<String> OPTION_FIELDS = Set.of("httpMethod", "validationMethod", "secret",
            "secretAsQueryParam");

    private final ExportContext ctx;
    private final ServiceDef service;
    /** Webhook name to the file that declared it, for the per-service uniqueness check. */
    private final Map<String, String> names = new HashMap<>();

    WebhookReader(ExportContext ctx, ServiceDef service) {
        this.ctx = ctx;
        this.service = service;
    }

    void readAll(Path hooksDir, List<WebhookDef> out) {
        // The legacy docs' diagram shows incoming_webhooks/config.json without a per-webhook folder (realm-behaviour 10).
        if (ctx.files.isFile(hooksDir.resolve("config.json"))) {
            ctx.problems.warning(ctx.files.rel(hooksDir.resolve("config.json")), null, null,
                    "sits directly in incoming_webhooks/; it is read as one webhook",
                    "move config.json and source.js into incoming_webhooks/<webhook name>/ as the CLIs export them");
            read(hooksDir, null, out);
        }
        for (Path dir : ctx.files.dirs(hooksDir)) {
            read(dir, dir.getFileName().toString(), out);
        }
    }

    /** @param folder the webhook's folder name, or null for the legacy folder-less form */
    private void read(Path dir, String folder, List<WebhookDef> out) {
        Path configFile = dir.resolve("config.json");
        String file = ctx.files.rel(configFile);
        if (!ctx.files.isFile(configFile)) {
            ctx.problems.error(file, null, null, "is missing: webhook folder " + ctx.files.rel(dir) + " has no config",
                    "add config.json with at least {\"name\": \"" + folder + "\", \"respond_result\": true}");
            return;
        }
        ConfigNode cfg = ctx.config(configFile, "export the webhook again");
        ScriptRef script = source(dir);
        if (cfg == null) return;
        cfg.warnUnknown(FIELDS, "webhook");

        String name = name(cfg, folder);
        String firstFile = names.putIfAbsent(name, file);
        if (firstFile != null) {
            ctx.problems.error(file, "name", name, "is already used by the webhook in " + firstFile
                    + " of service \"" + service.name() + "\"", "give each webhook of a service a unique name");
        }
        if (!cfg.has("respond_result")) {
            ctx.problems.warning(file, "respond_result", null, "is missing; false is used (the function's return value "
                    + "is not sent back)", "add \"respond_result\": true or false");
        }

        ConfigNode options = cfg.object("options");
        if (options != null) options.warnUnknown(OPTION_FIELDS, "webhook option");
        String method = httpMethod(cfg, options);
        ValidationMethod validation = ValidationMethod.NO_VALIDATION;
        String secret = options == null ? null : options.text("secret");
        String secretName = null;
        switch (service.type()) {
            case "http" -> validation = validation(cfg, options, secret);
            case "github" -> {
                if (secret == null || secret.isEmpty()) {
                    ctx.problems.warning(file, "options.secret", null, "is missing, so GitHub deliveries are accepted "
                            + "without a signature check", "set options.secret to the secret configured on GitHub");
                }
            }
            case "twilio" -> {
                secretName = service.secretConfig().get("auth_token");
                if (secretName == null) {
                    ctx.problems.error(service.source(), "secret_config.auth_token", null, "is missing, so Twilio "
                            + "signatures on webhook \"" + name + "\" cannot be checked",
                            "set secret_config {\"auth_token\": \"<secret name>\"} and supply that secret at run time");
                }
            }
            default -> { }
        }
        if (secret != null && !secret.isEmpty()) {
            ctx.problems.warning(file, "options.secret", null, "inline secret in the export; anyone with the WAR can "
                    + "read it", "rotate the secret if the WAR leaves trusted hands");
        }

        JsonNode canEvaluate = CanEvaluateCheck.normalise(cfg.get("can_evaluate"));
        ctx.expression(canEvaluate, file, "can_evaluate");
        out.add(new WebhookDef(service.name(), service.type(), name, method, validation,
                secret == null || secret.isEmpty() ? null : secret, secretName,
                cfg.bool("respond_result", false), RunAsReader.read(cfg, RunAs.Mode.SYSTEM, ctx.scripts), canEvaluate,
                cfg.bool("disable_arg_logs", false), cfg.bool("fetch_custom_user_data", false),
                cfg.bool("create_user_on_auth", false), script, file));
    }

    /** The webhook's {@code source.js}, or null after an error: a webhook without code cannot run. */
    private ScriptRef source(Path dir) {
        Path file = dir.resolve("source.js");
        String rel = ctx.files.rel(file);
        if (!ctx.files.isFile(file)) {
            ctx.problems.error(rel, null, null, "is missing: every webhook needs its function source",
                    "add source.js with exports = function(payload, response) { ... }");
            return null;
        }
        String text = ctx.files.readText(file);
        if (text == null) return null;
        if (text.isBlank()) {
            ctx.problems.error(rel, null, null, "is empty: every webhook needs its function source",
                    "write exports = function(payload, response) { ... } into it");
            return null;
        }
        return ctx.scripts.add(rel, text);
    }

    private String name(ConfigNode cfg, String folder) {
        String name = cfg.text("name");
        if (folder == null) {
            if (name == null) {
                ctx.problems.error(cfg.file(), "name", null, "is missing", "add \"name\": \"<webhook name>\"");
                return "webhook";
            }
        } else if (name == null) {
            ctx.problems.warning(cfg.file(), "name", null, "is missing; the folder name \"" + folder + "\" is used",
                    "add \"name\": \"" + folder + "\"");
            name = folder;
        } else if (!name.equals(folder)) {
            ctx.problems.error(cfg.file(), "name", name, "does not match the webhook's folder \"" + folder + "\"",
                    "rename the folder to \"" + name + "\" or set \"name\": \"" + folder + "\"");
        }
        ctx.checkName(cfg.file(), "name", name, "webhook");
        return name;
    }

    /** {@code options.httpMethod}; ANY when absent (GitHub and Twilio configs carry none). */
    private String httpMethod(ConfigNode cfg, ConfigNode options) {
        String method = options == null ? null : options.text("httpMethod");
        if (method == null) {
            if ("http".equals(service.type())) {
                ctx.problems.warning(cfg.file(), "options.httpMethod", null, "is missing; ANY is used",
                        "set options.httpMethod to one of " + String.join(", ", METHODS));
            }
            return "ANY";
        }
        String upper = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(upper)) {
            ctx.problems.error(cfg.file(), "options.httpMethod", method, "is not a valid HTTP method",
                    "use one of " + String.join(", ", METHODS));
            return "ANY";
        }
        if (!upper.equals(method)) {
            ctx.problems.warning(cfg.file(), "options.httpMethod", method, "is not upper case; " + upper + " is used",
                    "write \"" + upper + "\"");
        }
        return upper;
    }

    /** {@code options.validationMethod}, or the older {@code options.secretAsQueryParam: true} (ADM-OAS). */
    private ValidationMethod validation(ConfigNode cfg, ConfigNode options, String secret) {
        if (options == null) return ValidationMethod.NO_VALIDATION;
        ValidationMethod method = ValidationMethod.NO_VALIDATION;
        String field = "options.validationMethod";
        String text = options.text("validationMethod");
        if (text != null) {
            method = Validation.parse(text, cfg.file(), field, ctx.problems);
        } else if (options.bool("secretAsQueryParam", false)) {
            method = ValidationMethod.SECRET_AS_QUERY_PARAM;
            field = "options.secretAsQueryParam";
        }
        if (method != ValidationMethod.NO_VALIDATION && (secret == null || secret.isEmpty())) {
            ctx.problems.error(cfg.file(), "options.secret", null, "is missing, but " + field + " is " + method
                    + " and needs it", "set options.secret, or set options.validationMethod to NO_VALIDATION");
        }
        boolean standard = method == ValidationMethod.STANDARD_WEBHOOKS || method == ValidationMethod.SVIX;
        if (standard && secret != null && !secret.isEmpty() && StandardWebhooksSignature.key(secret) == null) {
            ctx.problems.error(cfg.file(), "options.secret", null, "is not a " + method + " signing secret (whsec_ "
                    + "followed by base64)", "copy the whsec_... secret the sender shows for this endpoint");
        }
        return method;
    }
}
