package dev.hookstead.build.run;

import dev.hookstead.build.AppCompiler;
import dev.hookstead.manifest.AppInfo;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.ExportLayout;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.manifest.ServiceDef;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.pipeline.HttpRequestData;
import dev.hookstead.request.QueryString;
import dev.hookstead.validation.Freshness;
import dev.hookstead.validation.SlackSignature;
import dev.hookstead.validation.StandardWebhooksSignature;
import dev.hookstead.validation.StripeSignature;
import dev.hookstead.validation.TwilioSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CurlCommandsTest {

    @TempDir
    Path tmp;

    private Manifest example() {
        return new AppCompiler(tmp.resolve("cache"), "test", 1)
                .compile(Path.of("..", "webhook-war-example", "src", "main", "app"), null, null).manifest();
    }

    @Test
    void signsTheSeedBodyWithThePublishedSignature() {
        Manifest m = example();
        String saveOrder = new CurlCommands(m, "http://h:1", name -> null)
                .webhook(m.webhooks().stream().filter(w -> w.name().equals("saveOrder")).findFirst().orElseThrow(),
                        CurlCommands.SAMPLE_BODY);
        assertTrue(saveOrder.contains("-H 'X-Hook-Signature: sha256=828ee180512eaf8a6229eda7eea72323f68e9c0f0093b11a5"
                + "78b0544c5777862' -d '{\"message\":\"MESSAGE\"}' 'http://h:1/api/client/v2.0/app/hookstead-example-abcde/"
                + "service/orders/incoming_webhook/saveOrder'"), saveOrder);
    }

    @Test
    void putsTheSecretInTheQueryAndUsesGetWithoutABody() {
        Manifest m = example();
        String all = String.join("\n", new CurlCommands(m, "http://h:1", name -> null).all("{}"));
        assertTrue(all.contains("'http://h:1/api/client/v2.0/app/hookstead-example-abcde/service/orders/"
                + "incoming_webhook/orderStatus?secret=12345'"), all);
        assertTrue(all.contains("curl -i -X GET 'http://h:1/api/client/v2.0/app/hookstead-example-abcde/service/orders/"
                + "incoming_webhook/ping'"), all);
    }

    private static final String SLACK_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-"
            + "collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rG"
            + "lfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static Manifest app(List<WebhookDef> webhooks, List<EndpointDef> endpoints) {
        return new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, "test",
                new AppInfo("myapp-abcde", "5f0000000000000000000000", "myapp", ExportLayout.APPSERVICES, 20230101,
                        "GLOBAL", null, null, "", null),
                null, List.of(new ServiceDef("svc", "http", null, null, null, "http_endpoints/svc/config.json")),
                webhooks, endpoints, List.of(), null, null, null, null, null);
    }

    private static WebhookDef hook(String type, String name, ValidationMethod method, String secret, String secretName) {
        return new WebhookDef("svc", type, name, "POST", method, secret, secretName, true, RunAs.SYSTEM, null, false,
                false, false, new ScriptRef("scripts/x.js", "sources/x.js", "00", List.of()), "x/config.json");
    }

    private static EndpointDef endpoint(ValidationMethod method) {
        return new EndpointDef("/hook", "POST", "f", method, "key", true, false, false, false, null, null,
                "http_endpoints/config.json");
    }

    private static CurlCommands at(Manifest m, long unixSeconds) {
        return new CurlCommands(m, "http://h:1", name -> name.equals("key") ? "8f742231b10e8888abcd99yyyzzz85a5"
                : name.equals("token") ? "12345" : null, Clock.fixed(Instant.ofEpochSecond(unixSeconds), ZoneOffset.UTC));
    }

    /** The request a pasted command sends: its -H headers and -d body, for the real verifiers. */
    private static HttpRequestData sent(String command) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Matcher h = Pattern.compile("-H '([^:]+): ([^']*)'").matcher(command);
        while (h.find()) headers.put(h.group(1), List.of(h.group(2)));
        Matcher d = Pattern.compile("-d '([^']*)'").matcher(command);
        byte[] body = d.find() ? d.group(1).getBytes(StandardCharsets.UTF_8) : null;
        return new HttpRequestData("POST", headers, Map.of(), "", body, "127.0.0.1", "http://h:1/x", "svc", "x");
    }

    private static String header(String command, String name) {
        Matcher h = Pattern.compile("-H '" + Pattern.quote(name) + ": ([^']*)'").matcher(command);
        return h.find() ? h.group(1) : null;
    }

    private static Freshness near(long unixSeconds) {
        return new Freshness(Clock.fixed(Instant.ofEpochSecond(unixSeconds), ZoneOffset.UTC), Duration.ofSeconds(300));
    }

    @Test
    void gitHubServiceWebhookCarriesTheDocsSignature() {
        Manifest m = app(List.of(hook("github", "push", ValidationMethod.NO_VALIDATION,
                "It's a Secret to Everybody", null)), List.of());
        String curl = at(m, 0).webhook(m.webhooks().get(0), "Hello, World!");
        assertEquals("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
                header(curl, "X-Hub-Signature-256"), curl);
    }

    @Test
    void slackCarriesTheDocsSignatureAtThePinnedTime() {
        Manifest m = app(List.of(), List.of(endpoint(ValidationMethod.SLACK)));
        String curl = at(m, 1531420618).endpoint(m.endpoints().get(0), SLACK_BODY);
        assertEquals("1531420618", header(curl, SlackSignature.TIMESTAMP_HEADER), curl);
        assertEquals("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
                header(curl, SlackSignature.HEADER), curl);
    }

    @Test
    void twilioSendsAFormTheVerifierAccepts() {
        Manifest m = app(List.of(hook("twilio", "sms", ValidationMethod.NO_VALIDATION, null, "token")), List.of());
        String curl = at(m, 0).webhook(m.webhooks().get(0), "{\"Body\":\"hi there\",\"From\":\"+15005550006\"}");
        assertTrue(curl.contains("-H 'Content-Type: application/x-www-form-urlencoded'"), curl);
        assertTrue(curl.contains("-d 'Body=hi+there&From=%2B15005550006'"), curl);
        HttpRequestData request = sent(curl);
        assertEquals(List.of(Map.entry("Body", "hi there"), Map.entry("From", "+15005550006")),
                QueryString.all(new String(request.body(), StandardCharsets.UTF_8)));
        assertDoesNotThrow(() -> TwilioSignature.verify("12345",
                "http://h:1/api/client/v2.0/app/myapp-abcde/service/svc/incoming_webhook/sms", request));
    }

    @Test
    void standardWebhooksAndSvixHeadersVerifyAtTheirTimestamp() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        Manifest m = app(List.of(hook("http", "std", ValidationMethod.STANDARD_WEBHOOKS, secret, null),
                hook("http", "svix", ValidationMethod.SVIX, secret, null)), List.of());
        byte[] key = StandardWebhooksSignature.key(secret);
        String std = at(m, 1614265330).webhook(m.webhooks().get(0), "{\"test\": 2432232314}");
        assertEquals("1614265330", header(std, "webhook-timestamp"), std);
        assertDoesNotThrow(() -> StandardWebhooksSignature.STANDARD.verify(key, sent(std), near(1614265330)));
        String svix = at(m, 1614265330).webhook(m.webhooks().get(1), "{}");
        assertTrue(svix.contains("-H 'svix-signature: v1,"), svix);
        assertDoesNotThrow(() -> StandardWebhooksSignature.SVIX.verify(key, sent(svix), near(1614265330)));
    }

    @Test
    void stripeHeaderCarriesTheTimeAndVerifies() {
        Manifest m = app(List.of(hook("http", "pay", ValidationMethod.STRIPE, "whsec_test", null)), List.of());
        String curl = at(m, 1700000000).webhook(m.webhooks().get(0), "{\"id\":\"evt_1\"}");
        assertTrue(header(curl, StripeSignature.HEADER).startsWith("t=1700000000,v1="), curl);
        assertDoesNotThrow(() -> StripeSignature.verify("whsec_test", sent(curl), near(1700000000)));
    }

    @Test
    void namesTheMissingSecretInsteadOfSigning() {
        Manifest m = app(List.of(), List.of(endpoint(ValidationMethod.STRIPE)));
        String curl = new CurlCommands(m, "http://h:1", name -> null).endpoint(m.endpoints().get(0), "{}");
        assertTrue(curl.contains("(set hookstead.secret.key to sign this request)"), curl);
        assertEquals(null, header(curl, StripeSignature.HEADER), curl);
    }

    @Test
    void aWebhookThatRunsAsTheCallerGetsADevelopmentJwtFromTheCustomTokenProvider() throws Exception {
        Manifest m = example();
        var profile = m.webhooks().stream().filter(w -> w.name().equals("myProfile")).findFirst().orElseThrow();
        String key = "example-signing-key-at-least-32-characters";
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"),
                java.time.ZoneOffset.UTC);
        String curl = new CurlCommands(m, "http://h:1", name -> name.equals("jwtSigningKey") ? key : null, clock)
                .webhook(profile, "{}");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("-H 'jwtTokenString: ([^']+)'").matcher(curl);
        assertTrue(token.find(), curl);
        com.nimbusds.jwt.SignedJWT jwt = com.nimbusds.jwt.SignedJWT.parse(token.group(1));
        assertTrue(jwt.verify(new com.nimbusds.jose.crypto.MACVerifier(key)), "signed with the provider's key");
        assertTrue(jwt.getJWTClaimsSet().getAudience().contains("hookstead-example-abcde"));
        assertTrue(jwt.getJWTClaimsSet().getExpirationTime().toInstant()
                .equals(java.time.Instant.parse("2026-01-01T00:30:00Z")));

        String unsigned = new CurlCommands(m, "http://h:1", name -> null).webhook(profile, "{}");
        assertTrue(unsigned.contains("set hookstead.secret.jwtSigningKey to get a development JWT"), unsigned);
    }

    @Test
    void samplesReplaceTheBodyOrAddAQueryPerTarget() {
        Manifest m = example();
        String all = String.join("\n", new CurlCommands(m, "http://h:1", name -> null).all(CurlCommands.SAMPLE_BODY,
                java.util.Map.of("orders.saveOrder", "{\"someField\":\"x\"}", "orders.orderStatus", "?id=7")));
        // the signature covers the sample body: openssl dgst -sha256 -hmac 12345 over {"someField":"x"}
        assertTrue(all.contains("X-Hook-Signature: sha256=b43bcd3e649fa31b454bbf9f68d824a96b7624ae2ba75fa90b18141402cdedf7' "
                + "-d '{\"someField\":\"x\"}'"), all);
        assertTrue(all.contains("incoming_webhook/orderStatus?id=7&secret=12345'"), all);
    }

    @Test
    void withoutASampleTheBodyFitsWhatTheFunctionReadsOrACommentSaysToSetOne() {
        Path out = tmp.resolve("out");
        Manifest m = new AppCompiler(tmp.resolve("cache"), "test", 1)
                .compile(Path.of("..", "webhook-war-example", "src", "main", "app"), null, out).manifest();
        java.util.function.Function<dev.hookstead.manifest.ScriptRef, String> sources = ref -> {
            try {
                return java.nio.file.Files.readString(out.resolve(ref.original()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        String all = String.join("\n", new CurlCommands(m, "http://h:1", name -> null).all(CurlCommands.SAMPLE_BODY,
                java.util.Map.of(), sources));
        // saveOrder reads body.someField: without <samples> the seed body would store nothing
        assertTrue(all.contains("-d '{\"someField\":\"SOMEFIELD\"}' 'http://h:1/api/client/v2.0/app/"
                + "hookstead-example-abcde/service/orders/incoming_webhook/saveOrder'"), all);
        assertTrue(all.contains("-d '{\"orders\":[]}'"), "a default that is a JSON literal is kept: " + all);
        assertTrue(all.contains("-d '{\"message\":\"MESSAGE\"}' 'http://h:1/app/hookstead-example-abcde/endpoint/"
                + "orders/notify'"), all);
        org.junit.jupiter.api.Assertions.assertFalse(all.contains("# the body is a placeholder"), all);

        String untellable = String.join("\n", new CurlCommands(m, "http://h:1", name -> null).all(
                CurlCommands.SAMPLE_BODY, java.util.Map.of(), ref -> "return save(JSON.parse(payload.body.text()));"));
        assertTrue(untellable.contains("incoming_webhook/saveOrder'\n    # the body is a placeholder: set <samples>"
                + " <orders.saveOrder> in the plugin's configuration to a body this function reads"), untellable);
    }
}
