package newsroom.core.url;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import newsroom.core.model.ArticleRejectedException;
import newsroom.core.model.Rejection;

/**
 * URL identity of an article: the canonical URL from which {@link newsroom.core.model.ArticleId#ofUrl} derives the
 * id. Pure string logic, no network and no dependencies.
 *
 * <p>{@link #normalize}: scheme and host lower-cased, IDN host to punycode, trailing dot, user info, default port
 * and fragment dropped, dot segments removed, empty path made "/", percent-encoding normalized (unreserved
 * characters decoded, other escapes upper-cased, illegal characters encoded as UTF-8), tracking parameters removed
 * ({@link #TRACKING_PARAMETERS}, any name starting with one of {@link #TRACKING_PREFIXES}), the other parameters
 * kept in their order.
 *
 * <p>{@link #canonicalize}: the normalized fetched URL, replaced by the page's declared canonical
 * ({@code <link rel=canonical>} / {@code og:url}, as the extractor found it) only when that points to the same site
 * (same registrable domain: {@code www.x.com} and {@code x.com} match, {@code x.com} and {@code y.com} do not). When
 * no usable canonical is declared, AMP URLs are mapped to their likely canonical: the {@code amp.} host prefix,
 * an {@code /amp/} or trailing {@code /amp} segment, a {@code .amp} suffix, the {@code amp} and
 * {@code outputType=amp} parameters are removed, and Google AMP cache URLs are turned back into the publisher URL.
 */
public final class CanonicalUrls {

