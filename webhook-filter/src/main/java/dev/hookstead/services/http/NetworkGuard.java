package dev.hookstead.services.http;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The resolver every outgoing connection of {@code context.http} goes through: it resolves a host once, checks every
 * address, and hands the client only checked addresses to connect to, so a name that resolves differently on a second
 * lookup (DNS rebinding) cannot get past it. Closed by default: loopback, link-local (cloud metadata included),
 * private, shared (100.64/10), unique-local, unspecified and multicast addresses, and every address of this server's
 * own interfaces (so its own ports, whatever it binds). {@value #SETTING} opens named hosts and CIDR ranges on purpose.
 */
public final class NetworkGuard implements DnsResolver {

    public static final String SETTING = "hookstead.http.allowPrivate";
    private static final long OWN_ADDRESSES_TTL = TimeUnit.SECONDS.toNanos(60);

    private final Set<String> hosts;
    private final List<Range> ranges;
    private volatile Set<InetAddress> ownAddresses;
    private volatile long ownAddressesAt;

    private NetworkGuard(Set<String> hosts, List<Range> ranges) {
        this.hosts = hosts;
        this.ranges = ranges;
    }

    /** Refuses every closed address. */
    public static NetworkGuard closed() {
        return new NetworkGuard(Set.of(), List.of());
    }

    /**
     * @param entries host names (allowed whatever they resolve to), IP addresses and CIDR ranges such as
     *                {@code 10.1.0.0/16} or {@code fd00::/8}
     * @throws IllegalArgumentException naming the setting and the bad entry
     */
    public static NetworkGuard allowing(Collection<String> entries) {
        Set<String> hosts = new HashSet<>();
        List<Range> ranges = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.contains("/") || entry.contains(":") || entry.matches("[0-9.]+")) {
                ranges.add(Range.parse(entry));
            } else {
                hosts.add(entry);
            }
        }
        return new NetworkGuard(Collections.unmodifiableSet(hosts), List.copyOf(ranges));
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(name);
        if (hosts.contains(name.toLowerCase(Locale.ROOT))) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            String why = closedBecause(address);
            if (why != null && ranges.stream().noneMatch(r -> r.contains(address))) {
                throw new Refused(name, address, why);
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }

    /** Why {@code address} is closed by default, or null when it is a public address. */
    String closedBecause(InetAddress address) {
        byte[] b = address.getAddress();
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (cloud metadata services such as 169.254.169.254 live there)";
        }
        if (address.isAnyLocalAddress() || b.length == 4 && b[0] == 0) {
            return "an unspecified address";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
            return "a shared (carrier-grade NAT) address";
        }
        if (b.length == 16 && (b[0] & 0xfe) == 0xfc) {
            return "a unique-local address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        if (ownAddresses().contains(address)) {
            return "an address of this server";
        }
        return null;
    }

    private Set<InetAddress> ownAddresses() {
        long now = System.nanoTime();
        Set<InetAddress> known = ownAddresses;
        if (known == null || now - ownAddressesAt > OWN_ADDRESSES_TTL) {
            Set<InetAddress> found = new HashSet<>();
            try {
                NetworkInterface.networkInterfaces().forEach(i -> i.inetAddresses().forEach(found::add));
            } catch (SocketException e) {
                // keep what was known; the category checks above still hold
                return known == null ? Set.of() : known;
            }
            ownAddresses = known = Set.copyOf(found);
            ownAddressesAt = now;
        }
        return known;
    }

    /** The refusal a script sees: which host and address, why, and the setting that opens it. */
    static final class Refused extends UnknownHostException {
        Refused(String host, InetAddress address, String why) {
            super("refused to connect to " + host + (host.equals(address.getHostAddress()) ? ""
                    : " (" + address.getHostAddress() + ")") + ": " + why + ", closed to context.http by default; to"
                    + " allow it on purpose add the host or a CIDR range to " + SETTING);
        }
    }

    /** An address range in CIDR notation; a bare address is a range of one. */
    private record Range(byte[] network, int prefix) {

        static Range parse(String text) {
            int slash = text.indexOf('/');
            String host = slash < 0 ? text : text.substring(0, slash);
            byte[] network;
            try {
                if (!host.matches("[0-9a-f.:]+")) {
                    throw new UnknownHostException(host);
                }
                network = InetAddress.getByName(host).getAddress(); // a literal: no lookup
            } catch (UnknownHostException e) {
                throw invalid(text);
            }
            int prefix = network.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw invalid(text);
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw invalid(text);
                }
            }
            return new Range(network, prefix);
        }

        private static IllegalArgumentException invalid(String text) {
            return new IllegalArgumentException("Setting " + SETTING + " has '" + text + "', which is neither a host"
                    + " name nor an address or CIDR range; use e.g. internal.example.com, 10.1.2.3 or 10.0.0.0/8");
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }
    }
}
