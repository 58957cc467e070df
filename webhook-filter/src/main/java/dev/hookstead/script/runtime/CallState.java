package dev.hookstead.script.runtime;

import dev.hookstead.script.call.CallScope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstead.pipeline.AppUser;
import dev.hookstead.pipeline.ErrorCode;
import dev.hookstead.pipeline.FunctionResult;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.pipeline.HookError;
import dev.hookstead.pipeline.HttpRequestData;
import dev.hookstead.request.RequestJson;
import dev.hookstead.script.call.ContextContributor;
import dev.hookstead.script.sandbox.BsonInterop;
import dev.hookstead.rules.Caller;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One invocation as the sandbox's entry point sees it: the inputs it reads and the outcome it reports. Handed only
 * to the sandbox's own closures, never to user code.
 */
public final class CallState {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FunctionRunner.PayloadStyle style;
    private final HttpRequestData request;
    private final AppUser user;
    private final List<BsonValue> args;
    private final Map<String, ContextContributor> contributors;
    private final Host host;
    private CallScope scope;
    private final Supplier<CallScope> scopeFactory;

    private Object returned;
    private Object rejection;
    private boolean rejected;
    private boolean responseUsed;
    private String unknownService;
    private int status;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private byte[] body;
    private List<String> console = List.of();
    private int leftoverJobs;
    private String overflow;
    private boolean globalClean = true;

    private CallState(FunctionRunner.PayloadStyle style, HttpRequestData request, AppUser user, List<BsonValue> args,
                      Map<String, ContextContributor> contributors, Host host,
                      Supplier<CallScope> scopeFactory) {
        this.style = style;
        this.request = request;
        this.user = user;
        this.args = args;
        this.contributors = contributors;
        this.host = host;
        this.scopeFactory = scopeFactory;
    }

    public static CallState http(FunctionRunner.PayloadStyle style, HttpRequestData request, AppUser user,
                          Map<String, ContextContributor> contributors, Host host,
                          Supplier<CallScope> scopeFactory) {
        return new CallState(style, request, user, null, contributors, host, scopeFactory);
    }

    public static CallState plain(List<BsonValue> args, HttpRequestData request, AppUser user,
                           Map<String, ContextContributor> contributors, Host host,
                           Supplier<CallScope> scopeFactory) {
        return new CallState(null, request, user, List.copyOf(args), contributors, host, scopeFactory);
    }

    // --- inputs, read by the sandbox ---------------------------------------------------------------------------------

    public boolean isHttp() {
        return style != null;
    }

    public String style() {
        return style.name();
    }

    /** FORM: the form fields; JSON_EVENT: the body, already checked to be JSON. RAW reads its members one by one. */
    public String payloadJson() {
        return switch (style) {
            case RAW -> throw new IllegalStateException("a RAW payload is read by member");
            case FORM -> write(formFields(request.body()));
            case JSON_EVENT -> jsonEvent(request.body());
        };
    }

    /** A RAW payload's {@code query} as JSON, written when the function first reads it. */
    public String queryJson() {
        return RequestJson.query(new StringBuilder(64), request.query(), key -> false, null).toString();
    }

    /** A RAW payload's {@code headers} as JSON, written when the function first reads them. */
    public String headersJson() {
        return RequestJson.headers(new StringBuilder(256), request.headers(), name -> false, null).toString();
    }

    /** A RAW payload's body as base64, or null when the request carried none. */
    public String bodyBase64() {
        return request.body() == null ? null : Base64.getEncoder().encodeToString(request.body());
    }

    public String argsEjson() {
        return BsonInterop.toJsText(new BsonArray(args));
    }

    /** {@code context.request}, or null outside a request. */
    public String requestJson() {
        if (request == null) return null;
        ObjectNode r = JSON.createObjectNode();
        r.put("remoteIPAddress", request.remoteIPAddress());
        r.set("requestHeaders", JSON.valueToTree(request.headers()));
        r.put("webhookUrl", request.webhookUrl());
        r.put("httpMethod", request.httpMethod());
        r.put("rawQueryString", request.rawQueryString() == null ? "" : request.rawQueryString());
        putIfPresent(r, "httpReferrer", request.header("Referer"));
        putIfPresent(r, "httpUserAgent", request.header("User-Agent"));
        putIfPresent(r, "service", request.service());
        putIfPresent(r, "action", request.action());
        return write(r);
    }

