package dev.hookstead.script;

import dev.hookstead.script.sandbox.PlatformServices;
import dev.hookstead.services.http.HttpExchanges;
import dev.hookstead.services.http.HttpSettings;
import dev.hookstead.services.mongodb.MongoServices;

import java.util.List;
import java.util.Set;

/** Platform services for runtimes built by tests and benches, without the filter. */
public final class TestPlatformServices {

    private TestPlatformServices() {
    }

    /** No MongoDB data sources; outgoing HTTP with the default timeout to any host. */
    public static PlatformServices none() {
        return of(new MongoServices(List.of(), name -> null), HttpSettings.of(HttpSettings.DEFAULT_TIMEOUT, Set.of()));
    }

    /** A new HTTP client made from {@code http}, its exchanges told to nobody. */
    public static PlatformServices of(MongoServices mongo, HttpSettings http) {
        return new PlatformServices(mongo, http.newClient(), http, HttpExchanges.NONE);
    }
}
