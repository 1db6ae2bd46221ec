package newsroom.core.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import newsroom.core.config.SiteConfig;
import newsroom.core.config.ThumbnailSettings;
import newsroom.core.ingest.IngestOutcome;
import newsroom.core.ingest.IngestService;
import newsroom.core.model.ArticleId;
import newsroom.core.model.RawArticle;
import newsroom.core.model.SourceContext;
import newsroom.core.observe.Telemetry;
import newsroom.core.port.ArticleRecord;
import newsroom.core.port.ObjectStore;
import newsroom.core.port.Translator;
import newsroom.core.testing.InMemoryArticleIndex;
import newsroom.core.testing.InMemoryObjectStore;
import newsroom.core.testing.RecordingEventPublisher;
import newsroom.core.translation.StoredArticle;
import newsroom.core.translation.TranslationService;

/**
 * The linking of thumbnail variants from the article and its translations, on the in-memory doubles with the real
 * ingest and translation services: the front matter shape, idempotence, translations made before and after, a
 * content update racing with the linking, and hotlinking kept when the site says so.
 */
class ThumbnailLinkingTest {

    private static final String URL = "https://harbour.example/news/solar-ferries";
    private static final ArticleId ID = ArticleId.ofUrl(URL);
    private static final String IMAGE = "https://cdn.harbour.example/ferry.webp";
    private static final String BASE = "static/thumbnails/" + ID.value() + "/0123456789ab";
    private static final List<String> KEYS = List.of(BASE + "-320.jpg", BASE + "-640.jpg", BASE + "-1280.jpg");
    private static final String MAIN = "/thumbnails/" + ID.value() + "/0123456789ab-640.jpg";

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final InMemoryArticleIndex index = new InMemoryArticleIndex();
    private final RecordingEventPublisher events = new RecordingEventPublisher();
    private final SiteConfig site = SiteConfig.defaults().withTargetLanguages(List.of("fr"));
    private final Clock clock = Clock.fixed(Instant.parse("2025-03-05T00:00:00Z"), ZoneOffset.UTC);
    private final IngestService ingest = new IngestService(site, store, index, events, Telemetry.silent(), clock);
    private final ArticleLinker linker = ArticleLinker.forSite(store, index, site.thumbnails());
    private final TranslationService translation = new TranslationService(store, index, events, identity(), linker);

    @Test
    void pointsThumbnailAndImagesAtTheVariants_keepingThePublishersUrl() {
        ingest(article("six"));
        index.recordThumbnails(ID, IMAGE, KEYS);

        ArticleLinker.Result result = linker.linkArticle(ID);

        assertThat(result.files())
                .containsExactly(new ArticleLinker.FileOutcome(key(), ArticleLinker.FileStatus.LINKED));
        Map<String, Object> fm = frontMatter(key());
        assertThat(fm.get("thumbnail")).isEqualTo(MAIN);
        assertThat(fm.get("images")).isEqualTo(List.of(MAIN, "/thumbnails/" + ID.value() + "/0123456789ab-320.jpg",
                "/thumbnails/" + ID.value() + "/0123456789ab-1280.jpg"));
        assertThat(params(key())).containsEntry("originalImage", IMAGE);
        assertThat(List.copyOf(fm.keySet())).endsWith("params");
        assertThat(List.copyOf(fm.keySet()).indexOf("images"))
                .isEqualTo(List.copyOf(fm.keySet()).indexOf("thumbnail") + 1);
        assertThat(ArticleId.sha256Hex(store.get(key()).orElseThrow()))
                .as("the index names the linked bytes").isEqualTo(record().file().contentHash());
        assertThat(record().version()).as("no new version").isEqualTo(1);
        assertThat(events.published()).as("linking emits nothing").hasSize(1);
    }

