package dev.hookstead.services.mongodb;

import com.mongodb.ConnectionString;

import java.nio.file.Path;
import java.util.function.Function;

/** The filter settings MongoDB services read, with their defaults. */
final class MongoSettings {

    /** Directory of the embedded database's data file; relative paths resolve against the working directory. */
    static final String DATA_DIR = "hookstead.data.dir";
    static final String DEFAULT_DATA_DIR = "hookstead-data";
    /** When true, a data source without a URI fails start-up instead of using the embedded database. */
    static final String REQUIRE_URI = "hookstead.data.requireUri";
    /** Used when neither the setting nor the URI sets a server selection timeout: short, so an outage fails fast. */
    static final int DEFAULT_SERVER_SELECTION_TIMEOUT_MS = 3000;

    private final Function<String, String> lookup;

    MongoSettings(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    static String uriKey(String service) {
        return "hookstead.service." + service + ".uri";
    }

    static String serverSelectionTimeoutKey(String service) {
        return "hookstead.service." + service + ".serverSelectionTimeoutMS";
    }

    /** The configured connection string of a service, or null when it uses the embedded database. */
    ConnectionString uri(String service) {
        String text = get(uriKey(service));
        if (text == null) {
            return null;
        }
        try {
            return new ConnectionString(text);
        } catch (IllegalArgumentException e) {
            // the driver's message may quote the URI, which can hold a password
            throw new IllegalArgumentException("Setting " + uriKey(service) + " is not a valid MongoDB connection"
                    + " string; use mongodb://host:port/ or mongodb+srv://host/");
        }
    }

    /** The setting, else the URI's own serverSelectionTimeoutMS, else the default. */
    int serverSelectionTimeoutMs(String service, ConnectionString uri) {
        String key = serverSelectionTimeoutKey(service);
        String text = get(key);
        if (text != null) {
            try {
                int value = Integer.parseInt(text);
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("Setting " + key + " is '" + text
                    + "'; use a positive number of milliseconds, e.g. 3000");
        }
        if (uri != null && uri.getServerSelectionTimeout() != null) {
            return uri.getServerSelectionTimeout();
        }
        return DEFAULT_SERVER_SELECTION_TIMEOUT_MS;
    }

    Path dataDirectory() {
        String text = get(DATA_DIR);
        return Path.of(text == null ? DEFAULT_DATA_DIR : text).toAbsolutePath();
    }

    boolean requireUri() {
        String text = get(REQUIRE_URI);
        if (text == null || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException("Setting " + REQUIRE_URI + " is '" + text + "'; use true or false");
    }

    private String get(String key) {
        String value = lookup.apply(key);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
