package newsroom.core.port.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import newsroom.core.config.SiteConfig;
import newsroom.core.ingest.IngestOutcome;
import newsroom.core.ingest.IngestService;
import newsroom.core.link.ArticleLinker;
import newsroom.core.link.ThumbnailLinks;
import newsroom.core.model.ArticleId;
import newsroom.core.model.RawArticle;
import newsroom.core.model.SourceContext;
import newsroom.core.observe.Telemetry;
import newsroom.core.port.ArticleIndex;
import newsroom.core.port.ArticleRecord;
import newsroom.core.port.EventPublisher;
import newsroom.core.port.ObjectStore;
import newsroom.core.testing.Crash;
import newsroom.core.testing.CrashingArticleIndex;
import newsroom.core.testing.CrashingObjectStore;

/**
 * The store/emit protocol of {@link IngestService} (docs/store-emit-protocol.md), run on one adapter set: the
 * first delivery dies at each step, then the same input is redelivered. Whatever the crash point, after redelivery
 * the index is at the version of the last content and not pending, the stored bytes are the ones it names, every
 * committed version was accepted by the bus at least once (and no other), and a further redelivery stores and
 * emits nothing. The same holds when a duplicate delivery overtakes another and commits first, and for the
 * thumbnail linking step (same version, no event).
 *
 * <p>A subclass supplies the real adapters (fresh for each test), makes its bus refuse a publish the way that bus
 * fails, and reports what the bus accepted; the crashes are injected around the adapters' real writes.
 */
public abstract class StoreEmitProtocolContract {

    /** The adapters under test: an object store, an index and a bus, empty. */
    public record Adapters(ObjectStore store, ArticleIndex index, EventPublisher publisher) {
    }

    /** One event the bus accepted, read back from what the bus recorded. */
    public record Accepted(String detailType, String articleId, long version) {
    }

    /** Fresh, empty adapters for one test. */
    protected abstract Adapters newAdapters();

    /** The bus refuses the next publish, every attempt of it, so the publisher throws EventPublishException. */
    protected abstract void refuseNextPublish();

    /** Every event the bus accepted so far, in order. */
    protected abstract List<Accepted> accepted();

    /**
     * How many versions of {@code key} the store holds, for a store that keeps versions (a versioned S3 bucket);
     * empty for one that keeps only the current bytes.
     */
    protected OptionalInt storedVersions(String key) {
        return OptionalInt.empty();
    }

    /** Where the first delivery dies. */
    public enum CrashPoint {
        BEFORE_OBJECT_PUT, AFTER_OBJECT_PUT, AFTER_INDEX_COMMIT, DURING_PUBLISH, AFTER_PUBLISH_BEFORE_CLEAR_PENDING,
        AFTER_CLEAR_PENDING
    }

    /** Where the linking step of the thumbnail function dies (docs/downstream.md, "Linking the variants"). */
    public enum LinkCrashPoint { AFTER_RELINK_COMMIT, AFTER_CONDITIONAL_PUT }

    private static final String URL = "https://harbour.example/news/solar-ferries";
    private static final ArticleId ID = ArticleId.ofUrl(URL);
    private static final String IMAGE = "https://cdn.harbour.example/ferry.webp";
    private static final List<String> VARIANTS = List.of("static/thumbnails/" + ID.value() + "/0123456789ab-320.jpg",
            "static/thumbnails/" + ID.value() + "/0123456789ab-640.jpg");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-05T00:00:00Z"), ZoneOffset.UTC);

    private CrashingObjectStore store;
    private CrashingArticleIndex index;
    private IngestService service;

    @BeforeEach
    void wireService() {
        Adapters adapters = newAdapters();
        store = new CrashingObjectStore(adapters.store());
        index = new CrashingArticleIndex(adapters.index());
        service = new IngestService(SiteConfig.defaults(), store, index, adapters.publisher(),
                Telemetry.silent(), CLOCK);
    }

    @ParameterizedTest
    @EnumSource(CrashPoint.class)
    void storesOneVersionAndEmitsIt_whenNewArticleIsRedeliveredAfterACrash(CrashPoint crash) {
        RawArticle article = article("The harbour authority has signed a contract for six solar-electric ferries.");

        assertThatThrownBy(() -> deliverCrashingAt(crash, article))
                .isInstanceOfAny(Crash.class, EventPublisher.EventPublishException.class);
        IngestOutcome redelivered = deliver(article);

        assertThat(redelivered.status()).isEqualTo(crash == CrashPoint.AFTER_CLEAR_PENDING
                ? IngestOutcome.Status.UNCHANGED : IngestOutcome.Status.STORED);
        assertConverged(List.of(article), 1);
        int events = accepted().size();
        assertThat(deliver(article).status()).isEqualTo(IngestOutcome.Status.UNCHANGED);
        assertThat(accepted()).as("a further redelivery emits nothing").hasSize(events);
        assertConverged(List.of(article), 1);
    }

