package dev.hookstead.pipeline;

import org.bson.BsonDocument;

import java.util.List;

/**
 * The user a function runs as: {@code context.user}.
 *
 * @param id         null for the system user
 * @param type       "normal", "server" or "system"
 * @param customData {@code {}} unless custom user data was fetched
 */
public record AppUser(String id, String type, BsonDocument data, BsonDocument customData, List<Identity> identities) {

    public record Identity(String id, String providerType, BsonDocument data) {
    }

    public static final AppUser SYSTEM = new AppUser(null, "system", new BsonDocument(), new BsonDocument(), List.of());

    public boolean isSystem() {
        return "system".equals(type);
    }
}