    /** Query parameter names removed as tracking (compared case-insensitively). */
    public static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
            "li_fat_id", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp",
            "hsctatracking", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "rb_clickid", "s_cid",
            "ncid", "sr_share", "ref_src", "ref_url", "cmpid", "ito", "spm", "scid", "_openstat", "wickedid",
            "at_medium", "at_campaign", "ocid", "trk", "trkcampaign");

    /** Query parameter name prefixes removed as tracking (compared case-insensitively). */
    public static final List<String> TRACKING_PREFIXES = List.of("utm_", "pk_", "mtm_", "piwik_", "matomo_");

    /**
     * Second-level labels under which country-code registries sell names ({@code co.uk}, {@code com.au}): with a
     * two-letter top-level domain they make the registrable domain three labels long.
     */
    private static final Set<String> PUBLIC_SECOND_LEVEL = Set.of("co", "com", "net", "org", "gov", "edu", "ac",
            "or", "ne", "go", "gob", "mil", "nic", "ltd", "plc", "sch", "nhs", "asn", "id", "info", "biz", "nom");

    /** Hosting suffixes whose subdomains belong to different owners (a small part of the Public Suffix List). */
    private static final Set<String> SHARED_HOSTING_SUFFIXES = Set.of("github.io", "gitlab.io", "blogspot.com",
            "wordpress.com", "substack.com", "medium.com", "tumblr.com", "herokuapp.com", "netlify.app", "pages.dev",
            "vercel.app", "appspot.com", "cloudfront.net", "azurewebsites.net", "s3.amazonaws.com", "web.app",
            "firebaseapp.com", "ghost.io", "wixsite.com", "squarespace.com", "typepad.com", "livejournal.com");

    private static final Pattern URL = Pattern.compile(
            "^([a-zA-Z][a-zA-Z0-9+.-]*)://([^/?#]*)([^?#]*)(?:\\?([^#]*))?(?:#.*)?$", Pattern.DOTALL);
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static final String ALLOWED_IN_PATH = UNRESERVED + "!$&'()*+,;=:@/%";
    private static final String ALLOWED_IN_QUERY = ALLOWED_IN_PATH + "?";

    private CanonicalUrls() {
    }

    /** The parts of a normalized URL. */
    private record Parts(String scheme, String host, int port, String path, List<String> query) {
        String text() {
            StringBuilder s = new StringBuilder(scheme).append("://");
            s.append(host.contains(":") ? "[" + host + "]" : host);
            if (port != -1) {
                s.append(':').append(port);
            }
            s.append(path);
            if (!query.isEmpty()) {
                s.append('?').append(String.join("&", query));
            }
            return s.toString();
        }
    }

    /**
     * @throws ArticleRejectedException INVALID_URL when the text is not an absolute http(s) URL with a host
     */
    public static String normalize(String url) {
        return parse(url).text();
    }

    /**
     * The identity URL of a page.
     *
     * @param fetchedUrl        the URL the page was fetched from (after redirects)
     * @param declaredCanonical the page's {@code <link rel=canonical>} or {@code og:url}, absolute, or null; ignored
     *                          when invalid or on another site
     * @throws ArticleRejectedException INVALID_URL when {@code fetchedUrl} is not an absolute http(s) URL
     */
    public static String canonicalize(String fetchedUrl, @Nullable String declaredCanonical) {
        Parts fetched = parse(fetchedUrl);
        if (declaredCanonical != null && !declaredCanonical.isBlank()) {
            try {
                Parts declared = parse(declaredCanonical.trim());
                Parts origin = fromAmpCache(fetched);
                if (sameSite(origin.host(), declared.host())) {
                    return declared.text();
                }
            } catch (ArticleRejectedException invalidCanonical) {
                // a broken canonical declaration is the page's problem: fall back to the fetched URL
            }
        }
        return withoutAmp(fromAmpCache(fetched)).text();
    }

    /** True when both hosts have the same registrable domain ({@link #registrableDomain}). */
    public static boolean sameSite(String hostA, String hostB) {
        return registrableDomain(hostA).equals(registrableDomain(hostB));
    }

    /**
     * The registrable domain of a host ({@code news.bbc.co.uk} gives {@code bbc.co.uk}), by an approximation of the
     * Public Suffix List: two labels, three under a public second level of a country code ({@code co.uk}), one more
     * under a shared hosting suffix ({@code github.io}). IP addresses are their own domain.
     */
    public static String registrableDomain(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.contains(":") || h.matches("[0-9.]+")) {
            return h;
        }
        String[] labels = h.split("\\.");
        int n = labels.length;
        if (n <= 2) {
            return h;
        }
        int keep = 2;
        if (labels[n - 1].length() == 2 && PUBLIC_SECOND_LEVEL.contains(labels[n - 2])) {
            keep = 3;
        }
        String suffix2 = labels[n - 2] + "." + labels[n - 1];
        String suffix3 = n >= 3 ? labels[n - 3] + "." + suffix2 : "";
        if (SHARED_HOSTING_SUFFIXES.contains(suffix2)) {
            keep = 3;
        } else if (SHARED_HOSTING_SUFFIXES.contains(suffix3)) {
            keep = 4;
        }
        keep = Math.min(keep, n);
        return String.join(".", Arrays.copyOfRange(labels, n - keep, n));
    }

    /** True when the URL looks like an AMP page by the rules {@link #canonicalize} maps. */
    public static boolean isAmp(String url) {
        Parts p = parse(url);
        return !withoutAmp(fromAmpCache(p)).equals(p);
    }

    private static Parts withoutAmp(Parts p) {
        String host = p.host().startsWith("amp.") && p.host().split("\\.").length > 2 ? p.host().substring(4)
                : p.host();
        String path = p.path().replaceAll("/amp(?=/)", "");
        if (path.endsWith("/amp")) {
            path = path.substring(0, path.length() - 4);
        }
        path = path.replaceAll("\\.amp(?=\\.html?$|$)", "");
        if (path.isEmpty()) {
            path = "/";
        }
        List<String> query = new ArrayList<>();
        for (String param : p.query()) {
            String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
            String value = param.contains("=") ? param.substring(param.indexOf('=') + 1) : "";
            boolean ampFlag = name.equalsIgnoreCase("amp") && value.matches("(?i)|1|true");
            boolean outputType = name.equalsIgnoreCase("outputType") && value.equalsIgnoreCase("amp");
            if (!ampFlag && !outputType) {
                query.add(param);
            }
        }
        return new Parts(p.scheme(), host, p.port(), path, query);
    }

    /** {@code https://www-x-com.cdn.ampproject.org/c/s/www.x.com/a} is {@code https://www.x.com/a}. */
    private static Parts fromAmpCache(Parts p) {
        if (!p.host().endsWith(".cdn.ampproject.org")) {
            return p;
        }
        Matcher m = Pattern.compile("^/[a-z]/(s/)?([^/]+)(/.*)?$").matcher(p.path());
        if (!m.matches()) {
            return p;
        }
        String rebuilt = (m.group(1) != null ? "https://" : "http://") + m.group(2)
                + (m.group(3) == null ? "/" : m.group(3))
                + (p.query().isEmpty() ? "" : "?" + String.join("&", p.query()));
        try {
            return parse(rebuilt);
        } catch (ArticleRejectedException e) {
            return p;
        }
    }

    private static Parts parse(String url) {
        if (url == null) {
            throw invalid("no URL");
        }
        Matcher m = URL.matcher(url.trim());
        if (!m.matches()) {
            throw invalid("not an absolute URL: " + shorten(url));
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("not an http(s) URL: " + shorten(url));
        }
        String authority = m.group(2);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw invalid("unterminated IPv6 address: " + shorten(url));
            }
            host = authority.substring(1, close).toLowerCase(Locale.ROOT);
            if (authority.length() > close + 1 && authority.charAt(close + 1) == ':') {
                portText = authority.substring(close + 2);
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
            host = asciiHost(host, url);
        }
        if (host.isEmpty()) {
            throw invalid("URL has no host: " + shorten(url));
        }
        int port = -1;
        if (portText != null && !portText.isEmpty()) {
            if (!portText.matches("[0-9]{1,5}") || Integer.parseInt(portText) > 65535) {
                throw invalid("bad port in URL: " + shorten(url));
            }
            port = Integer.parseInt(portText);
            if (port == (scheme.equals("https") ? 443 : 80)) {
                port = -1;
            }
        }
        String path = removeDotSegments(encode(m.group(3), ALLOWED_IN_PATH));
        if (path.isEmpty()) {
            path = "/";
        }
        List<String> query = new ArrayList<>();
        if (m.group(4) != null) {
            for (String param : m.group(4).split("&")) {
                if (!param.isEmpty() && !isTracking(param)) {
                    query.add(encode(param, ALLOWED_IN_QUERY));
                }
            }
        }
        return new Parts(scheme, host, port, path, query);
    }

    private static boolean isTracking(String param) {
        int eq = param.indexOf('=');
        String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
        if (TRACKING_PARAMETERS.contains(name)) {
            return true;
        }
        for (String prefix : TRACKING_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String asciiHost(String host, String url) {
        String h = host;
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        try {
            h = IDN.toASCII(h).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid("bad host name in URL: " + shorten(url));
        }
        if (!h.matches("[a-z0-9_.-]*")) {
            throw invalid("bad host name in URL: " + shorten(url));
        }
        return h;
    }

    /**
     * Percent-encoding normalized: escapes of unreserved characters decoded, other escapes upper-cased, a stray
     * '%' encoded as %25, and characters outside {@code allowed} encoded as UTF-8.
     */
    private static String encode(String text, String allowed) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                    int value = Integer.parseInt(text.substring(i + 1, i + 3), 16);
                    if (value < 128 && UNRESERVED.indexOf((char) value) >= 0) {
                        out.append((char) value);
                    } else {
                        out.append('%').append(text.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                    }
                    i += 3;
                } else {
                    out.append("%25");
                    i++;
                }
            } else if (c < 128 && allowed.indexOf(c) >= 0) {
                out.append(c);
                i++;
            } else {
                int codePoint = text.codePointAt(i);
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
                i += Character.charCount(codePoint);
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** RFC 3986 section 5.2.4 on an absolute path. */
    private static String removeDotSegments(String path) {
        if (path.isEmpty()) {
            return path;
        }
        Deque<String> out = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if (s.equals(".")) {
                if (last) {
                    out.addLast("");
                }
            } else if (s.equals("..")) {
                out.pollLast();
                if (last) {
                    out.addLast("");
                }
            } else {
                out.addLast(s);
            }
        }
        return "/" + String.join("/", out);
    }

    private static ArticleRejectedException invalid(String detail) {
        return new ArticleRejectedException(Rejection.Code.INVALID_URL, detail);
    }

    private static String shorten(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "…";
    }
}