    @ParameterizedTest
    @EnumSource(CrashPoint.class)
    void storesOneNewVersionAndEmitsIt_whenUpdateIsRedeliveredAfterACrash(CrashPoint crash) {
        RawArticle first = article("The harbour authority has signed a contract for six solar-electric ferries.");
        RawArticle second = article("The harbour authority has signed a contract for eight solar-electric ferries.");
        assertThat(deliver(first).status()).isEqualTo(IngestOutcome.Status.STORED);

        assertThatThrownBy(() -> deliverCrashingAt(crash, second))
                .isInstanceOfAny(Crash.class, EventPublisher.EventPublishException.class);
        IngestOutcome redelivered = deliver(second);

        assertThat(redelivered.status()).isEqualTo(crash == CrashPoint.AFTER_CLEAR_PENDING
                ? IngestOutcome.Status.UNCHANGED : IngestOutcome.Status.UPDATED);
        assertConverged(List.of(first, second), 2);
        assertThat(new String(store.get(record().file().objectKey()).orElseThrow(), UTF_8)).contains("eight");
        int events = accepted().size();
        assertThat(deliver(second).status()).isEqualTo(IngestOutcome.Status.UNCHANGED);
        assertThat(accepted()).as("a further redelivery emits nothing").hasSize(events);
    }

    @Test
    void announcesThePendingVersionBeforeTheNewOne_whenNewerContentOvertakesARedelivery() {
        RawArticle first = article("The harbour authority has signed a contract for six solar-electric ferries.");
        RawArticle second = article("The harbour authority has signed a contract for eight solar-electric ferries.");
        assertThatThrownBy(() -> deliverCrashingAt(CrashPoint.DURING_PUBLISH, first))
                .isInstanceOf(EventPublisher.EventPublishException.class);

        assertThat(deliver(second).status()).isEqualTo(IngestOutcome.Status.UPDATED);

        assertThat(accepted()).containsExactly(new Accepted("ArticleStored", ID.value(), 1),
                new Accepted("ArticleUpdated", ID.value(), 2));
        assertConverged(List.of(first, second), 2);
    }

    @Test
    void storesOneVersion_whenADuplicateDeliveryCommitsFirst() {
        RawArticle article = article("The harbour authority has signed a contract for six solar-electric ferries.");
        index.beforeNextCommit(() -> assertThat(deliver(article).status()).isEqualTo(IngestOutcome.Status.STORED));

        assertThatThrownBy(() -> deliver(article)).isInstanceOf(ArticleIndex.ConcurrentUpdateException.class);
        IngestOutcome redelivered = deliver(article);

        assertThat(redelivered.status()).isEqualTo(IngestOutcome.Status.UNCHANGED);
        assertConverged(List.of(article), 1);
    }

    @Test
    void storesOneNewVersion_whenADuplicateDeliveryOfTheUpdateCommitsFirst() {
        RawArticle first = article("The harbour authority has signed a contract for six solar-electric ferries.");
        RawArticle second = article("The harbour authority has signed a contract for eight solar-electric ferries.");
        deliver(first);
        index.beforeNextCommit(() -> assertThat(deliver(second).status()).isEqualTo(IngestOutcome.Status.UPDATED));

        assertThatThrownBy(() -> deliver(second)).isInstanceOf(ArticleIndex.ConcurrentUpdateException.class);
        IngestOutcome redelivered = deliver(second);

        assertThat(redelivered.status()).isEqualTo(IngestOutcome.Status.UNCHANGED);
        assertConverged(List.of(first, second), 2);
    }

    // ---- the linking step of the thumbnail function ----

    @ParameterizedTest
    @EnumSource(LinkCrashPoint.class)
    void linksTheArticleOnce_whenTheLinkingStepIsRedeliveredAfterACrash(LinkCrashPoint crash) {
        RawArticle article = withImage(article("The harbour authority has signed a contract for six ferries."));
        assertThat(deliver(article).status()).isEqualTo(IngestOutcome.Status.STORED);
        index.recordThumbnails(ID, IMAGE, VARIANTS);
        ArticleLinker linker = new ArticleLinker(store, index, new ThumbnailLinks(640));
        switch (crash) {
            case AFTER_RELINK_COMMIT -> index.crashAt(CrashingArticleIndex.Point.AFTER_RELINK);
            case AFTER_CONDITIONAL_PUT -> store.crashAt(CrashingObjectStore.Point.AFTER_PUT_IF_MATCH);
        }

        assertThatThrownBy(() -> linker.linkArticle(ID)).isInstanceOf(Crash.class);
        linker.linkArticle(ID);

        ArticleRecord record = record();
        byte[] stored = store.get(record.file().objectKey()).orElseThrow();
        assertThat(record.version()).as("linking makes no version").isEqualTo(1);
        assertThat(ArticleId.sha256Hex(stored)).as("the stored file is the one the index names")
                .isEqualTo(record.file().contentHash());
        assertThat(new String(stored, UTF_8))
                .contains("thumbnail: \"/thumbnails/" + ID.value() + "/0123456789ab-640.jpg\"")
                .contains("originalImage: \"" + IMAGE + "\"");
        storedVersions(record.file().objectKey()).ifPresent(versions ->
                assertThat(versions).as("the stored article and its linked rewrite").isEqualTo(2));
        assertThat(accepted()).as("linking emits nothing").hasSize(1);

        assertThat(linker.linkArticle(ID).files()).extracting(ArticleLinker.FileOutcome::status)
                .containsExactly(ArticleLinker.FileStatus.UNCHANGED);
        assertThat(deliver(article).status()).isEqualTo(IngestOutcome.Status.UNCHANGED);
        storedVersions(record.file().objectKey()).ifPresent(versions -> assertThat(versions).isEqualTo(2));
    }

