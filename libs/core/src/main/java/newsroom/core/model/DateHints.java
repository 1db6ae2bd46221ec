package newsroom.core.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What is known about an article's date from outside its page, for when the page states none (the fallback order is
 * in {@code docs/front-matter.md}, "When the page states no date"). Every part may be null.
 *
 * @param listed       the date the feed entry or the news sitemap gave for the URL
 * @param listedIn     where {@code listed} comes from; non-null exactly when {@code listed} is
 * @param lastModified the page's HTTP {@code Last-Modified}
 * @param firstSeen    when the pipeline first saw the article (the ingest service fills it in)
 */
public record DateHints(@Nullable Instant listed, @Nullable ListedIn listedIn, @Nullable Instant lastModified,
                        @Nullable Instant firstSeen) {

    /** Nothing known. */
    public static final DateHints NONE = new DateHints(null, null, null, null);

    /** The document that listed the article's URL with a date. */
    public enum ListedIn {
        FEED, SITEMAP;

        /** The value written to {@code params.dateSource}: {@code feed} or {@code sitemap}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code feed} or {@code sitemap} (any case); null for anything else. */
        public static ListedIn fromWord(String word) {
            for (ListedIn value : values()) {
                if (value.word().equalsIgnoreCase(word)) {
                    return value;
                }
            }
            return null;
        }
    }

    public DateHints {
        if ((listed == null) != (listedIn == null)) {
            throw new IllegalArgumentException("listed and listedIn are given together or not at all");
        }
    }

    /** Hints holding only the date a feed or sitemap gave; {@link #NONE} when {@code listed} is null. */
    public static DateHints listed(Instant listed, ListedIn listedIn) {
        return listed == null ? NONE : new DateHints(listed, Objects.requireNonNull(listedIn, "listedIn"), null, null);
    }

    public DateHints withLastModified(Instant instant) {
        return new DateHints(listed, listedIn, instant, firstSeen);
    }

    public DateHints withFirstSeen(Instant instant) {
        return new DateHints(listed, listedIn, lastModified, instant);
    }
}
