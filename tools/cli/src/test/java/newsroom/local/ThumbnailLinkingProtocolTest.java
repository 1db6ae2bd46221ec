package newsroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import newsroom.core.config.SiteConfig;
import newsroom.core.event.ArticleEvent;
import newsroom.core.event.DetailType;
import newsroom.core.ingest.IngestOutcome;
import newsroom.core.ingest.IngestService;
import newsroom.core.link.ArticleLinker;
import newsroom.core.model.ArticleId;
import newsroom.core.model.SourceContext;
import newsroom.core.observe.Telemetry;
import newsroom.core.port.ArticleRecord;
import newsroom.core.port.EventPublisher;
import newsroom.core.port.Translator;
import newsroom.core.testing.Crash;
import newsroom.core.testing.CrashingArticleIndex;
import newsroom.core.testing.CrashingObjectStore;
import newsroom.core.testing.ScriptedFetcher;
import newsroom.core.translation.TranslationService;
import newsroom.local.store.EmbeddedArticleIndex;
import newsroom.local.store.FileObjectStore;
import newsroom.media.ThumbnailService;

/**
 * The thumbnail function with its linking step on the embedded adapters, crashed at every step and redelivered (the
 * platform retries the invocation). Whatever the crash point: the article stays at its version (linking is no new
 * version and emits no ArticleUpdated, so the function is never triggered again by it), the stored file is the one
 * the index names, the article and its translation point at the local variants, and a further redelivery changes
 * nothing. See docs/downstream.md ("Linking the variants").
 */
class ThumbnailLinkingProtocolTest {

    /** Where the thumbnail invocation dies. */
    enum CrashPoint {
        AFTER_VARIANT_PUT, AFTER_THUMBNAILS_EMITTED, AFTER_THUMBNAILS_RECORDED, AFTER_RELINK_COMMIT,
        AFTER_ARTICLE_REWRITTEN, AFTER_TRANSLATION_REWRITTEN
    }

    private static final String URL = "https://news.example.org/ferries";
    private static final ArticleId ID = ArticleId.ofUrl(URL);
    private static final String ARTICLE_KEYS = "content/en/";
    private static final String TRANSLATION_KEYS = "content/fr/";
    private static final String IMAGE = "https://cdn.news.example.org/ferry.jpg";
    private static final String ARTICLE = """
            ---
            title: "Harbour Authority Orders Solar-Electric Ferries"
            date: "2025-03-04 09:30:00"
            image: "%s"
            source: {url: "%s"}
            ---

            The harbour authority has signed a contract for six solar-electric ferries.
            """.formatted(IMAGE, URL);

    @TempDir
    Path site;

    private final Clock clock = Clock.fixed(Instant.parse("2025-03-05T00:00:00Z"), ZoneOffset.UTC);
    private final List<ArticleEvent> published = new ArrayList<>();
    private final SiteConfig config = SiteConfig.defaults().withTargetLanguages(List.of("fr"));
    private FileObjectStore store;
    private EmbeddedArticleIndex index;
    /** Where the next thumbnail invocation dies (armed for one invocation). */
    private CrashPoint armed;

    @BeforeEach
    void storeAndTranslate() {
        store = new FileObjectStore(site);
        index = new EmbeddedArticleIndex(site.resolve(".newsroom/index"));
        EventPublisher events = published::addAll;
        IngestOutcome stored = new IngestService(config, store, index, events, Telemetry.silent(), clock)
                .ingestMarkdown(ARTICLE.getBytes(StandardCharsets.UTF_8), SourceContext.ofUrl("news", URL));
        assertThat(stored.status()).isEqualTo(IngestOutcome.Status.STORED);
        // a translation made before the thumbnails
        new TranslationService(store, index, events, identity(), ArticleLinker.forSite(store, index,
                config.thumbnails())).translate(ID.value(), 1, List.of("fr"));
        assertThat(record().downstream().translations()).containsKey("fr");
    }

    @ParameterizedTest
    @EnumSource(CrashPoint.class)
    void crashAtAnyStepThenRedelivery_linksTheArticleAndItsTranslationOnce(CrashPoint point) throws Exception {
        armed = point;
        assertThatThrownBy(() -> thumbnails().createThumbnails(ID.value(), IMAGE)).isInstanceOf(Crash.class);

        ThumbnailService.Result retried = thumbnails().createThumbnails(ID.value(), IMAGE);

        assertThat(retried.status()).isIn(ThumbnailService.Status.CREATED, ThumbnailService.Status.ALREADY_CREATED);
        assertLinkedAndConsistent();
        byte[] article = store.get(record().file().objectKey()).orElseThrow();
        byte[] translation = store.get(record().downstream().translations().get("fr")).orElseThrow();
        int events = published.size();

        ThumbnailService.Result again = thumbnails().createThumbnails(ID.value(), IMAGE);

        assertThat(again.status()).isEqualTo(ThumbnailService.Status.ALREADY_CREATED);
        assertThat(again.linked()).extracting(ArticleLinker.FileOutcome::status)
                .containsOnly(ArticleLinker.FileStatus.UNCHANGED);
        assertThat(store.get(record().file().objectKey()).orElseThrow()).isEqualTo(article);
        assertThat(store.get(record().downstream().translations().get("fr")).orElseThrow()).isEqualTo(translation);
        assertThat(published).hasSize(events);
    }