    @Test
    void keepsTheUpdate_whenAContentUpdateIsStoredWhileTheArticleIsBeingLinked() {
        RawArticle first = withImage(article("The harbour authority has signed a contract for six ferries."));
        RawArticle second = withImage(article("The harbour authority has signed a contract for eight ferries."));
        deliver(first);
        index.recordThumbnails(ID, IMAGE, VARIANTS);
        // the conditional put refuses the linker's stale rewrite once the update's put changed the stored file
        store.beforeNextPutIfMatch(() -> assertThat(deliver(second).status()).isEqualTo(IngestOutcome.Status.UPDATED));

        ArticleLinker.Result result = new ArticleLinker(store, index, new ThumbnailLinks(640)).linkArticle(ID);

        assertThat(result.files()).extracting(ArticleLinker.FileOutcome::status)
                .containsExactly(ArticleLinker.FileStatus.CHANGED_MEANWHILE);
        ArticleRecord record = record();
        String stored = new String(store.get(record.file().objectKey()).orElseThrow(), UTF_8);
        assertThat(record.version()).isEqualTo(2);
        assertThat(stored).contains("eight ferries").contains("originalImage: \"" + IMAGE + "\"");
        assertThat(ArticleId.sha256Hex(stored.getBytes(UTF_8))).isEqualTo(record.file().contentHash());
    }

    // ---- the invariants ----

    private void assertConverged(List<RawArticle> contents, long expectedVersion) {
        ArticleRecord record = index.find(ID).orElseThrow(() -> new AssertionError("article lost: not in index"));
        assertThat(record.version()).as("index version").isEqualTo(expectedVersion);
        assertThat(record.isPending()).as("pending mark").isFalse();

        byte[] stored = store.get(record.file().objectKey())
                .orElseThrow(() -> new AssertionError("article lost: no object"));
        assertThat(ArticleId.sha256Hex(stored)).as("stored bytes are the committed version")
                .isEqualTo(record.file().contentHash());
        storedVersions(record.file().objectKey()).ifPresent(versions ->
                assertThat(versions).as("one stored version per distinct content").isEqualTo(contents.size()));

        for (long v = 1; v <= expectedVersion; v++) {
            long version = v;
            assertThat(accepted()).as("events accepted for version " + v).anySatisfy(event -> {
                assertThat(event.articleId()).isEqualTo(ID.value());
                assertThat(event.version()).isEqualTo(version);
                assertThat(event.detailType()).isEqualTo(version == 1 ? "ArticleStored" : "ArticleUpdated");
            });
        }
        assertThat(accepted()).as("no event for a version that was never committed")
                .allSatisfy(event -> assertThat(event.version()).isBetween(1L, expectedVersion));
    }

    // ---- deliveries ----

    private IngestOutcome deliver(RawArticle article) {
        return service.ingest(article, SourceContext.ofUrl("harbour", URL));
    }

    private void deliverCrashingAt(CrashPoint crash, RawArticle article) {
        switch (crash) {
            case BEFORE_OBJECT_PUT -> store.crashAt(CrashingObjectStore.Point.BEFORE_PUT);
            case AFTER_OBJECT_PUT -> store.crashAt(CrashingObjectStore.Point.AFTER_PUT);
            case AFTER_INDEX_COMMIT -> index.crashAt(CrashingArticleIndex.Point.AFTER_COMMIT);
            case DURING_PUBLISH -> refuseNextPublish();
            case AFTER_PUBLISH_BEFORE_CLEAR_PENDING -> index.crashAt(CrashingArticleIndex.Point.BEFORE_CLEAR_PENDING);
            case AFTER_CLEAR_PENDING -> index.crashAt(CrashingArticleIndex.Point.AFTER_CLEAR_PENDING);
        }
        deliver(article);
    }

    private ArticleRecord record() {
        return index.find(ID).orElseThrow();
    }

    private static RawArticle article(String lead) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", "Harbour Authority Orders Solar-Electric Ferries");
        fields.put("date", "2025-03-04T09:30:00Z");
        fields.put("lang", "en");
        fields.put("slug", "solar-ferries");
        fields.put("tags", List.of("ferries", "energy"));
        fields.put("url", URL);
        String body = lead + "\n\nEach vessel carries 150 passengers and charges in twelve minutes at the new "
                + "terminal docks. The authority expects fuel costs on the routes to fall by about a third.\n";
        return new RawArticle(fields, body);
    }

    private static RawArticle withImage(RawArticle article) {
        Map<String, Object> fields = new HashMap<>(article.fields());
        fields.put("image", IMAGE);
        return new RawArticle(fields, article.body());
    }
}