    @Test
    void choosesTheWidestVariant_whenNoneFitsTheMainWidth() {
        ThumbnailLinks links = new ThumbnailLinks(2000);
        Map<String, Object> fm = new LinkedHashMap<>(Map.of("title", "x", "thumbnail", IMAGE));

        Map<String, Object> linked = links.linked(fm, Map.of(IMAGE, KEYS)).orElseThrow();

        assertThat(linked.get("thumbnail")).isEqualTo("/thumbnails/" + ID.value() + "/0123456789ab-1280.jpg");
    }

    @Test
    void replacesAnImagesListTheNormalizerWrote() {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("title", "x");
        fm.put("images", List.of(IMAGE));
        fm.put("thumbnail", IMAGE);
        fm.put("params", Map.of("kicker", "Ports"));

        Map<String, Object> linked = new ThumbnailLinks(640).linked(fm, Map.of(IMAGE, KEYS)).orElseThrow();

        assertThat(List.copyOf(linked.keySet())).containsExactly("title", "thumbnail", "images", "params");
        assertThat(String.valueOf(linked.get("images"))).doesNotContain(IMAGE)
                .contains("-320.jpg", "-640.jpg", "-1280.jpg");
        assertThat(linked.get("params")).isEqualTo(Map.of("kicker", "Ports", "originalImage", IMAGE));
    }

    @Test
    void leavesTheFileAlone_whenItsImageHasNoThumbnails_orItIsLinkedAlready() {
        ingest(article("six"));
        byte[] unlinked = store.get(key()).orElseThrow();
        index.recordThumbnails(ID, "https://cdn.harbour.example/another.jpg", KEYS);

        assertThat(linker.linkArticle(ID).files()).extracting(ArticleLinker.FileOutcome::status)
                .containsExactly(ArticleLinker.FileStatus.UNCHANGED);
        assertThat(store.get(key()).orElseThrow()).isEqualTo(unlinked);

        index.recordThumbnails(ID, IMAGE, KEYS);
        linker.linkArticle(ID);
        byte[] linked = store.get(key()).orElseThrow();
        assertThat(linker.linkArticle(ID).files()).extracting(ArticleLinker.FileOutcome::status)
                .containsExactly(ArticleLinker.FileStatus.UNCHANGED);
        assertThat(store.get(key()).orElseThrow()).isEqualTo(linked);
    }

    @Test
    void findsTheSameInputUnchanged_afterLinking() {
        ingest(article("six"));
        index.recordThumbnails(ID, IMAGE, KEYS);
        linker.linkArticle(ID);

        assertThat(ingest(article("six")).status()).isEqualTo(IngestOutcome.Status.UNCHANGED);
        assertThat(record().version()).isEqualTo(1);
    }

    @Test
    void findsTheSameInputUnchanged_whenThumbnailsAreRecordedButNotLinkedYet() {
        ingest(article("six"));
        index.recordThumbnails(ID, IMAGE, KEYS);

        assertThat(ingest(article("six")).status()).isEqualTo(IngestOutcome.Status.UNCHANGED);
        assertThat(linker.linkArticle(ID).files().get(0).status()).isEqualTo(ArticleLinker.FileStatus.LINKED);
    }

    @Test
    void linksANewVersionAtOnce_whenItsImageHasThumbnailsAlready() {
        ingest(article("six"));
        index.recordThumbnails(ID, IMAGE, KEYS);
        linker.linkArticle(ID);

        assertThat(ingest(article("eight")).status()).isEqualTo(IngestOutcome.Status.UPDATED);

        assertThat(frontMatter(key()).get("thumbnail")).isEqualTo(MAIN);
        assertThat(body(key())).contains("eight");
        assertThat(ArticleId.sha256Hex(store.get(key()).orElseThrow())).isEqualTo(record().file().contentHash());
        assertThat(record().listing().thumbnail()).as("the event still names the publisher's image").isEqualTo(IMAGE);
    }

