package dev.hookstead.testing;

import dev.hookstead.manifest.AppInfo;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.ExportLayout;
import dev.hookstead.manifest.FunctionDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ScriptRef;
import dev.hookstead.manifest.ServiceDef;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;

import java.util.List;

/** Small manifests for filter tests. The client app id is {@value #APP_ID}. */
public final class TestApps {

    public static final String APP_ID = "myapp-abcde";

    private TestApps() {
    }

    public static Manifest app(List<WebhookDef> webhooks, List<EndpointDef> endpoints, List<FunctionDef> functions) {
        return new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, "test",
                new AppInfo(APP_ID, "5f0000000000000000000000", "myapp", ExportLayout.APPSERVICES, 20230101,
                        "GLOBAL", null, null, "", null),
                null, List.of(new ServiceDef("svc", "http", null, null, null, "http_endpoints/svc/config.json")),
                webhooks, endpoints, functions, null, null, null, null, null);
    }

    public static Manifest app(WebhookDef... webhooks) {
        return app(List.of(webhooks), List.of(), List.of());
    }

    public static WebhookDef webhook(String name, String method, ValidationMethod validation, String secret,
                                     boolean respondResult) {
        return new WebhookDef("svc", "http", name, method, validation, secret, null, respondResult, RunAs.SYSTEM,
                null, false, false, false, script(name), "http_endpoints/svc/incoming_webhooks/" + name + "/config.json");
    }

    public static WebhookDef webhook(String name) {
        return webhook(name, "POST", ValidationMethod.NO_VALIDATION, null, true);
    }

    /**
     * An endpoint without validation that sends its result ({@code respond_result: true}).
     *
     * @param returnType "JSON", "EJSON" or null
     */
    public static EndpointDef endpoint(String route, String method, String functionName, String returnType) {
        return new EndpointDef(route, method, functionName, ValidationMethod.NO_VALIDATION, null, true, false, false,
                false, returnType, null, "http_endpoints/config.json");
    }

    public static ScriptRef script(String name) {
        return new ScriptRef("scripts/" + name + ".js", "sources/" + name + ".js", "00", List.of());
    }

    /** Path of a webhook of service "svc" inside the webapp. */
    public static String webhookPath(String name) {
        return "/api/client/v2.0/app/" + APP_ID + "/service/svc/incoming_webhook/" + name;
    }

    public static String endpointPath(String route) {
        return "/app/" + APP_ID + "/endpoint" + route;
    }
}
