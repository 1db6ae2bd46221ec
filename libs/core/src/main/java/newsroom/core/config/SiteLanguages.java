package newsroom.core.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import newsroom.core.text.LanguageTags;

/**
 * Maps an article's language tag onto the languages a site publishes in, so that one Hugo site gets one tree per
 * language: with the site's list {@code [en, fr]}, {@code en-US} and {@code en-GB} become {@code en}; with no list,
 * every tag becomes its primary language subtag ({@code ru-RU} gives {@code ru}).
 *
 * <p>Rules, in order, for a canonical tag (see {@link LanguageTags}): the listed tag equal to it (ignoring case);
 * else the listed tag equal to it with subtags dropped from the end ({@code zh-Hant-TW}, then {@code zh-Hant},
 * then {@code zh}); else the first listed tag with the same primary language ({@code pt} or {@code pt-PT} go to
 * a listed {@code pt-BR}); else the primary subtag, which is not one of the site's languages (the caller may warn).
 * Immutable and thread-safe.
 */
public final class SiteLanguages {

    private static final SiteLanguages PRIMARY_SUBTAG = new SiteLanguages(List.of());

    private final List<String> listed;

    private SiteLanguages(List<String> listed) {
        this.listed = List.copyOf(listed);
    }

    /** @param listed the site's languages as canonical tags, in the site's order; empty: primary subtags */
    public static SiteLanguages of(List<String> listed) {
        return listed.isEmpty() ? PRIMARY_SUBTAG : new SiteLanguages(listed);
    }

    /** The site's languages; empty when the site lists none (then every language maps to its primary subtag). */
    public List<String> listed() {
        return listed;
    }

    /** The language folder an article in {@code tag} (a canonical BCP 47 tag) belongs to. */
    public String map(String tag) {
        return find(tag).orElseGet(() -> primary(tag));
    }

    /** True when {@code tag} maps onto one of the listed languages, or when the site lists none. */
    public boolean covers(String tag) {
        return listed.isEmpty() || find(tag).isPresent();
    }

    private Optional<String> find(String tag) {
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        for (String prefix = tag; !prefix.isEmpty(); prefix = dropLastSubtag(prefix)) {
            for (String site : listed) {
                if (site.equalsIgnoreCase(prefix)) {
                    return Optional.of(site);
                }
            }
        }
        String primary = primary(tag);
        return listed.stream().filter(site -> primary(site).equals(primary)).findFirst();
    }

    private static String dropLastSubtag(String tag) {
        int dash = tag.lastIndexOf('-');
        return dash < 0 ? "" : tag.substring(0, dash);
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
