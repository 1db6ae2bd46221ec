package newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import newsroom.core.config.SiteConfig;
import newsroom.core.event.ArticleEvent;
import newsroom.core.event.DetailType;
import newsroom.core.ingest.IngestOutcome;
import newsroom.core.ingest.IngestService;
import newsroom.core.model.ArticleId;
import newsroom.core.model.SourceContext;
import newsroom.core.observe.Telemetry;
import newsroom.core.port.ArticleIndex;
import newsroom.core.port.ArticleRecord;
import newsroom.core.port.EventPublisher;
import newsroom.core.port.ObjectStore;
import newsroom.core.testing.DelegatingIndex;
import newsroom.local.store.EmbeddedArticleIndex;
import newsroom.local.store.FileObjectStore;

/**
 * The store/emit protocol on the embedded adapters: a crash at every step, then redelivery of the same input,
 * must end with exactly one stored version per content, at least one event per version, nothing lost.
 */
class StoreEmitProtocolTest {

    /** The steps of the protocol at which the process may die. */
    enum CrashPoint { BEFORE_OBJECT_PUT, AFTER_OBJECT_PUT, AFTER_INDEX_COMMIT, DURING_PUBLISH, AFTER_PUBLISH, AFTER_CLEAR_PENDING }

    private static final String V1 = """
            ---
            title: "Protocol test"
            date: "2025-02-12 15:10:00"
            source: {url: "https://news.example.org/protocol-test"}
            ---

            First version of the body.
            """;
    private static final String V2 = V1.replace("First version", "Second version");

    @TempDir
    Path site;

