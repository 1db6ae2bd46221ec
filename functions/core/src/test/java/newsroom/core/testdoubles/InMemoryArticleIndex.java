package newsroom.core.testdoubles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import newsroom.core.model.ArticleId;
import newsroom.core.port.ArticleIndex;
import newsroom.core.port.ArticleRecord;

/**
 * Test double of {@link ArticleIndex} keeping records in a map and following the port's contract (conditional
 * commit, claims, per-entry translation and thumbnail updates). Listing pages by offset.
 */
public final class InMemoryArticleIndex implements ArticleIndex {

    private final Map<ArticleId, ArticleRecord> records = new LinkedHashMap<>();
    private final Map<String, ArticleId> claims = new HashMap<>();

    @Override
    public synchronized Optional<ArticleRecord> find(ArticleId id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public synchronized void commit(ArticleRecord record, long expectedVersion) {
        ArticleRecord stored = records.get(record.id());
        long storedVersion = stored == null ? 0 : stored.version();
        if (storedVersion != expectedVersion) {
            throw new ConcurrentUpdateException("article " + record.id() + " is at version " + storedVersion
                    + ", expected " + expectedVersion);
        }
        ArticleRecord merged = stored == null ? record : new ArticleRecord(record.id(), record.version(),
                record.contentHash(), record.objectKey(), record.title(), record.slug(), record.lang(), record.date(),
                record.tags(), record.categories(), record.thumbnail(), record.canonicalUrl(), record.sourceUrls(),
                record.fingerprint(), record.pendingEvent(), stored.translations(), stored.translatedVersions(),
                stored.thumbnails(), record.updatedAt());
        records.put(record.id(), merged);
    }

    @Override
    public synchronized void clearPending(ArticleId id, long version) {
        ArticleRecord stored = records.get(id);
        if (stored != null && stored.version() == version) {
            records.put(id, stored.withPendingEvent(null));
        }
    }

    @Override
    public synchronized ArticleId claim(String name, ArticleId id) {
        return claims.computeIfAbsent(name, n -> id);
    }

    @Override
    public synchronized void recordTranslation(ArticleId id, String language, long fromVersion, String objectKey) {
        ArticleRecord r = existing(id);
        Map<String, String> translations = new HashMap<>(r.translations());
        Map<String, Long> versions = new HashMap<>(r.translatedVersions());
        translations.put(language, objectKey);
        versions.put(language, fromVersion);
        records.put(id, new ArticleRecord(r.id(), r.version(), r.contentHash(), r.objectKey(), r.title(), r.slug(),
                r.lang(), r.date(), r.tags(), r.categories(), r.thumbnail(), r.canonicalUrl(), r.sourceUrls(),
                r.fingerprint(), r.pendingEvent(), translations, versions, r.thumbnails(), r.updatedAt()));
    }

    @Override
    public synchronized void recordThumbnails(ArticleId id, String imageUrl, List<String> objectKeys) {
        ArticleRecord r = existing(id);
        Map<String, List<String>> thumbnails = new HashMap<>(r.thumbnails());
        thumbnails.put(imageUrl, List.copyOf(objectKeys));
        records.put(id, new ArticleRecord(r.id(), r.version(), r.contentHash(), r.objectKey(), r.title(), r.slug(),
                r.lang(), r.date(), r.tags(), r.categories(), r.thumbnail(), r.canonicalUrl(), r.sourceUrls(),
                r.fingerprint(), r.pendingEvent(), r.translations(), r.translatedVersions(), thumbnails,
                r.updatedAt()));
    }

    @Override
    public synchronized void addSourceUrl(ArticleId id, String url) {
        ArticleRecord r = existing(id);
        Set<String> urls = new HashSet<>(r.sourceUrls());
        urls.add(url);
        records.put(id, new ArticleRecord(r.id(), r.version(), r.contentHash(), r.objectKey(), r.title(), r.slug(),
                r.lang(), r.date(), r.tags(), r.categories(), r.thumbnail(), r.canonicalUrl(), urls,
                r.fingerprint(), r.pendingEvent(), r.translations(), r.translatedVersions(), r.thumbnails(),
                r.updatedAt()));
    }

    @Override
    public synchronized Page list(ListQuery query) {
        List<ArticleRecord> matching = new ArrayList<>();
        for (ArticleRecord r : records.values()) {
            if ((query.lang() == null || query.lang().equals(r.lang()))
                    && (query.tag() == null || r.tags().contains(query.tag()))
                    && (query.since() == null || r.date() != null && r.date().compareTo(query.since()) >= 0)) {
                matching.add(r);
            }
        }
        matching.sort(Comparator.comparing(ArticleRecord::date, Comparator.nullsLast(Comparator.reverseOrder())));
        int from = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
        int to = Math.min(matching.size(), from + query.limit());
        return new Page(matching.subList(Math.min(from, to), to), to < matching.size() ? String.valueOf(to) : null);
    }

    private ArticleRecord existing(ArticleId id) {
        ArticleRecord r = records.get(id);
        if (r == null) {
            throw new IllegalStateException("no article " + id);
        }
        return r;
    }
}
