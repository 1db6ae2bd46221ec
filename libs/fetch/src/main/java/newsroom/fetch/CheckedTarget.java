package newsroom.fetch;

import java.net.InetAddress;
import java.net.URI;

/**
 * A URL that passed the {@link UrlGuard}: normalized, resolved once, and bound to the one address that was checked.
 * The fetcher connects to {@link #address} and uses {@link #host} only for the Host header, SNI and TLS host name
 * verification.
 *
 * @param uri           normalized URL: lower-case scheme and punycode host, numeric IPv4 as dotted quad, default
 *                      port and fragment dropped
 * @param https         whether TLS is used
 * @param host          ASCII host as written in the Host header (IPv6 literals without brackets)
 * @param port          TCP port
 * @param address       the checked address to connect to
 * @param requestTarget raw path and query sent on the request line (never empty)
 */
public record CheckedTarget(URI uri, boolean https, String host, int port, InetAddress address, String requestTarget) {

    /** Host header value: host, bracketed when IPv6, with the port when it is not the scheme's default. */
    public String hostHeader() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return port == (https ? 443 : 80) ? h : h + ":" + port;
    }

    /** Key for per-host politeness and robots.txt: scheme, host and port. */
    public String origin() {
        return (https ? "https://" : "http://") + hostHeader();
    }

    /** True when the host was written as an IP literal (then there is no SNI name). */
    public boolean hostIsIpLiteral() {
        return host.contains(":") || host.matches("[0-9.]+");
    }
}
