package dev.hookstead.rules;

import dev.hookstead.config.Settings;
import dev.hookstead.validation.ReplayGuard;
import org.bson.BsonArray;
import org.bson.BsonValue;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Hookstead's own databases, which no script reaches, System included, whatever data source they share: the user
 * store ({@code hookstead.users.database}: users, identities, API keys, token keys) and the replay records
 * ({@link ReplayGuard#DATABASE}). Names compare ignoring case, as MongoDB refuses databases differing only in case.
 */
public final class OwnData {

    private final Set<String> databases;

    private OwnData(Set<String> databases) {
        this.databases = databases;
    }

    /** @param settings the filter's setting lookup (null or blank means unset) */
    public static OwnData of(Function<String, String> settings) {
        String users = settings.apply(Settings.USERS_DATABASE.name());
        if (users == null || users.isBlank()) users = Settings.USERS_DATABASE.defaultValue();
        return new OwnData(Set.of(users.trim().toLowerCase(Locale.ROOT), ReplayGuard.DATABASE.toLowerCase(Locale.ROOT)));
    }

    /**
     * Refuses an operation on Hookstead's data: its database, or a pipeline stage naming another database
     * ({@code $out}, {@code $merge}, {@code $lookup}, {@code $unionWith} with {@code db}).
     */
    public void check(String database, String method, BsonArray args) {
        if (isOwn(database)) throw refusal(method, database);
        if (method.equals("aggregate") && !args.isEmpty()) scan(args.get(0), method);
    }

    private void scan(BsonValue value, String method) {
        if (value.isDocument()) {
            for (Map.Entry<String, BsonValue> e : value.asDocument().entrySet()) {
                if (e.getKey().equals("db") && e.getValue().isString() && isOwn(e.getValue().asString().getValue())) {
                    throw refusal(method, e.getValue().asString().getValue());
                }
                scan(e.getValue(), method);
            }
        } else if (value.isArray()) {
            for (BsonValue element : value.asArray()) scan(element, method);
        }
    }

    private boolean isOwn(String database) {
        return database != null && databases.contains(database.toLowerCase(Locale.ROOT));
    }

    private static IllegalArgumentException refusal(String method, String database) {
        return new IllegalArgumentException("collection." + method + ": database '" + database + "' holds Hookstead's"
                + " own data (users, identities, API keys, token keys or replay records), which functions cannot reach,"
                + " not even as System; keep app data in other databases (see docs/security.md)");
    }
}