    @Test
    void emitsNoArticleEvent_soTheThumbnailFunctionIsNotTriggeredAgain() throws Exception {
        int before = published.size();

        thumbnails().createThumbnails(ID.value(), IMAGE);

        assertThat(published.subList(before, published.size())).extracting(ArticleEvent::detailType)
                .containsExactly(DetailType.THUMBNAILS_CREATED);
        assertThat(record().version()).isEqualTo(1);
    }

    @Test
    void keepsAContentUpdateThatCommitsBetweenTheRelinkAndTheRewrite() throws Exception {
        IngestService ingest = new IngestService(config, store, index, published::addAll, Telemetry.silent(),
                clock);
        String update = ARTICLE.replace("six", "eight");
        Runnable racing = () -> assertThat(ingest.ingestMarkdown(update.getBytes(StandardCharsets.UTF_8),
                SourceContext.ofUrl("news", URL)).status()).isEqualTo(IngestOutcome.Status.UPDATED);

        thumbnails(racing).createThumbnails(ID.value(), IMAGE);

        ArticleRecord record = record();
        assertThat(record.version()).isEqualTo(2);
        String stored = new String(store.get(record.file().objectKey()).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(stored).contains("eight").contains("thumbnail: \"/thumbnails/");
        assertThat(ArticleId.sha256Hex(stored.getBytes(StandardCharsets.UTF_8))).isEqualTo(record.file().contentHash());
        assertThat(ingest.ingestMarkdown(update.getBytes(StandardCharsets.UTF_8), SourceContext.ofUrl("news", URL))
                .status()).isEqualTo(IngestOutcome.Status.UNCHANGED);
    }

    private void assertLinkedAndConsistent() {
        ArticleRecord record = record();
        assertThat(record.version()).as("linking makes no version").isEqualTo(1);
        assertThat(record.isPending()).isFalse();
        byte[] article = store.get(record.file().objectKey()).orElseThrow();
        assertThat(ArticleId.sha256Hex(article)).as("the stored file is the one the index names")
                .isEqualTo(record.file().contentHash());
        String main = "thumbnail: \"/thumbnails/" + ID.value() + "/";
        assertThat(new String(article, StandardCharsets.UTF_8)).contains(main).contains("originalImage: \"" + IMAGE);
        assertThat(new String(store.get(record.downstream().translations().get("fr")).orElseThrow(),
                StandardCharsets.UTF_8))
                .contains(main).contains("originalImage: \"" + IMAGE);
        assertThat(published.stream().filter(e -> e.detailType().equals(DetailType.THUMBNAILS_CREATED)))
                .isNotEmpty();
        assertThat(published.stream().filter(e -> e.detailType().equals(DetailType.ARTICLE_UPDATED))).isEmpty();
    }

    // ---- the function on crashing adapters ----

    private ThumbnailService thumbnails() throws IOException {
        return thumbnails(null);
    }

    /** @param beforeRewrite runs (once) just before the article file is rewritten: a racing content update */
    private ThumbnailService thumbnails(Runnable beforeRewrite) throws IOException {
        CrashPoint point = armed;
        armed = null;
        CrashingObjectStore crashingStore = new CrashingObjectStore(store);
        CrashingArticleIndex crashingIndex = new CrashingArticleIndex(index);
        if (beforeRewrite != null) {
            crashingStore.beforeNextPutIfMatch(beforeRewrite, ARTICLE_KEYS);
        }
        boolean[] crashAfterEmit = {point == CrashPoint.AFTER_THUMBNAILS_EMITTED};
        if (point != null) {
            switch (point) {
                case AFTER_VARIANT_PUT -> crashingStore.crashAt(CrashingObjectStore.Point.AFTER_PUT);
                case AFTER_THUMBNAILS_RECORDED ->
                        crashingIndex.crashAt(CrashingArticleIndex.Point.AFTER_RECORD_THUMBNAILS);
                case AFTER_RELINK_COMMIT -> crashingIndex.crashAt(CrashingArticleIndex.Point.AFTER_RELINK);
                case AFTER_ARTICLE_REWRITTEN ->
                        crashingStore.crashAt(CrashingObjectStore.Point.AFTER_PUT_IF_MATCH, ARTICLE_KEYS);
                case AFTER_TRANSLATION_REWRITTEN ->
                        crashingStore.crashAt(CrashingObjectStore.Point.AFTER_PUT_IF_MATCH, TRANSLATION_KEYS);
                case AFTER_THUMBNAILS_EMITTED -> { }
            }
        }
        EventPublisher crashingEvents = events -> {
            published.addAll(events);
            if (crashAfterEmit[0]) {
                crashAfterEmit[0] = false;
                throw new Crash("after ThumbnailsCreated was published");
            }
        };
        ScriptedFetcher fetcher = new ScriptedFetcher().respond(IMAGE, "image/jpeg", photo());
        return new ThumbnailService(fetcher, crashingStore, crashingIndex, crashingEvents,
                config.thumbnails());
    }

    private ArticleRecord record() {
        return index.find(ID).orElseThrow();
    }

    private static byte[] photo() throws IOException {
        BufferedImage image = new BufferedImage(1400, 700, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 90, 160));
        g.fillRect(0, 0, 1400, 700);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    private static Translator identity() {
        return new Translator() {
            @Override
            public String translate(String text, String sourceLanguage, String targetLanguage) {
                return text;
            }

            @Override
            public int maxRequestBytes() {
                return 10_000;
            }
        };
    }
}