    private final Clock clock = Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC);
    private final List<ArticleEvent> published = new ArrayList<>();
    private FileObjectStore store;
    private EmbeddedArticleIndex index;
    private CrashPoint armed;

    @BeforeEach
    void setUp() {
        store = new FileObjectStore(site);
        index = new EmbeddedArticleIndex(site.resolve(".newsroom/index"));
    }

    /** Simulates the process dying: the exception escapes the service like a killed invocation would end it. */
    static final class Crash extends RuntimeException {
        Crash(CrashPoint point) {
            super("crash " + point);
        }
    }

    private void maybeCrash(CrashPoint point) {
        if (armed == point) {
            armed = null;
            throw new Crash(point);
        }
    }

    private IngestService service() {
        ObjectStore crashingStore = new ObjectStore() {
            @Override
            public void put(String key, byte[] content, String contentType) {
                maybeCrash(CrashPoint.BEFORE_OBJECT_PUT);
                store.put(key, content, contentType);
                maybeCrash(CrashPoint.AFTER_OBJECT_PUT);
            }

            @Override
            public Optional<byte[]> get(String key) {
                return store.get(key);
            }

            @Override
            public Optional<Tagged> getTagged(String key) {
                return store.getTagged(key);
            }

            @Override
            public boolean putIfMatch(String key, byte[] content, String contentType, String tag) {
                return store.putIfMatch(key, content, contentType, tag);
            }

            @Override
            public String locationOf(String key) {
                return store.locationOf(key);
            }
        };
        ArticleIndex crashingIndex = new DelegatingIndex(index) {
            @Override
            public void commit(ArticleRecord record, long expectedVersion) {
                super.commit(record, expectedVersion);
                maybeCrash(CrashPoint.AFTER_INDEX_COMMIT);
            }

            @Override
            public void clearPending(ArticleId id, long version) {
                super.clearPending(id, version);
                maybeCrash(CrashPoint.AFTER_CLEAR_PENDING);
            }
        };
        EventPublisher crashingPublisher = events -> {
            if (armed == CrashPoint.DURING_PUBLISH) {
                armed = null;
                throw new EventPublisher.EventPublishException("PutEvents failed", List.of("ArticleStored: InternalFailure"));
            }
            published.addAll(events);
            maybeCrash(CrashPoint.AFTER_PUBLISH);
        };
        return new IngestService(SiteConfig.defaults(), crashingStore, crashingIndex, crashingPublisher, null,
                Telemetry.silent(), clock);
    }

    private IngestOutcome deliver(String markdown) {
        return service().ingestMarkdown(markdown.getBytes(StandardCharsets.UTF_8),
                SourceContext.ofUrl("protocol-test", "https://news.example.org/protocol-test"));
    }

    private IngestOutcome deliverUntilDone(String markdown) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return deliver(markdown);
            } catch (RuntimeException e) {
                // the platform redelivers the same message
            }
        }
        throw new AssertionError("did not converge after redeliveries");
    }

    private long eventsOf(DetailType type, long version) {
        return published.stream().filter(e -> e.detailType() == type)
                .filter(e -> ((Number) e.detail().get("version")).longValue() == version).count();
    }

    @ParameterizedTest
    @EnumSource(CrashPoint.class)
    void newArticle_crashAtAnyStepThenRedelivery_storesOneVersionAndEmitsAtLeastOnce(CrashPoint point) {
        armed = point;
        assertThatThrownBy(() -> deliver(V1)).isInstanceOfAny(Crash.class, EventPublisher.EventPublishException.class);

        IngestOutcome retried = deliverUntilDone(V1);

        ArticleRecord record = index.find(ArticleId.ofUrl("https://news.example.org/protocol-test")).orElseThrow();
        assertThat(record.version()).isEqualTo(1);
        assertThat(record.isPending()).isFalse();
        assertThat(eventsOf(DetailType.ARTICLE_STORED, 1)).isGreaterThanOrEqualTo(1);
        assertThat(store.get(record.objectKey())).isPresent();
        assertThat(retried.status()).isIn(IngestOutcome.Status.STORED, IngestOutcome.Status.UNCHANGED);

        int before = published.size();
        assertThat(deliver(V1).status()).isEqualTo(IngestOutcome.Status.UNCHANGED);
        assertThat(published).hasSize(before);
    }

    @ParameterizedTest
    @EnumSource(CrashPoint.class)
    void changedArticle_crashAtAnyStepThenRedelivery_becomesExactlyVersionTwo(CrashPoint point) {
        deliver(V1);
        armed = point;
        assertThatThrownBy(() -> deliver(V2)).isInstanceOfAny(Crash.class, EventPublisher.EventPublishException.class);

        deliverUntilDone(V2);

        ArticleRecord record = index.find(ArticleId.ofUrl("https://news.example.org/protocol-test")).orElseThrow();
        assertThat(record.version()).isEqualTo(2);
        assertThat(record.isPending()).isFalse();
        assertThat(eventsOf(DetailType.ARTICLE_UPDATED, 2)).isGreaterThanOrEqualTo(1);
        assertThat(eventsOf(DetailType.ARTICLE_UPDATED, 3)).isZero();
        assertThat(new String(store.get(record.objectKey()).orElseThrow(), StandardCharsets.UTF_8))
                .contains("Second version of the body.");
    }

    @org.junit.jupiter.api.Test
    void aPendingVersionOvertakenByNewerContent_isStillAnnouncedBeforeTheNewVersion() {
        armed = CrashPoint.DURING_PUBLISH;
        assertThatThrownBy(() -> deliver(V1)).isInstanceOf(EventPublisher.EventPublishException.class);

        IngestOutcome outcome = deliver(V2);

        assertThat(outcome.status()).isEqualTo(IngestOutcome.Status.UPDATED);
        assertThat(published).extracting(ArticleEvent::detailType, e -> e.detail().get("version"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DetailType.ARTICLE_STORED, 1L),
                        org.assertj.core.groups.Tuple.tuple(DetailType.ARTICLE_UPDATED, 2L));
        assertThat(index.find(ArticleId.ofUrl("https://news.example.org/protocol-test")).orElseThrow().isPending())
                .isFalse();
    }
}
