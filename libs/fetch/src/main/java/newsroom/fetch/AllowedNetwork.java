package newsroom.fetch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the private-network allow-list ({@code NEWSROOM_FETCH_ALLOWED_NETWORKS}, site config key
 * {@code fetchAllowedNetworks}): a CIDR block the SSRF guard lets through although it is special-purpose (a staging
 * CMS on 10.0.0.0/8, an intranet, a loopback test server), and optionally the only ports allowed on it.
 *
 * <p>Text form: {@code CIDR}, {@code CIDR:PORT} or {@code CIDR:FIRST-LAST}, e.g. {@code 10.20.0.0/16},
 * {@code 127.0.0.1/32:8080}, {@code fd12:3456::/48:8000-8099}. The prefix length is required, so an IPv6 block
 * and its port cannot be confused. Without ports, the network is reachable on the fetcher's allowed ports (80 and
 * 443 by default). The cloud metadata endpoints and the Lambda Runtime API stay refused whatever the list says
 * ({@link AddressPolicy}).
 *
 * @param firstPort 0 when no port is given (then the fetcher's allowed ports apply)
 * @param lastPort  equal to {@code firstPort} for a single port
 */
public record AllowedNetwork(Cidr cidr, int firstPort, int lastPort) {

    public AllowedNetwork {
        Objects.requireNonNull(cidr, "cidr");
        if (firstPort == 0 ? lastPort != 0 : firstPort < 1 || lastPort < firstPort || lastPort > 65535) {
            throw new IllegalArgumentException("bad port range " + firstPort + "-" + lastPort);
        }
    }

    /**
     * Parses one entry.
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static AllowedNetwork parse(String text) {
        String entry = text.trim();
        int slash = entry.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + entry + "' is not a CIDR block: write address/prefix, e.g. "
                    + "10.0.0.0/8 or 127.0.0.1/32:8080");
        }
        String prefixAndPorts = entry.substring(slash + 1);
        int colon = prefixAndPorts.indexOf(':');
        String cidrText = colon < 0 ? entry : entry.substring(0, slash + 1 + colon);
        Cidr cidr;
        try {
            if (!cidrText.substring(slash + 1).matches("[0-9]{1,3}")) {
                throw new IllegalArgumentException("bad prefix length");
            }
            cidr = Cidr.parse(cidrText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + entry + "' is not a CIDR block (" + e.getMessage() + ")");
        }
        if (colon < 0) {
            return new AllowedNetwork(cidr, 0, 0);
        }
        String ports = prefixAndPorts.substring(colon + 1);
        if (!ports.matches("[0-9]{1,5}(-[0-9]{1,5})?")) {
            throw new IllegalArgumentException("'" + entry + "': '" + ports + "' is not a port or a port range "
                    + "such as 8080 or 8000-8099");
        }
        int dash = ports.indexOf('-');
        int first = Integer.parseInt(dash < 0 ? ports : ports.substring(0, dash));
        int last = dash < 0 ? first : Integer.parseInt(ports.substring(dash + 1));
        if (first < 1 || last > 65535 || last < first) {
            throw new IllegalArgumentException("'" + entry + "': ports must be 1..65535, first <= last");
        }
        return new AllowedNetwork(cidr, first, last);
    }

    /**
     * Parses a list of entries (each element may itself hold comma-separated entries); blank elements are skipped.
     *
     * @throws IllegalArgumentException naming the first bad entry
     */
    public static List<AllowedNetwork> parseAll(Collection<String> texts) {
        List<AllowedNetwork> out = new ArrayList<>();
        for (String text : texts) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    out.add(parse(part));
                }
            }
        }
        return List.copyOf(out);
    }

    /** True when the entry names ports of its own (then only those are allowed on it). */
    public boolean hasPorts() {
        return firstPort != 0;
    }

    /** True when this port is listed by the entry. */
    public boolean listsPort(int port) {
        return hasPorts() && port >= firstPort && port <= lastPort;
    }

    /**
     * True when a connection to this address and port is allowed by the entry.
     *
     * @param standardPort whether the port is one of the fetcher's allowed ports (used when the entry has none)
     */
    public boolean allows(byte[] address, int port, boolean standardPort) {
        return cidr.contains(address) && (hasPorts() ? listsPort(port) : standardPort);
    }

    @Override
    public String toString() {
        return cidr.text() + (!hasPorts() ? "" : ":" + firstPort + (lastPort == firstPort ? "" : "-" + lastPort));
    }
}
