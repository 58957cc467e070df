package dev.hookstead.request;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code context.request.remoteIPAddress}: the peer's address, unless the peer is a trusted proxy. Then the
 * X-Forwarded-For list is walked from the right, skipping trusted proxies; the first other address is the client
 * (the leftmost one when every hop is trusted). Untrusted peers cannot spoof the address with the header.
 */
public final class ClientAddress {

    private final Set<String> trustedProxies;

    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /**
     * @param peer          the TCP peer address
     * @param forwardedFor  every X-Forwarded-For header value, in arrival order
     */
    public String resolve(String peer, List<String> forwardedFor) {
        if (!trustedProxies.contains(peer) || forwardedFor.isEmpty()) return peer;
        String client = peer;
        List<String> hops = forwardedFor.stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = hops.get(i);
            if (!trustedProxies.contains(client)) return client;
        }
        return client;
    }
}
