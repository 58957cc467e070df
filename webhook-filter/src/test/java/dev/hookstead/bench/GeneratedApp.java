package dev.hookstead.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ManifestJson;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.ValueDef;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestApps;
import dev.hookstead.validation.RealmSignature;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An app of many distinct small webhooks, compiled with the real toolchain: five shapes (sync GET reading the query,
 * async order total behind VERIFY_PAYLOAD, {@code context.values} JSON value, a class with a getter behind
 * SECRET_AS_QUERY_PARAM, a value read from a secret), each made distinct by its index. {@link #call} builds the
 * request each one answers with 200.
 */
final class GeneratedApp {
    /** The runtime secret behind the {@code apiPrefix} value; the bench defines it as a system property. */
    static final String SECRET_NAME = "apiKey";
    static final String SECRET_VALUE = "pk-live";

    private static final String QUERY = """
            exports = function({ query }, response) {
              const n = Number(query.n || $I);
              return { hook: $I, doubled: n * 2, tags: ['t$I', query.tag || 'none'] };
            };
            """;
    private static final String ORDER = """
            exports = async function({ body }) {
              const doc = JSON.parse(body.text());
              const total = (doc.items || []).reduce((sum, item) => sum + item.price * item.qty, 0);
              const rounded = await new Promise((resolve) => setTimeout(() => resolve(Math.round(total * 100) / 100), 0));
              return { order: doc.id, total: rounded + $I % 7, currency: 'EUR', lines: doc.items.length };
            };
            """;
    private static final String VALUES = """
            exports = function(payload, response) {
              const cfg = context.values.get('settings');
              response.setHeader('X-Hook', '$I');
              return { region: cfg.region, limit: cfg.limit + $I, method: context.request.httpMethod };
            };
            """;
    private static final String CLASS = """
            class Event$I {
              constructor(source) { this.source = source; }
              get label() { return `e$I:${this.source}`; }
            }
            exports = async ({ query, headers }) => {
              const event = new Event$I(query.src ?? 'none');
              const { ['Content-Type']: type = [] } = headers;
              await null;
              return { ...{ label: event.label }, types: type.length, at: new Date($I * 1000).toISOString() };
            };
            """;
    private static final String SECRET_VALUE_USE = """
            exports = function({ query }) {
              const prefix = context.values.get('apiPrefix');
              const words = (query.q || 'a b c').split(' ').map((w, k) => `${prefix}-${w}-${k + $I}`);
              return { words, count: words.length, upper: words.map((w) => w.toUpperCase()).join('|') };
            };
            """;
    private static final String ORDER_BODY =
            "{\"id\":\"o-%d\",\"items\":[{\"price\":9.99,\"qty\":2},{\"price\":1.5,\"qty\":%d}]}";

    private GeneratedApp() {
    }

    static String name(int index) {
        return String.format("hook_%04d", index + 1);
    }

    private static String inlineSecret(int index) {
        return "s3cret-" + index;
    }

    /** The app of {@code count} webhooks; compiling takes about 20 ms per webhook once Closure Compiler is warm. */
    static JsApp build(int count) {
        JsApp app = new JsApp()
                .value(new ValueDef("settings", new ObjectMapper().createObjectNode().put("region", "eu-west")
                        .put("limit", 10), false, null, null))
                .value(new ValueDef("apiPrefix", null, true, SECRET_NAME, null));
        for (int i = 0; i < count; i++) {
            String index = String.valueOf(i);
            String source = switch (i % 5) {
                case 0 -> QUERY;
                case 1 -> ORDER;
                case 2 -> VALUES;
                case 3 -> CLASS;
                default -> SECRET_VALUE_USE;
            };
            ValidationMethod validation = switch (i % 5) {
                case 1 -> ValidationMethod.VERIFY_PAYLOAD;
                case 3 -> ValidationMethod.SECRET_AS_QUERY_PARAM;
                default -> ValidationMethod.NO_VALIDATION;
            };
            String method = i % 5 == 0 ? "GET" : i % 5 == 4 ? "ANY" : "POST";
            WebhookDef def = TestApps.webhook(name(i), method, validation,
                    validation == ValidationMethod.NO_VALIDATION ? null : inlineSecret(i), true);
            app.webhook(new WebhookDef(def.service(), def.serviceType(), def.name(), def.httpMethod(),
                    def.validationMethod(), def.secret(), def.secretName(), def.respondResult(), RunAs.SYSTEM,
                    def.canEvaluate(), def.disableArgLogs(), def.fetchCustomUserData(), def.createUserOnAuth(),
                    def.script(), def.source()), source.replace("$I", index));
        }
        return app;
    }

    /** Writes the app as the plugin lays it out in a WAR: {@code <docBase>/WEB-INF/hookstead/}. */
    static void write(JsApp app, Path docBase) throws IOException {
        Path folder = Files.createDirectories(docBase.resolve(Manifest.WAR_FOLDER.substring(1)));
        Files.write(folder.resolve(Manifest.FILE_NAME), ManifestJson.write(app.manifest()));
        app.writeFiles(folder);
    }

    /** A request webhook {@code index} answers with 200, against a server at {@code base} (no trailing slash). */
    static HttpRequest call(String base, int index) {
        String path = base + TestApps.webhookPath(name(index));
        return switch (index % 5) {
            case 0 -> HttpRequest.newBuilder(URI.create(path + "?n=" + index + "&tag=x")).GET().build();
            case 1 -> {
                byte[] body = String.format(ORDER_BODY, index, index % 4 + 1).getBytes(StandardCharsets.UTF_8);
                yield HttpRequest.newBuilder(URI.create(path))
                        .header("Content-Type", "application/json")
                        .header("X-Hook-Signature", RealmSignature.sign(inlineSecret(index), body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            }
            case 2 -> HttpRequest.newBuilder(URI.create(path)).POST(HttpRequest.BodyPublishers.noBody()).build();
            case 3 -> HttpRequest.newBuilder(URI.create(path + "?secret=" + inlineSecret(index) + "&src=bench"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            default -> HttpRequest.newBuilder(URI.create(path + "?q=alpha%20beta")).GET().build();
        };
    }
}
