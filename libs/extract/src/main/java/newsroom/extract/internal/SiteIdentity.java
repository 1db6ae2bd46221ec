package newsroom.extract.internal;

import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a page says its site is called, so a site name can be told apart from a headline or a person: the names the
 * page declares ({@code og:site_name}, {@code application-name}, {@code apple-mobile-web-app-title},
 * {@code twitter:site}, JSON-LD {@code WebSite}/{@code Organization}/{@code publisher} names) and the host name
 * (registrable label without {@code www.} and top-level domain: {@code www.rent-a-pastor.com} → {@code rentapastor}).
 * Names are compared by their letters and digits only, case- and accent-insensitively ({@code Mäscot} also as
 * {@code maescot}).
 */
final class SiteIdentity {

    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DOMAIN_NAME =
            Pattern.compile("(?i)(https?://)?(www\\.)?[\\p{L}\\p{N}.-]+\\.[a-z]{2,6}/?");
    private static final Pattern SCHEME = Pattern.compile("(?i)^https?://");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Host labels too generic or too short to stand for a site. */
    private static final Set<String> GENERIC_HOST_LABELS = Set.of("www", "web", "blog", "blogs", "news", "home",
            "shop", "info", "online", "de", "com", "org", "net", "co", "at", "ch", "pl", "uk", "archive", "m", "amp");
    private static final int MIN_HOST_LABEL = 4;
    /**
     * The keys of each character below U+0100 or in General Punctuation (U+2000 to U+206F: spaces, dashes, quotes)
     * on its own (plain, and with umlauts spelled out), indexed by {@link #tableIndex}: a text of such characters has
     * as keys the concatenations (none of them is a combining mark, so their decompositions never reorder or combine
     * across characters, and the marks they leave are dropped).
     */
    private static final int PUNCTUATION_FROM = 0x2000;
    private static final int PUNCTUATION_TO = 0x2070;
    private static final String[] TABLE_PLAIN = tableKeys(0);
    private static final String[] TABLE_SPELLED = tableKeys(1);

    /** Declared site names as letter keys (every spelling variant). */
    private final Set<String> nameKeys = new LinkedHashSet<>();
    /** Host labels as letter keys, e.g. {@code rentapastor}, {@code przepisy}. */
    private final Set<String> hostKeys = new LinkedHashSet<>();

    private SiteIdentity() {
    }

    /**
     * @param meta      the page's meta tags by lower-case key
     * @param jsonNames site and publisher names from JSON-LD
     * @param pageUrl   the page's URL, may be null
     */
    static SiteIdentity of(Map<String, List<String>> meta, List<String> jsonNames, @Nullable String pageUrl) {
        SiteIdentity site = new SiteIdentity();
        for (String key : List.of("og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site",
                "parsely-site", "publisher", "dc.publisher", "copyright")) {
            for (String value : meta.getOrDefault(key, List.of())) {
                site.addName(value.startsWith("@") ? value.substring(1) : value);
            }
        }
        jsonNames.forEach(site::addName);
        for (String host : hosts(pageUrl)) {
            site.addHost(host);
        }
        return site;
    }

    private void addName(String name) {
        // a declared name that is itself a domain ("lecker.de") also names the site by its label; a domain has a dot
        boolean domain = name.indexOf('.') >= 0 && DOMAIN_NAME.matcher(name.strip()).matches();
        for (String key : keys(name)) {
            if (key.length() >= 2) {
                nameKeys.add(key);
                if (domain) {
                    addHost(withoutTrailingSlash(SCHEME.matcher(name.strip()).replaceFirst("")));
                }
            }
        }
    }

    /**
     * {@code host.replaceFirst("/$", "")} for a host name as {@link #DOMAIN_NAME} matches it (no line terminator, so
     * {@code $} can only match at its end), without compiling the expression on each call.
     */
    private static String withoutTrailingSlash(String host) {
        return host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
    }

    private void addHost(String host) {
        // String.split of one escaped character: the expression's answer, without running it
        String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
        // the labels before the top-level domain that are not generic ("www", "blog"): sportowefakty.wp.pl → both
        for (int i = 0; i < labels.length - 1; i++) {
            String key = String.join("", keys(labels[i]).subList(0, 1));
            if (key.length() >= MIN_HOST_LABEL && !GENERIC_HOST_LABELS.contains(labels[i])) {
                hostKeys.add(key);
            }
        }
    }

    private static List<String> hosts(@Nullable String pageUrl) {
        List<String> hosts = new ArrayList<>();
        if (pageUrl == null) {
            return hosts;
        }
        try {
            String host = URI.create(pageUrl.strip()).getHost();
            if (host != null) {
                hosts.add(host);
            }
            // an archived page (web.archive.org/web/<time>/<url>) belongs to the archived site
            int inner = pageUrl.indexOf("/http", 8);
            if (inner > 0) {
                String innerHost = URI.create(pageUrl.substring(inner + 1)).getHost();
                if (innerHost != null) {
                    hosts.add(innerHost);
                }
            }
        } catch (IllegalArgumentException malformed) {
            // no host to compare with
        }
        return hosts;
    }

