package newsroom.core.port;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import newsroom.core.model.ArticleId;
import newsroom.core.port.ArticleIndex.ListQuery;
import newsroom.core.port.ArticleIndex.Page;

/**
 * {@link ArticleIndex#list} over records held in full (the embedded index, the in-memory test double): newest
 * first by the instant of {@code date} then by id, filtered as {@link ListQuery} defines, paged with an opaque
 * cursor naming the last item of the previous page (so a page stays correct when records were added since).
 * The DynamoDB adapter pages with its own keys instead.
 */
public final class ArticleListing {

    private static final Comparator<ArticleRecord> NEWEST_FIRST = Comparator
            .comparing((ArticleRecord r) -> OffsetDateTime.parse(r.date()).toInstant()).reversed()
            .thenComparing(r -> r.id().value());

    private ArticleListing() {
    }

    /** @throws IllegalArgumentException for a cursor that is not a previous page's {@code nextCursor} */
    public static Page page(Collection<ArticleRecord> records, ListQuery query) {
        Instant since = query.sinceInstant();
        String lang = ListQuery.languageKey(query.lang());
        String tag = ListQuery.tagKey(query.tag());
        ArticleRecord after = query.cursor() == null ? null : decodeCursor(query.cursor());
        List<ArticleRecord> sorted = new ArrayList<>(records);
        sorted.sort(NEWEST_FIRST);
        List<ArticleRecord> page = new ArrayList<>();
        for (ArticleRecord r : sorted) {
            if (lang != null && !lang.equals(ListQuery.languageKey(r.lang()))
                    || tag != null && r.tags().stream().noneMatch(t -> tag.equals(ListQuery.tagKey(t)))
                    || since != null && OffsetDateTime.parse(r.date()).toInstant().isBefore(since)
                    || after != null && NEWEST_FIRST.compare(r, after) <= 0) {
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
                .encodeToString((last.date() + "|" + last.id().value()).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor's date and id as a record that sorts where the previous page ended. */
    private static ArticleRecord decodeCursor(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            OffsetDateTime.parse(parts[0]);
            return new ArticleRecord(new ArticleId(parts[1]), 0, "", "-", "", "", "", parts[0], null, null, null,
                    null, null, null, null, null, null, null, null);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid cursor: use the nextCursor of a previous page");
        }
    }
}