    /** {@code context.user}: {@code {id, type, data, custom_data, identities}}, without id for the system user. */
    public String userEjson() {
        BsonDocument doc = new BsonDocument();
        if (user.id() != null) doc.put("id", new BsonString(user.id()));
        doc.put("type", new BsonString(user.type()));
        doc.put("data", orEmpty(user.data()));
        doc.put("custom_data", orEmpty(user.customData()));
        BsonArray identities = new BsonArray();
        for (AppUser.Identity identity : user.identities()) {
            BsonDocument i = new BsonDocument();
            if (identity.id() != null) i.put("id", new BsonString(identity.id()));
            if (identity.providerType() != null) i.put("provider_type", new BsonString(identity.providerType()));
            i.put("data", orEmpty(identity.data()));
            identities.add(i);
        }
        doc.put("identities", identities);
        return BsonInterop.toJsText(doc);
    }

    public boolean runningAsSystem() {
        return user.isSystem();
    }

    /** Who the call's MongoDB operations run as; nested context.functions.execute calls share it. */
    Caller caller() {
        return new Caller(user, request);
    }

    /** Builds a contributed context member; failures reach the script as a plain Error. */
    public Object contribute(String name) {
        ContextContributor contributor = contributors.get(name);
        if (contributor == null) return host.fail("context." + name + " is not available");
        try {
            if (scope == null) scope = scopeFactory.get();
            return contributor.create(scope);
        } catch (Exception e) {
            return host.fail("context." + name + ": " + Host.userMessage(e));
        }
    }

    // --- outcome, reported by the sandbox ----------------------------------------------------------------------------

    public void returned(Object value) {
        returned = value;
    }

    public void rejected(Object reason) {
        rejection = reason;
        rejected = true;
    }

    /** {@code context.services.get(name)} gave undefined; the first such name is kept for the error message. */
    public void unknownService(String name) {
        if (unknownService == null) unknownService = name;
    }

    public void responseUsed(int statusCode) {
        responseUsed = true;
        status = statusCode;
    }

    public void header(String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    public void responseBodyText(String text) {
        body = text.getBytes(StandardCharsets.UTF_8);
    }

    public void responseBodyBase64(String base64) {
        body = Base64.getDecoder().decode(base64);
    }

    public void finished(Object lines, int pendingJobs, String overflowMessage, boolean globalSwept) {
        globalClean = globalSwept;
        List<String> out = new ArrayList<>();
        if (lines instanceof ScriptObjectMirror mirror) {
            for (Object line : mirror.values()) out.add(String.valueOf(line));
        }
        console = out;
        leftoverJobs = pendingJobs;
        overflow = overflowMessage;
    }

    // --- read back by the runtime ------------------------------------------------------------------------------------

    Object returnedValue() {
        return returned;
    }

    boolean wasRejected() {
        return rejected;
    }

    Object rejection() {
        return rejection;
    }

    List<String> console() {
        return console;
    }

    int leftoverJobs() {
        return leftoverJobs;
    }

    boolean globalClean() {
        return globalClean;
    }

    String unknownService() {
        return unknownService;
    }

    String overflow() {
        return overflow;
    }

    public FunctionResult result(BsonValue returnValue) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return new FunctionResult(responseUsed, status, copy, body, returnValue, console);
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    private static BsonDocument orEmpty(BsonDocument doc) {
        return doc == null ? new BsonDocument() : doc;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) node.put(name, value);
    }

    private static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write request data as JSON", e);
        }
    }

    private static String jsonEvent(byte[] body) {
        if (body == null || body.length == 0) {
            throw new HookError(ErrorCode.InvalidParameter, "the webhook expects a JSON request body, but the request has none");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new HookError(ErrorCode.InvalidParameter,
                    "the request body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")");
        }
        return text;
    }

    /** {@code application/x-www-form-urlencoded} fields, first value of each. */
    static Map<String, String> formFields(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null) return fields;
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.putIfAbsent(name, value);
        }
        return fields;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HookError(ErrorCode.InvalidParameter, "the form body has a malformed %-escape in \"" + text + "\"");
        }
    }
}
