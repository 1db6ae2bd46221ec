package newsroom.extract.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Resolves link and image references against a base URL and keeps only schemes safe to put in Markdown: http, https
 * (and mailto for links). {@code javascript:}, {@code data:}, {@code vbscript:} and anything unparsable are refused.
 */
public final class UrlResolver {

    /** The ASCII characters {@link URI} takes as they are in a path, query or fragment: by code. */
    private static final boolean[] URI_PLAIN = uriPlain();

    private UrlResolver() {
    }

    private static boolean[] uriPlain() {
        boolean[] plain = new boolean[128];
        for (char c = 0; c < plain.length; c++) {
            plain[c] = isAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
        }
        return plain;
    }

    /** Absolute http(s) URL for {@code reference}, or empty when it is not one after resolution. */
    public static Optional<String> resolveHttp(@Nullable String base, String reference) {
        return new Base(base).http(reference);
    }

    /** Absolute http(s) or mailto URL for a link, or empty. Fragment-only links resolve against the base. */
    public static Optional<String> resolveLink(@Nullable String base, String reference) {
        return new Base(base).link(reference);
    }

    /** Resolves many references against one base URL, parsing the base once (when a relative one first needs it). */
    static Base against(@Nullable String base) {
        return new Base(base);
    }

    /** A base URL (may be null), parsed on first use; answers as {@link #resolveHttp} and {@link #resolveLink}. */
    static final class Base {
        private final @Nullable String text;
        private @Nullable URI parsed;
        private @Nullable IllegalArgumentException invalid;
        /** Whether {@link #origin} and {@link #plain} are known yet. */
        private boolean originKnown;
        private boolean plain;
        private @Nullable String origin;

        private Base(@Nullable String text) {
            this.text = text;
        }

        Optional<String> http(String reference) {
            return resolve(this, reference).filter(u -> u.startsWith("http://") || u.startsWith("https://"));
        }

        Optional<String> link(String reference) {
            return resolve(this, reference).filter(u -> u.startsWith("http://") || u.startsWith("https://")
                    || u.startsWith("mailto:"));
        }

        /** The scheme of a base that {@link #isPlainAbsoluteHttp} takes ({@code http} or {@code https}), else null. */
        @Nullable String plainScheme() {
            plainOrigin(); // reads the base once
            return !plain ? null : text.startsWith("https:") ? "https" : "http";
        }

        /**
         * {@code scheme://host} of a base that {@link #isPlainAbsoluteHttp} takes and that has no port (URI writes a
         * port back as a number: 080 would become 80), else null.
         */
        @Nullable String plainOrigin() {
            if (!originKnown) {
                originKnown = true;
                plain = text != null && isPlainAbsoluteHttp(text);
                if (plain) {
                    int hostStart = text.indexOf("//") + 2;
                    int end = hostStart;
                    while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
                        end++;
                    }
                    origin = text.indexOf(':', hostStart) >= 0 && text.indexOf(':', hostStart) < end ? null
                            : text.substring(0, end);
                }
            }
            return origin;
        }

