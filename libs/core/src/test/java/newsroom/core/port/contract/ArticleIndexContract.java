package newsroom.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import newsroom.core.event.DetailType;
import newsroom.core.model.ArticleId;
import newsroom.core.port.ArticleIndex;
import newsroom.core.port.ArticleIndex.ConcurrentUpdateException;
import newsroom.core.port.ArticleIndex.ListQuery;
import newsroom.core.port.ArticleIndex.Page;
import newsroom.core.port.ArticleRecord;
import newsroom.core.port.ArticleRecord.Downstream;
import newsroom.core.port.ArticleRecord.Listing;
import newsroom.core.port.ArticleRecord.Origin;
import newsroom.core.port.ArticleRecord.StoredFile;

/**
 * The {@link ArticleIndex} contract every adapter must pass: conditional commit, kept translations and thumbnails,
 * pending mark, claims, map-entry updates, and listing (order, filters, pagination). Subclass it in the adapter's
 * module and return a new, empty index from {@link #newIndex()} (called before each test).
 */
public abstract class ArticleIndexContract {

    protected ArticleIndex index;

    /** An index with no articles and no claims. */
    protected abstract ArticleIndex newIndex();

    @BeforeEach
    void createIndex() {
        index = newIndex();
    }

    // ---- find and commit ----

    @Test
    void findsNothing_whenArticleWasNeverCommitted() {
        assertThat(index.find(id(1))).isEmpty();
    }

    @Test
    void returnsEveryField_whenFirstCommitIsFound() {
        ArticleRecord full = new ArticleRecord(id(1), 1,
                new StoredFile("content/en/2025/02/apple-alibaba.md", "a".repeat(64)),
                new Listing("Apple and Alibaba", "apple-alibaba", "en", OffsetDateTime.parse("2025-02-12T15:10:00Z"),
                        List.of("apple", "ai", "china"), List.of("tech"), "https://img.example/a.jpg"),
                new Origin("https://example.com/a", Set.of("https://example.com/a", "https://mirror.example/a"),
                        "f".repeat(16)),
                new Downstream(Map.of("fr", "content/fr/2025/02/apple-alibaba.md"), Map.of("fr", 1L),
                        Map.of("https://img.example/a.jpg",
                                List.of("static/thumbs/x/320.webp", "static/thumbs/x/640.webp"))),
                DetailType.ARTICLE_STORED, Instant.parse("2025-02-12T15:11:00Z"));

        index.commit(full, 0);

        assertThat(index.find(id(1))).contains(full);
    }

    @Test
    void keepsAbsentFieldsAbsent_whenOptionalFieldsAreNull() {
        ArticleRecord sparse = ArticleRecord.newVersion(id(1), 1, new StoredFile("content/en/a.md", "a".repeat(64)),
                new Listing("A", "a", "en", OffsetDateTime.parse("2025-02-12T15:10:00Z"), List.of(), List.of(), null),
                new Origin(null, Set.of(), null), null, Instant.parse("2025-02-12T15:11:00Z"));

        index.commit(sparse, 0);

        assertThat(index.find(id(1))).contains(sparse);
    }

