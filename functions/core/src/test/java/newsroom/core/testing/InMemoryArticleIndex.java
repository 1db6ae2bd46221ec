package newsroom.core.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import newsroom.core.model.ArticleId;
import newsroom.core.port.ArticleIndex;
import newsroom.core.port.ArticleIndex.ListQuery;
import newsroom.core.port.ArticleRecord;

/**
 * An {@link ArticleIndex} kept in memory with the port's documented semantics (conditional commit that keeps
 * translations, thumbnails and source URLs, claims, pending marks, late translations of older versions ignored,
 * newest-first listing by instant with an opaque cursor, filters matched as {@link ListQuery} defines them). For tests of the services and handlers that use the port;
 * it passes the port's contract suite like the real adapters ({@code InMemoryDoublesContractTest}).
 */
public final class InMemoryArticleIndex implements ArticleIndex {

    private static final Comparator<ArticleRecord> NEWEST_FIRST = Comparator
            .comparing((ArticleRecord r) -> OffsetDateTime.parse(r.date()).toInstant()).reversed()
            .thenComparing(r -> r.id().value());

    private final Map<ArticleId, ArticleRecord> records = new LinkedHashMap<>();
    private final Map<String, ArticleId> claims = new HashMap<>();

    @Override
    public synchronized Optional<ArticleRecord> find(ArticleId id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public synchronized void commit(ArticleRecord record, long expectedVersion) {
        ArticleRecord current = records.get(record.id());
        long stored = current == null ? 0 : current.version();
        if (stored != expectedVersion) {
            throw new ConcurrentUpdateException("article " + record.id() + " is at version " + stored
                    + ", expected " + expectedVersion);
        }
        records.put(record.id(), current == null ? record : copy(record, current.translations(),
                current.translatedVersions(), current.thumbnails(), union(current.sourceUrls(), record.sourceUrls())));
    }

    @Override
    public synchronized void clearPending(ArticleId id, long version) {
        ArticleRecord current = records.get(id);
        if (current != null && current.version() == version && current.isPending()) {
            records.put(id, current.withPendingEvent(null));
        }
    }

    @Override
    public synchronized ArticleId claim(String name, ArticleId id) {
        return claims.computeIfAbsent(name, n -> id);
    }

    @Override
    public synchronized void recordTranslation(ArticleId id, String language, long fromVersion, String objectKey) {
        update(id, r -> {
            Map<String, String> translations = new HashMap<>(r.translations());
            Map<String, Long> versions = new HashMap<>(r.translatedVersions());
            if (fromVersion < versions.getOrDefault(language, 0L)) {
                return r; // a late translation of an older version never replaces a newer one
            }
            translations.put(language, objectKey);
            versions.put(language, fromVersion);
            return copy(r, translations, versions, r.thumbnails(), r.sourceUrls());
        });
    }

    @Override
    public synchronized void recordThumbnails(ArticleId id, String imageUrl, List<String> objectKeys) {
        update(id, r -> {
            Map<String, List<String>> thumbnails = new HashMap<>(r.thumbnails());
            thumbnails.put(imageUrl, List.copyOf(objectKeys));
            return copy(r, r.translations(), r.translatedVersions(), thumbnails, r.sourceUrls());
        });
    }

    @Override
    public synchronized void addSourceUrl(ArticleId id, String url) {
        update(id, r -> {
            Set<String> urls = new LinkedHashSet<>(r.sourceUrls());
            urls.add(url);
            return copy(r, r.translations(), r.translatedVersions(), r.thumbnails(), urls);
        });
    }

    @Override
    public synchronized Page list(ListQuery query) {
        Instant since = query.sinceInstant();
        String lang = ListQuery.languageKey(query.lang());
        String tag = ListQuery.tagKey(query.tag());
        List<ArticleRecord> all = new ArrayList<>(records.values());
        all.sort(NEWEST_FIRST);
        ArticleRecord after = query.cursor() == null ? null : decodeCursor(query.cursor());
        List<ArticleRecord> page = new ArrayList<>();
        for (ArticleRecord r : all) {
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

    /** Every record, in commit order. */
    public synchronized List<ArticleRecord> records() {
        return List.copyOf(records.values());
    }

    private void update(ArticleId id, UnaryOperator<ArticleRecord> change) {
        ArticleRecord current = records.get(id);
        if (current == null) {
            throw new IllegalStateException("no article " + id);
        }
        records.put(id, change.apply(current));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static ArticleRecord copy(ArticleRecord r, Map<String, String> translations, Map<String, Long> versions,
                                      Map<String, List<String>> thumbnails, Set<String> urls) {
        return new ArticleRecord(r.id(), r.version(), r.contentHash(), r.objectKey(), r.title(), r.slug(), r.lang(),
                r.date(), r.tags(), r.categories(), r.thumbnail(), r.canonicalUrl(), urls, r.fingerprint(),
                r.pendingEvent(), translations, versions, thumbnails, r.updatedAt());
    }

    private static String encodeCursor(ArticleRecord last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((last.date() + "|" + last.id().value()).getBytes(StandardCharsets.UTF_8));
    }

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