        /** The parsed base; throws what {@link URI#create} throws for it, every time. */
        private URI uri() {
            if (parsed == null && invalid == null) {
                try {
                    parsed = URI.create(text);
                } catch (IllegalArgumentException e) {
                    invalid = e;
                }
            }
            if (invalid != null) {
                throw invalid;
            }
            return parsed;
        }
    }

    static Optional<String> resolve(Base base, String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String ref = reference.strip().replace(" ", "%20").replace("\n", "").replace("\t", "").replace("\r", "");
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        if (isPlainAbsoluteHttp(ref)) {
            return Optional.of(ref); // what parsing would give: URI keeps the text of an absolute reference as is
        }
        if (ref.startsWith("//") && base.plainScheme() != null) {
            String absolute = base.plainScheme() + ":" + ref; // what the general path parses
            if (isPlainAbsoluteHttp(absolute)) {
                return Optional.of(absolute);
            }
        }
        if (ref.charAt(0) == '/' && !ref.startsWith("//") && base.plainOrigin() != null
                && isPlainPathQueryFragment(ref, 0)) {
            // what URI.resolve gives for an absolute path: the base's scheme and authority, the path, query and
            // fragment as they are (no normalization of an absolute path)
            return Optional.of(base.plainOrigin() + ref);
        }
        return resolveByUri(base, ref);
    }

    /** {@link #resolve} for a cleaned, non-empty reference, by parsing it as a {@link URI}: the general path. */
    static Optional<String> resolveByUri(Base base, String ref) {
        try {
            URI uri = new URI(ref);
            if (!uri.isAbsolute()) {
                if (base.text == null) {
                    return Optional.empty();
                }
                if (ref.startsWith("//")) {
                    uri = new URI(base.uri().getScheme() + ":" + ref);
                } else {
                    uri = base.uri().resolve(uri);
                }
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("mailto")) {
                return Optional.empty();
            }
            if (!scheme.equals("mailto") && (uri.getHost() == null || uri.getHost().isEmpty())) {
                return Optional.empty();
            }
            String text = uri.toString();
            return Optional.of(scheme.equals(uri.getScheme())
                    ? text : scheme + text.substring(uri.getScheme().length()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code ref} is an absolute http(s) URL of the plainest form, for which {@link #resolveByUri} returns
     * {@code ref} itself: a lower-case {@code http://} or {@code https://}; a host name of ASCII letters, digits and
     * inner hyphens in dot-separated labels, the last starting with a letter (no user info, no IP literal, no
     * trailing dot); an optional port of one to five digits; then only characters {@link URI} takes in a path, query
     * or fragment (ASCII letters, digits, {@code -._~!$&'()*+,;=:@/?}, {@code %} with two hex digits, at most one
     * {@code #}). Anything else answers false and goes the general way, so this is a shortcut, never a second rule.
     */
    static boolean isPlainAbsoluteHttp(String ref) {
        int i;
        if (ref.startsWith("https://")) {
            i = 8;
        } else if (ref.startsWith("http://")) {
            i = 7;
        } else {
            return false;
        }
        int n = ref.length();
        int labelStart = i;
        int lastLabelStart = i;
        for (; i < n; i++) {
            char c = ref.charAt(i);
            if (c == '.') {
                if (i == labelStart || ref.charAt(i - 1) == '-') {
                    return false; // empty label, or one ending in a hyphen
                }
                labelStart = i + 1;
            } else if (c == '-') {
                if (i == labelStart) {
                    return false; // a label starting with a hyphen
                }
            } else if (!isAsciiLetterOrDigit(c)) {
                break;
            } else if (i == labelStart) {
                lastLabelStart = i;
            }
        }
        if (i == labelStart || ref.charAt(i - 1) == '-' || !isAsciiLetter(ref.charAt(lastLabelStart))) {
            return false; // no host, a trailing dot or hyphen, or a last label that does not start with a letter
        }
        if (i < n && ref.charAt(i) == ':') {
            int portStart = ++i;
            while (i < n && ref.charAt(i) >= '0' && ref.charAt(i) <= '9') {
                i++;
            }
            if (i == portStart || i - portStart > 5) {
                return false;
            }
        }
        if (i < n && ref.charAt(i) != '/' && ref.charAt(i) != '?' && ref.charAt(i) != '#') {
            return false; // the authority goes on with something else (user info, a bracket, ...)
        }
        return isPlainPathQueryFragment(ref, i);
    }

    /**
     * Whether {@code ref} from {@code i} on holds only characters {@link URI} takes as they are in a path, query or
     * fragment: ASCII letters, digits, {@code -._~!$&'()*+,;=:@/?}, {@code %} with two hex digits, at most one
     * {@code #}.
     */
    private static boolean isPlainPathQueryFragment(String ref, int i) {
        int n = ref.length();
        boolean inFragment = false;
        for (; i < n; i++) {
            char c = ref.charAt(i);
            if (c < URI_PLAIN.length && URI_PLAIN[c]) {
                continue;
            }
            if (c == '%') {
                if (i + 2 >= n || !isHexDigit(ref.charAt(i + 1)) || !isHexDigit(ref.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (c == '#' && !inFragment) {
                inFragment = true;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || (c | 0x20) >= 'a' && (c | 0x20) <= 'f';
    }
}
