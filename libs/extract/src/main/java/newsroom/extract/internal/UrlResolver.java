package newsroom.extract.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves link and image references against a base URL and keeps only schemes safe to put in Markdown: http, https
 * (and mailto for links). {@code javascript:}, {@code data:}, {@code vbscript:} and anything unparsable are refused.
 */
public final class UrlResolver {

    private UrlResolver() {
    }

    /** Absolute http(s) URL for {@code reference}, or empty when it is not one after resolution. */
    public static Optional<String> resolveHttp(String base, String reference) {
        return resolve(base, reference).filter(u -> u.startsWith("http://") || u.startsWith("https://"));
    }

    /** Absolute http(s) or mailto URL for a link, or empty. Fragment-only links resolve against the base. */
    public static Optional<String> resolveLink(String base, String reference) {
        return resolve(base, reference).filter(u -> u.startsWith("http://") || u.startsWith("https://")
                || u.startsWith("mailto:"));
    }

    private static Optional<String> resolve(String base, String reference) {
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
                if (base == null) {
                    return Optional.empty();
                }
                if (ref.startsWith("//")) {
                    uri = new URI(URI.create(base).getScheme() + ":" + ref);
                } else {
                    uri = URI.create(base).resolve(uri);
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
            return Optional.of(scheme.equals(uri.getScheme()) ? text : scheme + text.substring(uri.getScheme().length()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