    /** Letter-and-digit keys of a text: accents dropped, and German umlauts also spelled out (ä → ae). */
    static List<String> keys(String text) {
        if (isAscii(text)) {
            // an ASCII text lower-cases to ASCII: its key is its letters and digits, A-Z lowered, without a copy of it
            StringBuilder key = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    key.append(c);
                } else if (c >= 'A' && c <= 'Z') {
                    key.append((char) (c + ('a' - 'A')));
                }
            }
            return List.of(key.toString());
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (isAscii(lower)) {
            StringBuilder key = new StringBuilder(lower.length());
            for (int i = 0; i < lower.length(); i++) {
                char c = lower.charAt(i);
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    key.append(c);
                }
            }
            return List.of(key.toString());
        }
        if (isInTable(lower)) {
            // what the normalizer gives, one character at a time: each such character decomposes on its own
            StringBuilder plain = new StringBuilder(lower.length());
            StringBuilder spelled = new StringBuilder(lower.length());
            for (int i = 0; i < lower.length(); i++) {
                int index = tableIndex(lower.charAt(i));
                plain.append(TABLE_PLAIN[index]);
                spelled.append(TABLE_SPELLED[index]);
            }
            String plainKey = plain.toString();
            String spelledKey = spelled.toString();
            return plainKey.equals(spelledKey) ? List.of(plainKey) : List.of(plainKey, spelledKey);
        }
        return keysOfLowerCase(lower);
    }

    /** {@link #keys} of a lower-case text, by Unicode decomposition: any text. */
    static List<String> keysOfLowerCase(String lower) {
        String plain = NOT_ALNUM.matcher(MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFKD))
                .replaceAll("")).replaceAll("");
        String spelled = NOT_ALNUM.matcher(MARKS.matcher(Normalizer.normalize(lower.replace("ä", "ae")
                .replace("ö", "oe").replace("ü", "ue").replace("ß", "ss"), Normalizer.Form.NFKD))
                .replaceAll("")).replaceAll("");
        return plain.equals(spelled) ? List.of(plain) : List.of(plain, spelled);
    }

    private static String[] tableKeys(int which) {
        String[] keys = new String[256 + PUNCTUATION_TO - PUNCTUATION_FROM];
        for (int c = 0; c < PUNCTUATION_TO; c = c == 255 ? PUNCTUATION_FROM : c + 1) {
            List<String> both = keysOfLowerCase(String.valueOf((char) c));
            keys[tableIndex((char) c)] = both.get(Math.min(which, both.size() - 1));
        }
        return keys;
    }

    /** A character's place in the key tables: Latin-1 first, then General Punctuation. */
    private static int tableIndex(char c) {
        return c < 256 ? c : c - PUNCTUATION_FROM + 256;
    }

    private static boolean isInTable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 256 && (c < PUNCTUATION_FROM || c >= PUNCTUATION_TO)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a text (a title segment, a heading, an author value) names this site: it equals a declared name, or
     * it is short and holds the host label or a declared name, or a declared name holds it whole.
     */
    boolean names(String text) {
        return names(text, keys(text));
    }

    /** {@link #names(String)} of a text whose {@link #keys} were worked out already. */
    boolean names(String text, List<String> keys) {
        for (String key : keys) {
            if (key.isEmpty()) {
                return false;
            }
            for (String name : nameKeys) {
                if (key.equals(name) || name.length() >= 4 && key.length() >= 4
                        && (key.contains(name) && key.length() <= name.length() * 2 + 8 || name.contains(key))) {
                    return true;
                }
            }
            for (String host : hostKeys) {
                if (key.equals(host) || key.contains(host) && wordCount(text) <= 5) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a text is exactly a declared site name or the host label (a logo heading, a site posing as author). */
    boolean isExactly(String text) {
        for (String key : keys(text)) {
            if (nameKeys.contains(key) || hostKeys.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a text is exactly one of the site's declared names ({@code og:site_name}, publisher …). */
    boolean isDeclaredName(String text) {
        for (String key : keys(text)) {
            if (nameKeys.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a text holds the site's host label ("MesOpinions.com", "Zobacz na przepisy.pl"). */
    boolean holdsHost(String text) {
        for (String key : keys(text)) {
            for (String host : hostKeys) {
                if (key.contains(host)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the site declared any name or has a usable host label. */
    boolean known() {
        return !nameKeys.isEmpty() || !hostKeys.isEmpty();
    }

    private static int wordCount(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : WHITESPACE.split(stripped).length;
    }
}
