package dev.hookstead.script.call;

import dev.hookstead.manifest.Manifest;
import dev.hookstead.pipeline.AppUser;
import dev.hookstead.pipeline.HttpRequestData;
import dev.hookstead.script.sandbox.BsonInterop;
import org.bson.BsonValue;
import org.openjdk.nashorn.api.scripting.ScriptObjectMirror;

/** What a {@link ContextContributor} sees of one call, and factories for script values in the call's global. */
public final class CallScope {
    private final Manifest manifest;
    private final HttpRequestData request;
    private final AppUser user;
    private final String logName;
    private final ScriptObjectMirror internals;

    public CallScope(Manifest manifest, HttpRequestData request, AppUser user, String logName,
                     ScriptObjectMirror internals) {
        this.manifest = manifest;
        this.request = request;
        this.user = user;
        this.logName = logName;
        this.internals = internals;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The request being served, or null outside a request. */
    public HttpRequestData request() {
        return request;
    }

    public AppUser user() {
        return user;
    }

    public String logName() {
        return logName;
    }

    /** A script value from JSON text. */
    public Object json(String text) {
        return internals.callMember("parseJson", text);
    }

    /** A script value from BSON, with BSON types (ObjectId, Long, Binary...) as the BSON globals' classes. */
    public Object bson(BsonValue value) {
        return internals.callMember("parseEjson", BsonInterop.toJsText(value));
    }

    /** The script value {@code undefined}. */
    public Object undefined() {
        return internals.callMember("undefinedValue");
    }

    /** An empty script object to fill with {@link ScriptObjectMirror#setMember}. */
    public ScriptObjectMirror newObject() {
        return (ScriptObjectMirror) json("{}");
    }

    /** A fresh {@code services}, {@code http} or {@code functions} member, built in the call's global. */
    Object platformMember(String name) {
        return internals.callMember("platformMember", name);
    }

    /** A synchronous script function backed by Java. */
    public Object function(String name, HostFunction fn) {
        return internals.callMember("hostFunction", name, fn);
    }

    /**
     * A script function that answers with a promise and runs {@code fn} as queued async work, counted against the
     * invocation's async limit like the platform's service calls.
     */
    public Object asyncFunction(String name, HostFunction fn) {
        return internals.callMember("hostAsyncFunction", name, fn);
    }
}