    @Test
    void keepsAContentUpdateWrittenBetweenTheReadAndThePut() {
        ingest(article("six"));
        index.recordThumbnails(ID, IMAGE, KEYS);
        // the update puts its bytes (and commits) after the linker read the file: the linker must not overwrite them
        RacingStore racing = new RacingStore(store, () -> ingest(article("eight")));
        ArticleLinker racedLinker = new ArticleLinker(racing, index, new ThumbnailLinks(640));

        ArticleLinker.Result result = racedLinker.linkArticle(ID);

        assertThat(result.files().get(0).status()).isEqualTo(ArticleLinker.FileStatus.CHANGED_MEANWHILE);
        assertThat(body(key())).contains("eight");
        assertThat(record().version()).isEqualTo(2);
        assertThat(ArticleId.sha256Hex(store.get(key()).orElseThrow())).isEqualTo(record().file().contentHash());
        assertThat(frontMatter(key()).get("thumbnail")).as("the update read the recorded thumbnails").isEqualTo(MAIN);
    }

    @Test
    void linksTheUpdate_whenTheUpdateReadTheIndexBeforeTheThumbnailsWereRecorded() {
        ingest(article("six"));
        // version 2 is stored unlinked (no thumbnails yet); its ArticleUpdated event runs the thumbnail function,
        // which finds them ALREADY_CREATED and links again
        ingest(article("eight"));
        index.recordThumbnails(ID, IMAGE, KEYS);

        linker.linkArticle(ID);

        assertThat(frontMatter(key()).get("thumbnail")).isEqualTo(MAIN);
        assertThat(body(key())).contains("eight");
        assertThat(ArticleId.sha256Hex(store.get(key()).orElseThrow())).isEqualTo(record().file().contentHash());
    }

    @Test
    void givesTranslationsMadeBeforeAndAfterTheThumbnailsTheSameLinks() {
        ingest(article("six"));
        // before: translated from the unlinked source, then linked by the linking step
        translation.translate(ID.value(), 1, List.of("fr"));
        String frKey = record().downstream().translations().get("fr");
        assertThat(frontMatter(frKey).get("thumbnail")).isEqualTo(IMAGE);
        index.recordThumbnails(ID, IMAGE, KEYS);

        assertThat(linker.linkArticle(ID).files()).extracting(ArticleLinker.FileOutcome::status)
                .containsExactly(ArticleLinker.FileStatus.LINKED, ArticleLinker.FileStatus.LINKED);
        Map<String, Object> before = frontMatter(frKey);

        // after: a fresh article translated from the linked source
        InMemoryObjectStore otherStore = new InMemoryObjectStore();
        InMemoryArticleIndex otherIndex = new InMemoryArticleIndex();
        IngestService otherIngest = new IngestService(site, otherStore, otherIndex, events, Telemetry.silent(),
                clock);
        ArticleLinker otherLinker = ArticleLinker.forSite(otherStore, otherIndex, site.thumbnails());
        otherIngest.ingest(article("six"), SourceContext.ofUrl("harbour", URL));
        otherIndex.recordThumbnails(ID, IMAGE, KEYS);
        otherLinker.linkArticle(ID);
        new TranslationService(otherStore, otherIndex, events, identity(), otherLinker)
                .translate(ID.value(), 1, List.of("fr"));
        Map<String, Object> after = StoredArticle.parse(otherStore.get(frKey).orElseThrow()).frontMatter();

        assertThat(before.get("thumbnail")).isEqualTo(MAIN);
        assertThat(after.get("thumbnail")).isEqualTo(before.get("thumbnail"));
        assertThat(after.get("images")).isEqualTo(before.get("images"));
        assertThat(after.get("params")).isEqualTo(before.get("params"));
    }

