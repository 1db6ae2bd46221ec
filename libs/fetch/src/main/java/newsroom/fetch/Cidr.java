package newsroom.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * An IPv4 or IPv6 address block such as {@code 10.0.0.0/8} or {@code fc00::/7}, compared bit by bit on the raw
 * address bytes (the JDK's {@code isSiteLocalAddress} and friends miss several special-purpose ranges).
 */
public record Cidr(byte[] network, int prefixLength, String text) {

    public Cidr {
        Objects.requireNonNull(network, "network");
        if (network.length != 4 && network.length != 16) {
            throw new IllegalArgumentException("network must be 4 or 16 bytes");
        }
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
        network = network.clone();
    }

    /**
     * Parses {@code address/prefix}; the address must be a numeric literal (never looked up).
     *
     * @throws IllegalArgumentException when the text is not a CIDR block
     */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a CIDR block (address/prefix): " + text);
        }
        String address = text.substring(0, slash);
        if (!address.matches("[0-9.]+|[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not a numeric address: " + text);
        }
        byte[] bytes;
        try {
            bytes = address.contains(":")
                    ? ipv6Bytes(address)
                    : InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a numeric address: " + text, e);
        }
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length: " + text, e);
        }
        return new Cidr(bytes, prefix, text);
    }

    /** IPv6 literal to 16 bytes; keeps IPv4-mapped forms as 16 bytes (the JDK would turn them into IPv4). */
    private static byte[] ipv6Bytes(String literal) throws UnknownHostException {
        InetAddress parsed = InetAddress.getByName("[" + literal + "]");
        byte[] b = parsed.getAddress();
        if (b.length == 16) {
            return b;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(b, 0, mapped, 12, 4);
        return mapped;
    }

    /** True when the address (same family) lies inside this block. */
    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (network[full] & mask);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefixLength == prefixLength && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return text;
    }
}
