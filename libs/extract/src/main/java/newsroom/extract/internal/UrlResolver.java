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

    private UrlResolver() {
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

    private static Optional<String> resolve(Base base, String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String ref = reference.strip().replace(" ", "%20").replace("\n", "").replace("\t", "").replace("\r", "");
        if (ref.isEmpty()) {
            return Optional.empty();
        }
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
}