    @Test
    void linksATranslationStoredWhileTheThumbnailsWereBeingLinked() {
        ingest(article("six"));
        // the translator read the record before the thumbnails were recorded; the linking step ran before the
        // translation was recorded, so it did not see it: the translator's own check after recording links it
        InMemoryArticleIndex racingIndex = index;
        TranslationService racingTranslation = new TranslationService(new RacingStore(store, null) {
            @Override
            public void put(String key, byte[] content, String contentType) {
                super.put(key, content, contentType);
                if (key.startsWith("content/fr/")
                        && racingIndex.find(ID).orElseThrow().downstream().thumbnails().isEmpty()) {
                    racingIndex.recordThumbnails(ID, IMAGE, KEYS);
                    linker.linkArticle(ID);
                }
            }
        }, index, events, identity(), linker);

        racingTranslation.translate(ID.value(), 1, List.of("fr"));

        String frKey = record().downstream().translations().get("fr");
        assertThat(frontMatter(frKey).get("thumbnail")).isEqualTo(MAIN);
        assertThat(frontMatter(key()).get("thumbnail")).isEqualTo(MAIN);
    }

    @Test
    void keepsHotlinking_whenTheSiteSaysLinkFalse() {
        SiteConfig hotlinking =
                site.withThumbnails(new ThumbnailSettings(ThumbnailSettings.DEFAULT_WIDTHS, false, 640, 100));
        IngestService plain = new IngestService(hotlinking, store, index, events, Telemetry.silent(), clock);
        plain.ingest(article("six"), SourceContext.ofUrl("harbour", URL));
        index.recordThumbnails(ID, IMAGE, KEYS);

        assertThat(ArticleLinker.forSite(store, index, hotlinking.thumbnails())).isNull();
        plain.ingest(article("eight"), SourceContext.ofUrl("harbour", URL));

        assertThat(frontMatter(key()).get("thumbnail")).isEqualTo(IMAGE);
        assertThat(frontMatter(key())).doesNotContainKey("params");
    }

    // ---- helpers ----

    private IngestOutcome ingest(RawArticle article) {
        return ingest.ingest(article, SourceContext.ofUrl("harbour", URL));
    }

    private ArticleRecord record() {
        return index.find(ID).orElseThrow();
    }

    private String key() {
        return record().file().objectKey();
    }

    private Map<String, Object> frontMatter(String key) {
        return StoredArticle.parse(store.get(key).orElseThrow()).frontMatter();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> params(String key) {
        return (Map<String, Object>) frontMatter(key).get("params");
    }

    private String body(String key) {
        return StoredArticle.parse(store.get(key).orElseThrow()).body();
    }

    private static RawArticle article(String count) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", "Harbour Authority Orders Solar-Electric Ferries");
        fields.put("date", "2025-03-04T09:30:00Z");
        fields.put("lang", "en");
        fields.put("slug", "solar-ferries");
        fields.put("image", IMAGE);
        fields.put("url", URL);
        return new RawArticle(fields, "The harbour authority has signed a contract for " + count
                + " solar-electric ferries. Each vessel carries 150 passengers and charges in twelve minutes.\n");
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

    /** Runs {@code race} (once) just before the next conditional put: another writer getting there first. */
    private static class RacingStore implements ObjectStore {
        private final ObjectStore delegate;
        private Runnable race;

        RacingStore(ObjectStore delegate, Runnable race) {
            this.delegate = delegate;
            this.race = race;
        }

        @Override
        public void put(String key, byte[] content, String contentType) {
            delegate.put(key, content, contentType);
        }

        @Override
        public Optional<byte[]> get(String key) {
            return delegate.get(key);
        }

        @Override
        public Optional<Tagged> getTagged(String key) {
            return delegate.getTagged(key);
        }

        @Override
        public boolean putIfMatch(String key, byte[] content, String contentType, String tag) {
            if (race != null) {
                Runnable r = race;
                race = null;
                r.run();
            }
            return delegate.putIfMatch(key, content, contentType, tag);
        }

        @Override
        public String locationOf(String key) {
            return delegate.locationOf(key);
        }
    }
}
