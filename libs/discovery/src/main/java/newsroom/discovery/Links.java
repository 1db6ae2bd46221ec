package newsroom.discovery;

import java.net.URI;
import java.net.URISyntaxException;

/** Resolving links found in documents to absolute http(s) URLs, dropping everything else. */
final class Links {

    private Links() {
    }

    /** The link resolved against the base, or null when it is malformed or not http(s). */
    static String absoluteHttpUrl(URI base, String link) {
        if (link == null || link.isBlank() || link.length() > 4096) {
            return null;
        }
        try {
            URI resolved = base.resolve(new URI(link.trim().replace(" ", "%20")));
            String scheme = resolved.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || resolved.getHost() == null && resolved.getRawAuthority() == null) {
                return null;
            }
            return resolved.toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
