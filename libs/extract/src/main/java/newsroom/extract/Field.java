package newsroom.extract;

import java.util.Objects;

/**
 * One extracted metadata value and the place in the page it came from, so a wrong value can be traced to its source.
 *
 * @param value  the value, never null
 * @param origin where it was read, e.g. {@code json-ld:NewsArticle.datePublished}, {@code meta:og:image},
 *               {@code time[datetime]}, {@code html[lang]}, {@code byline}
 * @param <T>    value type
 */
public record Field<T>(T value, String origin) {
    public Field {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
    }
}
