package dev.hookstead.pipeline;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;

import java.util.List;
import java.util.Map;

/** The documents {@code %%request}, {@code %%user} and {@code %%environment} expand to (spec 3.4). */
public final class ContextDocuments {

    private ContextDocuments() {
    }

    /**
     * {@code context.request}: remoteIPAddress, requestHeaders ({@code {Name: [values]}}), webhookUrl, httpMethod,
     * rawQueryString, httpReferrer and httpUserAgent (absent without the header), service (when set), action.
     */
    public static BsonDocument request(HttpRequestData request) {
        BsonDocument headers = new BsonDocument();
        for (Map.Entry<String, List<String>> e : request.headers().entrySet()) {
            BsonArray values = new BsonArray();
            e.getValue().forEach(v -> values.add(new BsonString(v)));
            headers.append(e.getKey(), values);
        }
        BsonDocument doc = new BsonDocument();
        putString(doc, "remoteIPAddress", request.remoteIPAddress());
        doc.append("requestHeaders", headers);
        putString(doc, "webhookUrl", request.webhookUrl());
        putString(doc, "httpMethod", request.httpMethod());
        putString(doc, "rawQueryString", request.rawQueryString() == null ? "" : request.rawQueryString());
        putString(doc, "httpReferrer", request.header("Referer"));
        putString(doc, "httpUserAgent", request.header("User-Agent"));
        putString(doc, "service", request.service());
        putString(doc, "action", request.action());
        return doc;
    }

    /** {@code context.user}: id (absent for the system user), type, data, custom_data, identities[{id, provider_type, data}]. */
    public static BsonDocument user(AppUser user) {
        BsonArray identities = new BsonArray();
        for (AppUser.Identity identity : user.identities()) {
            BsonDocument i = new BsonDocument();
            putString(i, "id", identity.id());
            putString(i, "provider_type", identity.providerType());
            i.append("data", identity.data() == null ? new BsonDocument() : identity.data());
            identities.add(i);
        }
        BsonDocument doc = new BsonDocument();
        putString(doc, "id", user.id());
        putString(doc, "type", user.type());
        doc.append("data", user.data() == null ? new BsonDocument() : user.data());
        doc.append("custom_data", user.customData() == null ? new BsonDocument() : user.customData());
        doc.append("identities", identities);
        return doc;
    }

    /** {@code context.environment}: {@code {tag, values}}. */
    public static BsonDocument environment(String tag, BsonDocument values) {
        return new BsonDocument("tag", new BsonString(tag == null ? "" : tag))
                .append("values", values == null ? new BsonDocument() : values);
    }

    private static void putString(BsonDocument doc, String key, String value) {
        if (value != null) doc.append(key, new BsonString(value));
    }
}