    @Test
    void rejectsFirstCommit_whenArticleAlreadyExists() {
        index.commit(article(1, 1, "en", "2025-02-12T15:10:00Z"), 0);

        assertThatThrownBy(() -> index.commit(article(1, 1, "en", "2025-02-12T15:10:00Z"), 0))
                .isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void replacesContent_whenExpectedVersionMatches() {
        index.commit(article(1, 1, "en", "2025-02-12T15:10:00Z"), 0);
        ArticleRecord second = withTitle(article(1, 2, "en", "2025-02-13T09:00:00Z"), "Updated title");

        index.commit(second, 1);

        assertThat(index.find(id(1))).contains(second);
    }

    @Test
    void rejectsCommitAndKeepsStoredVersion_whenExpectedVersionIsStale() {
        index.commit(article(1, 1, "en", "2025-02-12T15:10:00Z"), 0);
        index.commit(article(1, 2, "en", "2025-02-12T15:10:00Z"), 1);

        assertThatThrownBy(() -> index.commit(article(1, 3, "en", "2025-02-12T15:10:00Z"), 1))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(index.find(id(1)).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void rejectsUpdate_whenArticleDoesNotExist() {
        assertThatThrownBy(() -> index.commit(article(1, 2, "en", "2025-02-12T15:10:00Z"), 1))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(index.find(id(1))).isEmpty();
    }

    @Test
    void keepsTranslationsAndThumbnails_whenNewVersionIsCommitted() {
        index.commit(article(1, 1, "en", "2025-02-12T15:10:00Z"), 0);
        index.recordTranslation(id(1), "fr", 1, "content/fr/a.md");
        index.recordThumbnails(id(1), "https://img.example/a.jpg", List.of("static/thumbs/a/320.webp"));

        index.commit(article(1, 2, "en", "2025-02-12T15:10:00Z"), 1);

        ArticleRecord stored = index.find(id(1)).orElseThrow();
        assertThat(stored.downstream().translations()).isEqualTo(Map.of("fr", "content/fr/a.md"));
        assertThat(stored.downstream().translatedVersions()).isEqualTo(Map.of("fr", 1L));
        assertThat(stored.downstream().thumbnails()).isEqualTo(Map.of("https://img.example/a.jpg",
                List.of("static/thumbs/a/320.webp")));
    }

    @Test
    void keepsSourceUrlsAdded_whenNewVersionIsCommittedWithoutThem() {
        index.commit(article(1, 1, "en", "2025-02-12T15:10:00Z"), 0);
        index.addSourceUrl(id(1), "https://syndicated.example/a");

        index.commit(article(1, 2, "en", "2025-02-12T15:10:00Z"), 1);

        assertThat(index.find(id(1)).orElseThrow().origin().sourceUrls())
                .containsExactlyInAnyOrder("https://example.com/1", "https://syndicated.example/a");
    }

    // ---- pending mark ----

    @Test
    void clearsPendingMark_whenVersionMatches() {
        index.commit(article(1, 1, "en", "2025-02-12T15:10:00Z").withPendingEvent(DetailType.ARTICLE_STORED), 0);

        index.clearPending(id(1), 1);

        assertThat(index.find(id(1)).orElseThrow().pendingEvent()).isNull();
    }

    @Test
    void replacesOnlyTheContentHash_whenRelinkedAtTheCurrentVersionAndHash() {
        ArticleRecord committed = article(1, 1, "en", "2025-02-12T15:10:00Z")
                .withPendingEvent(DetailType.ARTICLE_STORED);
        index.commit(committed, 0);
        index.recordThumbnails(id(1), "https://img.example/a.jpg", List.of("static/thumbnails/a-320.jpg"));

        index.relink(id(1), 1, committed.file().contentHash(), "f".repeat(64));

        ArticleRecord relinked = index.find(id(1)).orElseThrow();
        assertThat(relinked.file().contentHash()).isEqualTo("f".repeat(64));
        assertThat(relinked.version()).isEqualTo(1);
        assertThat(relinked.pendingEvent()).isEqualTo(DetailType.ARTICLE_STORED);
        assertThat(relinked.downstream().thumbnails()).containsKey("https://img.example/a.jpg");
    }

    @Test
    void refusesRelink_whenTheVersionOrTheHashMovedOn() {
        ArticleRecord first = article(1, 1, "en", "2025-02-12T15:10:00Z");
        index.commit(first, 0);
        index.commit(article(1, 2, "en", "2025-02-12T15:10:00Z"), 1);

        assertThatThrownBy(() -> index.relink(id(1), 1, first.file().contentHash(), "f".repeat(64)))
                .isInstanceOf(ArticleIndex.ConcurrentUpdateException.class);
        assertThatThrownBy(() -> index.relink(id(1), 2, "e".repeat(64), "f".repeat(64)))
                .isInstanceOf(ArticleIndex.ConcurrentUpdateException.class);
        assertThatThrownBy(() -> index.relink(id(2), 1, first.file().contentHash(), "f".repeat(64)))
                .isInstanceOf(ArticleIndex.ConcurrentUpdateException.class);
        assertThat(index.find(id(1)).orElseThrow().file().contentHash()).isEqualTo(first.file().contentHash());
        assertThat(index.find(id(2))).isEmpty();
    }

    @Test
    void keepsPendingMark_whenVersionIsNoLongerCurrent() {
        index.commit(article(1, 1, "en", "2025-02-12T15:10:00Z").withPendingEvent(DetailType.ARTICLE_STORED), 0);
        index.commit(article(1, 2, "en", "2025-02-12T15:10:00Z").withPendingEvent(DetailType.ARTICLE_UPDATED), 1);

        index.clearPending(id(1), 1);

        assertThat(index.find(id(1)).orElseThrow().pendingEvent()).isEqualTo(DetailType.ARTICLE_UPDATED);
    }

    @Test
    void createsNothing_whenPendingMarkOfMissingArticleIsCleared() {
        index.clearPending(id(1), 1);

        assertThat(index.find(id(1))).isEmpty();
    }

    // ---- claims ----

    @Test
    void returnsCallersId_whenNameIsFree() {
        assertThat(index.claim("content/en/2025/02/a.md", id(1))).isEqualTo(id(1));
    }

    @Test
    void returnsCallersId_whenNameIsAlreadyItsOwn() {
        index.claim("content/en/2025/02/a.md", id(1));

        assertThat(index.claim("content/en/2025/02/a.md", id(1))).isEqualTo(id(1));
    }

    @Test
    void returnsFirstOwner_whenAnotherArticleClaimsTheSameName() {
        index.claim("content/en/2025/02/a.md", id(1));

        assertThat(index.claim("content/en/2025/02/a.md", id(2))).isEqualTo(id(1));
    }

    @Test
    void keepsClaimsApart_whenNamesDiffer() {
        index.claim("content/en/2025/02/a.md", id(1));

        assertThat(index.claim("fingerprint:0123456789abcdef", id(2))).isEqualTo(id(2));
    }

    // ---- map entries and source URLs ----

    @Test
    void updatesOnlyItsLanguage_whenTranslationsAreRecorded() {
        index.commit(article(1, 1, "en", "2025-02-12T15:10:00Z"), 0);

        index.recordTranslation(id(1), "fr", 1, "content/fr/a.md");
        index.recordTranslation(id(1), "de", 1, "content/de/a.md");

        ArticleRecord stored = index.find(id(1)).orElseThrow();
        assertThat(stored.downstream().translations())
                .isEqualTo(Map.of("fr", "content/fr/a.md", "de", "content/de/a.md"));
        assertThat(stored.downstream().translatedVersions()).isEqualTo(Map.of("fr", 1L, "de", 1L));
    }

    @Test
    void changesNothing_whenSameTranslationIsRecordedTwice() {
        index.commit(article(1, 1, "en", "2025-02-12T15:10:00Z"), 0);
        index.recordTranslation(id(1), "fr", 1, "content/fr/a.md");
        ArticleRecord once = index.find(id(1)).orElseThrow();

        index.recordTranslation(id(1), "fr", 1, "content/fr/a.md");

        assertThat(index.find(id(1))).contains(once);
    }

    @Test
    void keepsNewerTranslation_whenTranslationOfOlderVersionIsRecordedLate() {
        index.commit(article(1, 1, "en", "2025-02-12T15:10:00Z"), 0);
        index.commit(article(1, 2, "en", "2025-02-12T15:10:00Z"), 1);
        index.recordTranslation(id(1), "fr", 2, "content/fr/a-v2.md");

        index.recordTranslation(id(1), "fr", 1, "content/fr/a-v1.md");

        ArticleRecord stored = index.find(id(1)).orElseThrow();
        assertThat(stored.downstream().translations()).containsEntry("fr", "content/fr/a-v2.md");
        assertThat(stored.downstream().translatedVersions()).containsEntry("fr", 2L);
    }

    @Test
    void keepsThumbnailsPerImage_whenSeveralImagesAreRecorded() {
        index.commit(article(1, 1, "en", "2025-02-12T15:10:00Z"), 0);

        index.recordThumbnails(id(1), "https://img.example/a.jpg", List.of("t/a/320.webp", "t/a/640.webp"));
        index.recordThumbnails(id(1), "https://img.example/b.png", List.of("t/b/320.webp"));
        index.recordThumbnails(id(1), "https://img.example/a.jpg", List.of("t/a/320.webp", "t/a/640.webp"));

        assertThat(index.find(id(1)).orElseThrow().downstream().thumbnails()).isEqualTo(Map.of(
                "https://img.example/a.jpg", List.of("t/a/320.webp", "t/a/640.webp"),
                "https://img.example/b.png", List.of("t/b/320.webp")));
    }

    @Test
    void addsSourceUrlOnce_whenSameUrlIsAddedTwice() {
        index.commit(article(1, 1, "en", "2025-02-12T15:10:00Z"), 0);

        index.addSourceUrl(id(1), "https://mirror.example/1");
        index.addSourceUrl(id(1), "https://mirror.example/1");

        assertThat(index.find(id(1)).orElseThrow().origin().sourceUrls())
                .containsExactlyInAnyOrder("https://example.com/1", "https://mirror.example/1");
    }

    @Test
    void keepsVersionAndPendingMark_whenMapEntriesAreRecorded() {
        index.commit(article(1, 1, "en", "2025-02-12T15:10:00Z").withPendingEvent(DetailType.ARTICLE_STORED), 0);

        index.recordTranslation(id(1), "fr", 1, "content/fr/a.md");
        index.recordThumbnails(id(1), "https://img.example/a.jpg", List.of("t/a/320.webp"));
        index.addSourceUrl(id(1), "https://mirror.example/1");

        ArticleRecord stored = index.find(id(1)).orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.pendingEvent()).isEqualTo(DetailType.ARTICLE_STORED);
    }

    // ---- listing ----

    @Test
    void listsNothing_whenIndexIsEmpty() {
        Page page = index.list(new ListQuery(null, null, null, 10, null));

        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void listsNewestFirstByInstant_whenDatesHaveDifferentOffsets() {
        index.commit(article(1, 1, "en", "2025-02-12T15:10:00+08:00"), 0); // 07:10Z
        index.commit(article(2, 1, "en", "2025-02-12T10:00:00Z"), 0);
        index.commit(article(3, 1, "fr", "2025-02-12T04:00:00-05:00"), 0); // 09:00Z

        Page page = index.list(new ListQuery(null, null, null, 10, null));

        assertThat(ids(page)).containsExactly(id(2), id(3), id(1));
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void listsOnlyThatLanguage_whenLanguageIsGiven() {
        index.commit(article(1, 1, "en", "2025-02-10T10:00:00Z"), 0);
        index.commit(article(2, 1, "fr", "2025-02-11T10:00:00Z"), 0);
        index.commit(article(3, 1, "en", "2025-02-12T10:00:00Z"), 0);

        assertThat(ids(index.list(new ListQuery("en", null, null, 10, null)))).containsExactly(id(3), id(1));
    }

    @Test
    void listsOnlyArticlesWithThatExactTag_whenTagIsGiven() {
        index.commit(withTags(article(1, 1, "en", "2025-02-10T10:00:00Z"), "apple", "ai"), 0);
        index.commit(withTags(article(2, 1, "en", "2025-02-11T10:00:00Z"), "apple-pie"), 0);
        index.commit(withTags(article(3, 1, "fr", "2025-02-12T10:00:00Z"), "apple"), 0);

        assertThat(ids(index.list(new ListQuery(null, "apple", null, 10, null)))).containsExactly(id(3), id(1));
    }

    @Test
    void findsByLanguage_caseInsensitively() {
        index.commit(article(1, 1, "en-GB", "2025-02-10T10:00:00Z"), 0);
        index.commit(article(2, 1, "en", "2025-02-11T10:00:00Z"), 0);
        index.commit(article(3, 1, "en-GB", "2025-02-12T10:00:00Z"), 0);

        assertThat(ids(index.list(new ListQuery("en-gb", null, null, 10, null)))).containsExactly(id(3), id(1));
    }

    @Test
    void findsByLanguage_whenQueryIsSpelledWithUnderscore() {
        index.commit(article(1, 1, "pt-BR", "2025-02-10T10:00:00Z"), 0);
        index.commit(article(2, 1, "pt", "2025-02-11T10:00:00Z"), 0);

        assertThat(ids(index.list(new ListQuery("PT_br", null, null, 10, null)))).containsExactly(id(1));
    }

    @Test
    void findsByCanonicalLanguage_whenStoredTagIsNotCanonical() {
        index.commit(article(1, 1, "zh_hant_tw", "2025-02-10T10:00:00Z"), 0);

        assertThat(ids(index.list(new ListQuery("zh-Hant-TW", null, null, 10, null)))).containsExactly(id(1));
        assertThat(index.find(id(1)).orElseThrow().listing().lang()).isEqualTo("zh_hant_tw");
    }

    @Test
    void coversEveryMatchOnce_whenLanguageIsSpelledDifferentlyOnTheNextPage() {
        commitMany(5, i -> "2025-02-1" + i + "T10:00:00Z", i -> "en-GB");

        Page first = index.list(new ListQuery("en-gb", null, null, 3, null));
        Page second = index.list(new ListQuery("EN-GB", null, null, 3, first.nextCursor()));

        assertThat(ids(first)).containsExactly(id(4), id(3), id(2));
        assertThat(ids(second)).containsExactly(id(1), id(0));
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void findsByTag_caseInsensitively() {
        index.commit(withTags(article(1, 1, "en", "2025-02-10T10:00:00Z"), "AI", "Apple"), 0);
        index.commit(withTags(article(2, 1, "en", "2025-02-11T10:00:00Z"), "apple-pie"), 0);
        index.commit(withTags(article(3, 1, "fr", "2025-02-12T10:00:00Z"), "apple"), 0);

        assertThat(ids(index.list(new ListQuery(null, "APPLE", null, 10, null)))).containsExactly(id(3), id(1));
    }

    @Test
    void findsByTag_caseInsensitively_whenListingIsPaged() {
        for (int i = 0; i < 12; i++) {
            index.commit(withTags(article(i, 1, "en", "2025-03-" + (10 + i) + "T08:00:00Z"),
                    i % 2 == 0 ? "Climate" : "sport"), 0);
        }

        List<ArticleRecord> listed = allPages(new ListQuery("en", "climate", null, 2, null));

        assertThat(listed).extracting(ArticleRecord::id)
                .containsExactly(id(10), id(8), id(6), id(4), id(2), id(0));
    }

    @Test
    void listsFromSinceInclusive_whenSinceIsGiven() {
        index.commit(article(1, 1, "en", "2025-02-10T10:00:00Z"), 0);
        index.commit(article(2, 1, "en", "2025-02-11T10:00:00Z"), 0);
        index.commit(article(3, 1, "en", "2025-02-12T10:00:00Z"), 0);

        assertThat(ids(index.list(new ListQuery(null, null, "2025-02-11T10:00:00Z", 10, null))))
                .containsExactly(id(3), id(2));
    }

    @Test
    void acceptsDateOnlySince_asStartOfDayUtc() {
        index.commit(article(1, 1, "en", "2025-02-11T23:59:59.999Z"), 0);
        index.commit(article(2, 1, "en", "2025-02-12T00:00:00Z"), 0);
        index.commit(article(3, 1, "en", "2025-02-12T00:30:00+01:00"), 0); // 2025-02-11T23:30Z
        index.commit(article(4, 1, "en", "2025-02-11T20:00:00-05:00"), 0); // 2025-02-12T01:00Z

        assertThat(ids(index.list(new ListQuery(null, null, "2025-02-12", 10, null))))
                .containsExactly(id(4), id(2));
    }

    @Test
    void comparesSinceAsAnInstant_whenSinceHasAnOffset() {
        index.commit(article(1, 1, "en", "2025-02-12T08:59:00Z"), 0);
        index.commit(article(2, 1, "en", "2025-02-12T09:00:00Z"), 0);

        assertThat(ids(index.list(new ListQuery(null, null, "2025-02-12T10:00:00+01:00", 10, null))))
                .containsExactly(id(2));
    }

    @Test
    void combinesEveryFilter_whenLanguageTagAndSinceAreGiven() {
        index.commit(withTags(article(1, 1, "en", "2025-02-10T10:00:00Z"), "ai"), 0);
        index.commit(withTags(article(2, 1, "en", "2025-02-11T10:00:00Z"), "ai"), 0);
        index.commit(withTags(article(3, 1, "fr", "2025-02-12T10:00:00Z"), "ai"), 0);
        index.commit(withTags(article(4, 1, "en", "2025-02-13T10:00:00Z"), "apple"), 0);

        assertThat(ids(index.list(new ListQuery("en", "ai", "2025-02-11T00:00:00Z", 10, null))))
                .containsExactly(id(2));
    }

    @Test
    void listsTheNewVersionOnce_whenArticleIsUpdatedWithAnotherDateAndLanguage() {
        index.commit(article(1, 1, "en", "2025-02-10T10:00:00Z"), 0);
        index.commit(article(1, 2, "fr", "2025-02-12T10:00:00Z"), 1);

        assertThat(index.list(new ListQuery(null, null, null, 10, null)).items())
                .extracting(ArticleRecord::version).containsExactly(2L);
        assertThat(index.list(new ListQuery("en", null, null, 10, null)).items()).isEmpty();
    }

    @Test
    void coversEveryArticleExactlyOnceInOrder_whenListingIsPaged() {
        List<ArticleId> expected = commitMany(23, i -> "2025-02-" + (10 + i / 4) + "T10:00:00Z", i -> "en");

        List<ArticleRecord> listed = allPages(new ListQuery(null, null, null, 5, null));

        assertThat(listed).extracting(ArticleRecord::id).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(listed).isSortedAccordingTo(newestFirst());
    }

    @Test
    void coversEveryMatchExactlyOnce_whenFilteredListingIsPaged() {
        List<ArticleRecord> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ArticleRecord r = withTags(article(i, 1, "en", "2025-03-" + (10 + i / 3) + "T08:00:00Z"),
                    i % 3 == 0 ? "ai" : "other");
            index.commit(r, 0);
            records.add(r);
        }
        List<ArticleId> expected = records.stream().filter(r -> r.listing().tags().contains("ai"))
                .map(ArticleRecord::id).toList();

        List<ArticleRecord> listed = allPages(new ListQuery("en", "ai", null, 3, null));

        assertThat(listed).extracting(ArticleRecord::id).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(listed).isSortedAccordingTo(newestFirst());
    }

    @Test
    void coversEveryArticleExactlyOnce_whenManyShareOneInstant() {
        List<ArticleId> expected = commitMany(30, i -> "2025-02-12T10:00:00Z", i -> i % 2 == 0 ? "en" : "fr");

        assertThat(allPages(new ListQuery(null, null, null, 4, null))).extracting(ArticleRecord::id)
                .containsExactlyInAnyOrderElementsOf(expected);
        List<ArticleId> french = new ArrayList<>();
        for (int i = 1; i < 30; i += 2) {
            french.add(expected.get(i));
        }
        assertThat(allPages(new ListQuery("fr", null, null, 4, null))).extracting(ArticleRecord::id)
                .containsExactlyInAnyOrderElementsOf(french);
    }

    @Test
    void coversEveryArticleFromSinceExactlyOnceInOrder_whenPagedWithSince() {
        List<ArticleId> all = commitMany(20, i -> "2025-03-" + (10 + i) + "T10:00:00Z", i -> "en");

        List<ArticleRecord> listed = allPages(new ListQuery(null, null, "2025-03-20", 3, null));

        assertThat(listed).extracting(ArticleRecord::id).containsExactlyInAnyOrderElementsOf(all.subList(10, 20));
        assertThat(listed).isSortedAccordingTo(newestFirst());
    }

    @Test
    void continuesWhereThePreviousPageEnded_whenNewerArticlesArriveBetweenPages() {
        commitMany(6, i -> "2025-02-1" + i + "T10:00:00Z", i -> "en");
        Page first = index.list(new ListQuery(null, null, null, 3, null));

        index.commit(article(10, 1, "en", "2025-03-01T10:00:00Z"), 0);
        index.commit(article(11, 1, "en", "2025-03-02T10:00:00Z"), 0);
        Page second = index.list(new ListQuery(null, null, null, 3, first.nextCursor()));

        assertThat(ids(first)).containsExactly(id(5), id(4), id(3));
        assertThat(ids(second)).containsExactly(id(2), id(1), id(0));
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void endsWithoutCursor_whenLastPageIsExactlyFull() {
        commitMany(4, i -> "2025-02-1" + i + "T10:00:00Z", i -> "en");

        Page first = index.list(new ListQuery(null, null, null, 2, null));
        Page second = index.list(new ListQuery(null, null, null, 2, first.nextCursor()));

        assertThat(first.nextCursor()).isNotNull();
        assertThat(second.items()).hasSize(2);
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void rejectsCursor_whenItWasNotIssuedByTheIndex() {
        assertThatThrownBy(() -> index.list(new ListQuery(null, null, null, 10, "not-a-cursor")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cursor");
    }

    @Test
    void rejectsSince_whenItIsNotADate() {
        assertThatThrownBy(() -> index.list(new ListQuery(null, null, "yesterday", 10, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yesterday");
    }

    @Test
    void rejectsSince_whenDateTimeHasNoOffset() {
        assertThatThrownBy(() -> index.list(new ListQuery(null, null, "2025-02-12T10:00:00", 10, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'2025-02-12T10:00:00'");
    }

    @Test
    void rejectsSince_whenDateDoesNotExist() {
        assertThatThrownBy(() -> index.list(new ListQuery(null, null, "2025-02-30", 10, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'2025-02-30'");
    }

    @Test
    void rejectsSince_whenItIsBeyondYear9999() {
        assertThatThrownBy(() -> index.list(new ListQuery(null, null, "+10000-01-01", 10, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'+10000-01-01'");
    }

    // ---- helpers ----

    protected static ArticleId id(int n) {
        return ArticleId.ofUrl("https://example.com/" + n);
    }

    /** A minimal record: one source URL, no maps, no pending mark. */
    protected static ArticleRecord article(int n, long version, String lang, String date) {
        return ArticleRecord.newVersion(id(n), version,
                new StoredFile("content/" + lang + "/article-" + n + ".md",
                        Integer.toHexString(n).repeat(64).substring(0, 64)),
                new Listing("Article " + n, "article-" + n, lang, OffsetDateTime.parse(date), List.of(), List.of(),
                        null),
                new Origin("https://example.com/" + n, Set.of("https://example.com/" + n), null), null,
                Instant.parse("2025-02-14T00:00:00Z"));
    }

    private static ArticleRecord withTitle(ArticleRecord r, String title) {
        Listing l = r.listing();
        return withListing(r, new Listing(title, l.slug(), l.lang(), l.date(), l.tags(), l.categories(),
                l.thumbnail()));
    }

    /** {@code r} with these tags instead of its own. */
    protected static ArticleRecord withTags(ArticleRecord r, String... tags) {
        Listing l = r.listing();
        return withListing(r, new Listing(l.title(), l.slug(), l.lang(), l.date(), List.of(tags), l.categories(),
                l.thumbnail()));
    }

    private static ArticleRecord withListing(ArticleRecord r, Listing listing) {
        return new ArticleRecord(r.id(), r.version(), r.file(), listing, r.origin(), r.downstream(), r.pendingEvent(),
                r.updatedAt());
    }

    private List<ArticleId> commitMany(int count, IntFunction<String> date, IntFunction<String> lang) {
        List<ArticleRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ArticleRecord r = article(i, 1, lang.apply(i), date.apply(i));
            index.commit(r, 0);
            records.add(r);
        }
        return records.stream().map(ArticleRecord::id).toList();
    }

    /** Newest first by instant; the order among articles of the same instant is the adapter's choice. */
    private static Comparator<ArticleRecord> newestFirst() {
        return Comparator.comparing((ArticleRecord r) -> r.listing().date().toInstant())
                .reversed();
    }

    private List<ArticleRecord> allPages(ListQuery first) {
        List<ArticleRecord> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page page = index.list(new ListQuery(first.lang(), first.tag(), first.since(), first.limit(), cursor));
            assertThat(page.items().size()).isLessThanOrEqualTo(first.limit());
            seen.addAll(page.items());
            cursor = page.nextCursor();
            assertThat(++pages).as("pages needed").isLessThanOrEqualTo(100);
        } while (cursor != null);
        return seen;
    }

    private static List<ArticleId> ids(Page page) {
        return page.items().stream().map(ArticleRecord::id).toList();
    }
}
