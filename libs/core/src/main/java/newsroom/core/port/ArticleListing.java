package newsroom.core.port;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import newsroom.core.model.ArticleId;
import newsroom.core.model.Rfc3339;
import newsroom.core.port.ArticleIndex.ListQuery;
import newsroom.core.port.ArticleIndex.Page;

/**
 * {@link ArticleIndex#list} over records held in full (the embedded index, the in-memory test double): newest
 * first by the instant of {@code date} then by id, filtered as {@link ListQuery} defines, paged with an opaque
 * cursor naming the last item of the previous page (so a page stays correct when records were added since).
 * The DynamoDB adapter pages with its own keys instead.
 */
public final class ArticleListing {

    /** Where a record sorts: the instant of its date, then its id. */
    private record Position(Instant date, String id) {
        static Position of(ArticleRecord r) {
            return new Position(r.listing().date().toInstant(), r.id().value());
        }
    }

    private static final Comparator<Position> NEWEST_FIRST = Comparator.comparing(Position::date).reversed()
            .thenComparing(Position::id);

    private ArticleListing() {
    }

    /** @throws IllegalArgumentException for a cursor that is not a previous page's {@code nextCursor} */
    public static Page page(Collection<ArticleRecord> records, ListQuery query) {
        Instant since = query.sinceInstant();
        String lang = ListQuery.languageKey(query.lang());
        String tag = ListQuery.tagKey(query.tag());
        Position after = query.cursor() == null ? null : decodeCursor(query.cursor());
        List<ArticleRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(Position::of, NEWEST_FIRST));
        List<ArticleRecord> page = new ArrayList<>();
        for (ArticleRecord r : sorted) {
            if (lang != null && !lang.equals(ListQuery.languageKey(r.listing().lang()))
                    || tag != null && r.listing().tags().stream().noneMatch(t -> tag.equals(ListQuery.tagKey(t)))
                    || since != null && r.listing().date().toInstant().isBefore(since)
                    || after != null && NEWEST_FIRST.compare(Position.of(r), after) <= 0) {
                continue;
            }
            if (page.size() == query.limit()) {
                return new Page(page, encodeCursor(page.get(page.size() - 1)));
            }
            page.add(r);
        }
        return new Page(page, null);
    }

    private static String encodeCursor(ArticleRecord last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((Rfc3339.format(last.listing().date()) + "|" + last.id().value())
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** Where the previous page ended. */
    private static Position decodeCursor(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            return new Position(Rfc3339.parseInstant(parts[0]), new ArticleId(parts[1]).value());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid cursor: use the nextCursor of a previous page");
        }
    }
}
