package newsroom.fetch;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.FetchException;

/**
 * The SSRF guard: checks a URL before any connection and binds it to one checked address. In order: http/https
 * only; no user info; host percent-decoded, IDN to punycode, lower-cased, trailing dot dropped; numeric IPv4 forms
 * (decimal {@code 2130706433}, octal {@code 0177.0.0.1}, hex {@code 0x7f.1}, short {@code 127.1}) turned into
 * dotted quads; IPv6 zone ids refused; port among the allowed ones; then the host is resolved exactly once and
 * refused if ANY address is not allowed by the {@link AddressPolicy}.
 */
public final class UrlGuard {

    private final HostResolver resolver;
    private final AddressPolicy policy;
    private final Set<Integer> allowedPorts;

    public UrlGuard(HostResolver resolver, AddressPolicy policy, Set<Integer> allowedPorts) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.allowedPorts = Set.copyOf(allowedPorts);
    }

    /**
     * @throws FetchException URL_NOT_ALLOWED with the reason, UNKNOWN_HOST when the name does not exist, or
     *                        DNS_UNAVAILABLE (retryable) when the resolver failed for now
     */
    public CheckedTarget check(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused("scheme '" + (scheme.isEmpty() ? "(none)" : scheme)
                    + "' is not allowed, only http and https");
        }
        if (uri.isOpaque()) {
            throw refused("not a hierarchical http(s) URL");
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw refused("URL has no host");
        }
        if (authority.contains("@") || uri.getRawUserInfo() != null) {
            throw refused("URLs with user info are not allowed");
        }
        boolean https = scheme.equals("https");
        String rawHost;
        String rawPort = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw refused("unterminated IPv6 literal");
            }
            rawHost = authority.substring(0, close + 1);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw refused("unexpected text after IPv6 literal");
                }
                rawPort = rest.substring(1);
            }
        } else {
            int colon = authority.lastIndexOf(':');
            rawHost = colon < 0 ? authority : authority.substring(0, colon);
            rawPort = colon < 0 ? null : authority.substring(colon + 1);
        }
        int port = port(rawPort, https);
        boolean standardPort = allowedPorts.contains(port);
        if (!standardPort && !policy.listsPort(port)) {
            throw refused("port " + port + " is not allowed (allowed: "
                    + allowedPorts.stream().sorted().toList() + ")");
        }
        InetAddress literal;
        String host;
        if (rawHost.startsWith("[")) {
            literal = ipv6Literal(rawHost.substring(1, rawHost.length() - 1));
            host = literal.getHostAddress().toLowerCase(Locale.ROOT);
        } else {
            host = normalizeHostName(rawHost);
            literal = ipv4Literal(host).orElse(null);
            if (literal != null) {
                host = literal.getHostAddress();
            }
        }
        String requestTarget = requestTarget(uri);
        URI normalized;
        try {
            String hostPart = host.contains(":") ? "[" + host + "]" : host;
            String portPart = port == (https ? 443 : 80) ? "" : ":" + port;
            normalized = new URI(scheme + "://" + hostPart + portPart + requestTarget);
        } catch (URISyntaxException e) {
            throw refused("URL cannot be normalized: " + e.getReason());
        }
        InetAddress address = literal != null ? checkOne(literal, host, port, standardPort)
                : resolveAndCheck(host, port, standardPort);
        return new CheckedTarget(normalized, https, host, port, address, requestTarget);
    }

    private InetAddress checkOne(InetAddress address, String host, int port, boolean standardPort)
            throws FetchException {
        Optional<String> refusal = policy.refusal(address, port, standardPort);
        if (refusal.isPresent()) {
            throw refused(host + " is " + refusal.get());
        }
        return address;
    }

    private InetAddress resolveAndCheck(String host, int port, boolean standardPort) throws FetchException {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (HostResolver.TemporaryFailure e) {
            throw FetchFailure.DNS_UNAVAILABLE.exception(host + ": the resolver failed (" + e.getMessage() + ")");
        } catch (UnknownHostException e) {
            throw FetchFailure.UNKNOWN_HOST.exception(host + " does not resolve");
        }
        if (addresses == null || addresses.isEmpty()) {
            throw FetchFailure.UNKNOWN_HOST.exception(host + " has no addresses");
        }
        for (InetAddress a : addresses) {
            Optional<String> refusal = policy.refusal(a, port, standardPort);
            if (refusal.isPresent()) {
                throw refused(host + " resolves to " + refusal.get());
            }
        }
        // Connect by address only (no name), so nothing can look the name up again.
        try {
            return InetAddress.getByAddress(addresses.get(0).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a resolved address always has 4 or 16 bytes", e);
        }
    }

    private static int port(String rawPort, boolean https) throws FetchException {
        if (rawPort == null || rawPort.isEmpty()) {
            return https ? 443 : 80;
        }
        if (!rawPort.matches("[0-9]{1,5}")) {
            throw refused("port '" + rawPort + "' is not a number");
        }
        int port = Integer.parseInt(rawPort);
        if (port < 1 || port > 65535) {
            throw refused("port " + port + " is out of range");
        }
        return port;
    }

    private static String normalizeHostName(String rawHost) throws FetchException {
        String decoded = percentDecode(rawHost);
        if (decoded.isEmpty()) {
            throw refused("URL has no host");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(decoded).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw refused("host '" + rawHost + "' is not a valid internationalized domain name");
        }
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (ascii.isEmpty() || ascii.length() > 253 || !ascii.matches("[a-z0-9_-]+(\\.[a-z0-9_-]+)*")) {
            throw refused("host '" + rawHost + "' is not a valid host name");
        }
        for (String label : ascii.split("\\.")) {
            if (label.length() > 63) {
                throw refused("host '" + rawHost + "' has a label longer than 63 characters");
            }
        }
        return ascii;
    }

    /**
     * Parses the IPv4 forms browsers and {@code inet_aton} accept: 1 to 4 parts, each decimal, octal (leading 0)
     * or hex (0x); the last part fills the remaining bytes. A host whose last label is numeric but which is not a
     * valid IPv4 address is refused (it cannot be a domain name).
     */
    static Optional<InetAddress> ipv4Literal(String host) throws FetchException {
        String[] parts = host.split("\\.", -1);
        String last = parts[parts.length - 1];
        if (!isNumericPart(last)) {
            return Optional.empty();
        }
        if (parts.length > 4) {
            throw refused("host '" + host + "' ends in a number but is not an IPv4 address");
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!isNumericPart(parts[i])) {
                throw refused("host '" + host + "' ends in a number but is not an IPv4 address");
            }
            values[i] = parsePart(parts[i], host);
        }
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                throw refused("host '" + host + "' is not a valid IPv4 address");
            }
        }
        long lastLimit = 1L << (8 * (5 - values.length));
        if (values[values.length - 1] >= lastLimit) {
            throw refused("host '" + host + "' is not a valid IPv4 address");
        }
        long ip = values[values.length - 1];
        for (int i = 0; i < values.length - 1; i++) {
            ip |= values[i] << (8 * (3 - i));
        }
        byte[] bytes = {(byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip};
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }

    private static boolean isNumericPart(String part) {
        return part.matches("0[xX][0-9a-fA-F]*|[0-9]+");
    }

    private static long parsePart(String part, String host) throws FetchException {
        String digits;
        int radix;
        if (part.startsWith("0x") || part.startsWith("0X")) {
            digits = part.substring(2);
            radix = 16;
        } else if (part.length() > 1 && part.startsWith("0")) {
            digits = part.substring(1);
            radix = 8;
        } else {
            digits = part;
            radix = 10;
        }
        if (digits.isEmpty()) {
            return 0;
        }
        digits = digits.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 12) {
            throw refused("host '" + host + "' is not a valid IPv4 address");
        }
        try {
            return Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            throw refused("host '" + host + "' is not a valid IPv4 address (bad digit for base " + radix + ")");
        }
    }

    private static InetAddress ipv6Literal(String inside) throws FetchException {
        if (inside.contains("%")) {
            throw refused("IPv6 zone ids are not allowed");
        }
        if (inside.isEmpty() || !inside.matches("[0-9a-fA-F:.]+")) {
            throw refused("'[" + inside + "]' is not an IPv6 address");
        }
        try {
            // A bracketed literal is parsed, never looked up.
            return InetAddress.getByName("[" + inside + "]");
        } catch (UnknownHostException e) {
            throw refused("'[" + inside + "]' is not an IPv6 address");
        }
    }

    private static String requestTarget(URI uri) throws FetchException {
        String ascii = uri.toASCIIString();
        URI asciiUri = URI.create(ascii);
        String path = asciiUri.getRawPath();
        String query = asciiUri.getRawQuery();
        String target = (path == null || path.isEmpty() ? "/" : path) + (query == null ? "" : "?" + query);
        if (!target.startsWith("/")) {
            throw refused("URL path must be absolute");
        }
        return target;
    }

    private static String percentDecode(String s) throws FetchException {
        if (!s.contains("%")) {
            return s;
        }
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] != '%') {
                out.write(in[i]);
                continue;
            }
            if (i + 2 >= in.length) {
                throw refused("bad percent-encoding in host");
            }
            int hi = Character.digit(in[i + 1], 16);
            int lo = Character.digit(in[i + 2], 16);
            if (hi < 0 || lo < 0) {
                throw refused("bad percent-encoding in host");
            }
            out.write(hi * 16 + lo);
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static FetchException refused(String detail) {
        return FetchFailure.URL_NOT_ALLOWED.exception(detail);
    }
}
