package newsroom.fetch;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides which resolved addresses the fetcher may connect to. {@link #publicOnly()} (the production default)
 * refuses every block of the IANA IPv4 and IPv6 special-purpose registries, so a URL can never reach loopback,
 * private networks, link-local metadata endpoints (169.254.169.254, fd00:ec2::254), CGNAT, multicast and the like.
 *
 * <p>IPv6 forms that embed an IPv4 address: IPv4-mapped ({@code ::ffff:a.b.c.d}) is judged by its IPv4 address;
 * IPv4-compatible ({@code ::/96}), NAT64 ({@code 64:ff9b::/96}, {@code 64:ff9b:1::/48}) and 6to4 ({@code 2002::/16})
 * are refused outright, since they can tunnel to any IPv4 address.
 *
 * <p>An operator can open chosen special-purpose blocks with an explicit allow-list ({@link #allowingNetworks},
 * from {@code NEWSROOM_FETCH_ALLOWED_NETWORKS} or the site config; empty by default). The cloud metadata and
 * credential endpoints (169.254.169.254, 169.254.170.2, fd00:ec2::254) and the Lambda Runtime API address
 * ({@link #refusingRuntimeApi}) stay refused whatever the list (or a test allowance) says.
 *
 * <p>Tests reach their own loopback servers only through {@link #allowingForTests}, which must be called explicitly.
 */
public final class AddressPolicy {

    private record Block(Cidr cidr, String kind) {
    }

    private static final List<Block> SPECIAL_PURPOSE = List.of(
            // IPv4 special-purpose registry
            block("0.0.0.0/8", "unspecified (\"this network\")"),
            block("10.0.0.0/8", "private"),
            block("100.64.0.0/10", "shared (CGNAT)"),
            block("127.0.0.0/8", "loopback"),
            block("169.254.0.0/16", "link-local (cloud metadata)"),
            block("172.16.0.0/12", "private"),
            block("192.0.0.0/24", "IETF protocol assignment"),
            block("192.0.2.0/24", "documentation"),
            block("192.88.99.0/24", "6to4 relay anycast"),
            block("192.168.0.0/16", "private"),
            block("198.18.0.0/15", "benchmarking"),
            block("198.51.100.0/24", "documentation"),
            block("203.0.113.0/24", "documentation"),
            block("224.0.0.0/4", "multicast"),
            block("240.0.0.0/4", "reserved"),
            block("255.255.255.255/32", "broadcast"),
            // IPv6 special-purpose registry
            block("::/128", "unspecified"),
            block("::1/128", "loopback"),
            block("::ffff:0:0/96", "IPv4-mapped"),
            block("::/96", "IPv4-compatible"),
            block("64:ff9b::/96", "NAT64"),
            block("64:ff9b:1::/48", "NAT64 (local use)"),
            block("100::/64", "discard-only"),
            block("2001::/23", "IETF protocol assignment"),
            block("2001:db8::/32", "documentation"),
            block("2002::/16", "6to4"),
            block("fc00::/7", "private (unique local)"),
            block("fe80::/10", "link-local"),
            block("ff00::/8", "multicast"));

    /** Never reachable, whatever an allow-list says: where cloud credentials are handed out. */
    private static final List<Block> NEVER_ALLOWED = List.of(
            block("169.254.169.254/32", "cloud metadata endpoint"),
            block("169.254.170.2/32", "container credentials endpoint"),
            block("fd00:ec2::254/128", "cloud metadata endpoint"));

    private final List<Cidr> testAllowances;
    private final List<AllowedNetwork> allowedNetworks;
    private final List<Block> neverAllowed;

    private AddressPolicy(List<Cidr> testAllowances, List<AllowedNetwork> allowedNetworks, List<Block> neverAllowed) {
        this.testAllowances = List.copyOf(testAllowances);
        this.allowedNetworks = List.copyOf(allowedNetworks);
        this.neverAllowed = List.copyOf(neverAllowed);
    }

    /** Public unicast addresses only: the production policy. */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(List.of(), List.of(), NEVER_ALLOWED);
    }

    /** A copy that also lets the operator's allow-list through (never the metadata or runtime endpoints). */
    public AddressPolicy allowingNetworks(List<AllowedNetwork> networks) {
        List<AllowedNetwork> all = new ArrayList<>(allowedNetworks);
        all.addAll(networks);
        return new AddressPolicy(testAllowances, all, neverAllowed);
    }

    /**
     * A copy that also refuses the Lambda Runtime API's address (the host of {@code AWS_LAMBDA_RUNTIME_API}, an IP
     * literal) on every port, whatever the allow-list says.
     *
     * @throws IllegalArgumentException when the host is not an IP literal
     */
    public AddressPolicy refusingRuntimeApi(String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<Block> blocks = new ArrayList<>(neverAllowed);
        blocks.add(new Block(Cidr.parse(literal + (literal.contains(":") ? "/128" : "/32")), "Lambda Runtime API"));
        return new AddressPolicy(testAllowances, allowedNetworks, blocks);
    }

    /** The operator's allow-list, for logging at start. */
    public List<AllowedNetwork> allowedNetworks() {
        return allowedNetworks;
    }

    /** True when some allow-list entry names this port explicitly (so a URL may use it). */
    public boolean listsPort(int port) {
        return allowedNetworks.stream().anyMatch(n -> n.listsPort(port));
    }

    /**
     * A copy that also allows the given blocks (e.g. {@code "127.0.0.1/32"}) so tests can reach loopback servers
     * they started. Never call this in production wiring.
     */
    public AddressPolicy allowingForTests(String... cidrs) {
        List<Cidr> allowed = new ArrayList<>(testAllowances);
        for (String c : cidrs) {
            allowed.add(Cidr.parse(c));
        }
        return new AddressPolicy(allowed, allowedNetworks, neverAllowed);
    }

    /**
     * Why the address may not be connected to on one of the fetcher's allowed ports, as "a private address
     * 10.0.0.1", or empty when it is allowed.
     */
    public Optional<String> refusal(InetAddress address) {
        return refusal(address, 0, true);
    }

    /**
     * Why the address may not be connected to on this port, or empty when it is allowed.
     *
     * @param standardPort whether the port is one of the fetcher's allowed ports; other ports are reachable only
     *                     on allow-list entries that name them
     */
    public Optional<String> refusal(InetAddress address, int port, boolean standardPort) {
        byte[] bytes = address.getAddress();
        if (isIpv4Mapped(bytes)) {
            return refusal(ipv4(bytes, 12), port, standardPort);
        }
        String text = address instanceof Inet4Address ? address.getHostAddress() : ipv6Text(bytes);
        for (Block b : neverAllowed) {
            if (b.cidr().contains(bytes)) {
                return Optional.of("the " + b.kind() + " " + text + ", which is never allowed");
            }
        }
        for (Cidr allowed : testAllowances) {
            if (allowed.contains(bytes)) {
                return Optional.empty();
            }
        }
        for (AllowedNetwork network : allowedNetworks) {
            if (network.allows(bytes, port, standardPort)) {
                return Optional.empty();
            }
        }
        for (Block b : SPECIAL_PURPOSE) {
            if (b.cidr().contains(bytes)) {
                return Optional.of(article(b.kind()) + " " + b.kind() + " address " + text + portNote(bytes, port));
            }
        }
        if (!standardPort) {
            return Optional.of("the public address " + text + " on port " + port + ", which is allowed only on "
                    + allowedNetworks.stream().filter(n -> n.listsPort(port)).map(AllowedNetwork::toString)
                    .collect(Collectors.joining(", ")));
        }
        return Optional.empty();
    }

    /** When an allow-list entry holds the address but not on this port, say so. */
    private String portNote(byte[] bytes, int port) {
        String entries = allowedNetworks.stream().filter(n -> n.cidr().contains(bytes))
                .map(AllowedNetwork::toString).collect(Collectors.joining(", "));
        return entries.isEmpty() ? "" : " (allowed networks " + entries + " do not allow port " + port + ")";
    }

    /** True when {@link #refusal} is empty. */
    public boolean allows(InetAddress address) {
        return refusal(address).isEmpty();
    }

    private static boolean isIpv4Mapped(byte[] b) {
        if (b.length != 16 || b[10] != (byte) 0xff || b[11] != (byte) 0xff) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] b, int offset) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, offset, offset + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }

    private static Block block(String cidr, String kind) {
        return new Block(Cidr.parse(cidr), kind);
    }

    private static String article(String word) {
        return "aeiouAEIOU".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String ipv6Text(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            if (i > 0) {
                s.append(':');
            }
            s.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff)));
        }
        return s.toString();
    }
}
