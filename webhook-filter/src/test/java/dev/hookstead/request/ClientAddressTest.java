package dev.hookstead.request;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressTest {

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() {
        assertEquals("192.0.2.9", new ClientAddress(List.of()).resolve("192.0.2.9", List.of("203.0.113.7")));
    }

    @Test
    void walksFromTheRightSkippingTrustedHops() {
        ClientAddress address = new ClientAddress(List.of("10.0.0.1", "10.0.0.2"));
        assertEquals("203.0.113.7", address.resolve("10.0.0.1", List.of("198.51.100.1, 203.0.113.7", "10.0.0.2")));
        assertEquals("10.0.0.1", address.resolve("10.0.0.1", List.of()));
        assertEquals("10.0.0.2", address.resolve("10.0.0.1", List.of("10.0.0.2")));
    }
}
