package dev.hookstead.script.sandbox;

import dev.hookstead.services.http.HttpExchanges;
import dev.hookstead.services.http.HttpSettings;
import dev.hookstead.services.mongodb.MongoServices;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;

/**
 * The host services behind {@code context.services}, {@code context.http} and HTTP service clients, shared by every
 * global of a runtime. The owner (the filter) closes {@code mongo}; the runtime never does.
 *
 * @param mongo      the app's MongoDB data sources
 * @param httpClient the one client every outgoing request of the app goes through
 * @param http       timeouts and the host allow-list of outgoing requests
 * @param exchanges  told of every outgoing exchange
 */
public record PlatformServices(MongoServices mongo, CloseableHttpAsyncClient httpClient, HttpSettings http,
                               HttpExchanges exchanges) {

    public PlatformServices {
        if (mongo == null || httpClient == null || http == null || exchanges == null) {
            throw new IllegalArgumentException("mongo, httpClient, http and exchanges are all required");
        }
    }
}
