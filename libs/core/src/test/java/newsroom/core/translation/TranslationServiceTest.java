package newsroom.core.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import newsroom.core.event.ArticleEvent;
import newsroom.core.event.DetailType;
import newsroom.core.model.ArticleId;
import newsroom.core.port.ArticleIndex;
import newsroom.core.port.ArticleRecord;
import newsroom.core.port.EventPublisher;
import newsroom.core.port.Translator;
import newsroom.core.testing.DelegatingIndex;
import newsroom.core.testing.InMemoryArticleIndex;
import newsroom.core.testing.InMemoryObjectStore;
import newsroom.core.testing.RecordingEventPublisher;
import newsroom.core.translation.TranslationService.Outcome;
import newsroom.core.translation.TranslationService.Status;

class TranslationServiceTest {

    private static final ArticleId ID = ArticleId.ofUrl("https://example.com/apple-alibaba");
    private static final String KEY = "content/en/2025/02/apple-alibaba.md";
    private static final String FR_KEY = "content/fr/2025/02/apple-alibaba.md";
    private static final String SOURCE = """
            ---
            title: "Apple &amp; Alibaba Forge AI Partnership"
            date: "2025-02-12T15:10:00Z"
            summary: "Alibaba’s stock climbed 8.6%. Details at https://example.com/baba"
            categories:
              - "coinlive_articles"
            lang:
              - "en"
            translations:
              - "en"
              - "de"
              - "fr"
            tags:
              - "ai"
            menu: ""
            thumbnail: "https://image.example.com/a.jpeg"
            comments: false
            pager: true
            widgets:
              - "search"
              - "recent"
            slug: "apple-alibaba"
            source:
              url: "https://example.com/apple-alibaba"
              canonical: "https://example.com/apple-alibaba"
            ---

            Alibaba’s stock rose after [reports](https://example.com/r "Reports").

            ```
            curl https://api.example.com/baba
            ```
            """;

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final InMemoryArticleIndex index = new InMemoryArticleIndex();
    private final RecordingEventPublisher events = new RecordingEventPublisher();

    @BeforeEach
    void storeVersionTwo() {
        storeVersion(1, "---\ntitle: \"old\"\n---\nold\n");
        storeVersion(2, SOURCE);
    }

    @Test
    void writesTheTranslationAtTheLanguagePath_withTranslatedTitleSummaryAndBodyAndCanonicalFrontMatter() {
        service(FakeTranslator.visible(10_000, "fr")).translate(ID.value(), 2, List.of("fr"));

        assertThat(new String(store.object(FR_KEY).content(), StandardCharsets.UTF_8)).isEqualTo("""
                ---
                title: "⟦fr:Apple⟧ &amp; ⟦fr:Alibaba Forge AI Partnership⟧"
                date: "2025-02-12T15:10:00Z"
                summary: "⟦fr:Alibaba’s stock climbed 8.6%. Details at⟧ https://example.com/baba"
                categories:
                  - "coinlive_articles"
                lang:
                  - "fr"
                translations:
                  - "fr"
                  - "en"
                  - "de"
                tags:
                  - "ai"
                menu: ""
                thumbnail: "https://image.example.com/a.jpeg"
                comments: false
                pager: true
                widgets:
                  - "search"
                  - "recent"
                slug: "apple-alibaba"
                source:
                  url: "https://example.com/apple-alibaba"
                  canonical: "https://example.com/apple-alibaba"
                params:
                  translatedFrom:
                    articleId: "ARTICLE_ID"
                    version: 2
                    lang: "en"
                ---

                ⟦fr:Alibaba’s stock rose after⟧ [⟦fr:reports⟧](https://example.com/r "Reports").

                ```
                curl https://api.example.com/baba
                ```
                """.replace("ARTICLE_ID", ID.value()));
        assertThat(store.object(FR_KEY).contentType()).isEqualTo("text/markdown; charset=utf-8");
    }

    @Test
    void reportsEachLanguageTranslated_withItsObjectKey() {
        var result = service(FakeTranslator.visible(10_000, "x")).translate(ID.value(), 2, List.of("fr", "de"));

        assertThat(result.outcomes()).containsExactly(
                new Outcome("fr", Status.TRANSLATED, null, FR_KEY),
                new Outcome("de", Status.TRANSLATED, null, "content/de/2025/02/apple-alibaba.md"));
    }

    @Test
    void emitsArticleTranslated_withPointersOnly() {
        service(FakeTranslator.visible(10_000, "fr")).translate(ID.value(), 2, List.of("fr"));

        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("articleId", ID.value());
        detail.put("version", 2L);
        detail.put("lang", "fr");
        detail.put("sourceLang", "en");
        detail.put("objectKey", FR_KEY);
        assertThat(events.published()).containsExactly(ArticleEvent.of(DetailType.ARTICLE_TRANSLATED, detail));
    }

    @Test
    void recordsTheTranslationInTheIndex() {
        service(FakeTranslator.visible(10_000, "fr")).translate(ID.value(), 2, List.of("fr"));

        ArticleRecord record = index.find(ID).orElseThrow();
        assertThat(record.downstream().translations()).isEqualTo(Map.of("fr", FR_KEY));
        assertThat(record.downstream().translatedVersions()).isEqualTo(Map.of("fr", 2L));
    }

    @Test
    void storesAndEmitsNothing_whenTheSameEventArrivesAgain() {
        TranslationService service = service(FakeTranslator.visible(10_000, "fr"));
        service.translate(ID.value(), 2, List.of("fr"));
        List<String> putsAfterFirst = store.putLog();

        var second = service.translate(ID.value(), 2, List.of("fr"));

        assertThat(second.outcomes()).containsExactly(
                new Outcome("fr", Status.ALREADY_TRANSLATED, "already translated from version 2", FR_KEY));
        assertThat(store.putLog()).isEqualTo(putsAfterFirst);
        assertThat(events.published()).hasSize(1);
    }

    @Test
    void neverWritesTheSourceArticle() {
        service(FakeTranslator.visible(10_000, "x")).translate(ID.value(), 2, List.of("fr", "de", "en"));

        assertThat(store.putLog()).containsExactly(KEY, KEY, FR_KEY, "content/de/2025/02/apple-alibaba.md");
        assertThat(new String(store.object(KEY).content(), StandardCharsets.UTF_8)).isEqualTo(SOURCE);
    }

    @Test
    void skipsTheArticlesOwnLanguage() {
        var result = service(FakeTranslator.visible(10_000, "en")).translate(ID.value(), 2, List.of("en"));

        assertThat(result.outcomes()).containsExactly(
                new Outcome("en", Status.SKIPPED, "skipped: the article is already in en", null));
        assertThat(events.published()).isEmpty();
    }

    @Test
    void skipsEveryLanguageVisibly_whenNoTranslatorIsConfigured() {
        var result = service(null).translate(ID.value(), 2, List.of("fr", "de"));

        assertThat(result.outcomes()).containsExactly(
                new Outcome("fr", Status.SKIPPED, "skipped: no translator configured", null),
                new Outcome("de", Status.SKIPPED, "skipped: no translator configured", null));
        assertThat(store.keys()).containsExactly(KEY);
        assertThat(events.published()).isEmpty();
    }

    @Test
    void skipsAsSuperseded_whenTheArticleMovedToANewerVersion() {
        var result = service(FakeTranslator.visible(10_000, "fr")).translate(ID.value(), 1, List.of("fr"));

        assertThat(result.outcomes()).containsExactly(new Outcome("fr", Status.SKIPPED,
                "skipped: superseded, the article is at version 2 (that version's event brings its own translation)",
                null));
        assertThat(store.keys()).containsExactly(KEY);
    }

    @Test
    void throwsForRetry_whenTheIndexIsBehindTheEvent() {
        TranslationService service = service(FakeTranslator.visible(10_000, "fr"));

        assertThatThrownBy(() -> service.translate(ID.value(), 3, List.of("fr")))
                .isInstanceOf(ArticleIndex.ConcurrentUpdateException.class)
                .hasMessageContaining("the index has version 2");
        assertThat(store.keys()).containsExactly(KEY);
    }

    @Test
    void skipsAsSuperseded_whenTheStoredFileAlreadyHoldsANewerVersion() {
        ArticleRecord version2 = index.find(ID).orElseThrow();
        TranslationService service = new TranslationService(store, new StaleFirstReadIndex(index, version2), events,
                FakeTranslator.visible(10_000, "fr"));
        storeVersion(3, SOURCE.replace("rose after", "fell after"));

        var result = service.translate(ID.value(), 2, List.of("fr"));

        assertThat(result.outcomes()).extracting(Outcome::status).containsExactly(Status.SKIPPED);
        assertThat(result.outcomes().get(0).reason()).startsWith("skipped: superseded, the article is at version 3");
        assertThat(store.keys()).containsExactly(KEY);
    }

    @Test
    void throwsForRetry_whenTheStoredFileDoesNotMatchTheVersionsContentHash() {
        store.put(KEY, SOURCE.replace("rose", "soared").getBytes(StandardCharsets.UTF_8), "text/markdown");
        TranslationService service = service(FakeTranslator.visible(10_000, "fr"));

        assertThatThrownBy(() -> service.translate(ID.value(), 2, List.of("fr")))
                .isInstanceOf(ArticleIndex.ConcurrentUpdateException.class)
                .hasMessageContaining("does not match the content hash of version 2");
        assertThat(events.published()).isEmpty();
    }

    @Test
    void skipsWithTheReason_whenTheLanguagePairIsUnsupported_andTranslatesTheOthers() {
        Translator visible = FakeTranslator.visible(10_000, "x");
        Translator noJapanese = new Translator() {
            @Override
            public String translate(String text, String from, String to) {
                if (to.equals("ja")) {
                    throw new UnsupportedLanguagePairException(from, to, "not offered");
                }
                return visible.translate(text, from, to);
            }

            @Override
            public int maxRequestBytes() {
                return visible.maxRequestBytes();
            }
        };

        var result = service(noJapanese).translate(ID.value(), 2, List.of("ja", "fr"));

        assertThat(result.outcomes()).containsExactly(
                new Outcome("ja", Status.SKIPPED, "skipped: unsupported language pair en -> ja: not offered", null),
                new Outcome("fr", Status.TRANSLATED, null, FR_KEY));
        assertThat(index.find(ID).orElseThrow().downstream().translatedVersions()).isEqualTo(Map.of("fr", 2L));
    }

    @Test
    void throwsForRetry_whenTheTranslatorIsThrottled_andStoresNothing() {
        RuntimeException throttled = new IllegalStateException("ThrottlingException: rate exceeded");
        TranslationService service = service(FakeTranslator.failing(10_000, throttled));

        assertThatThrownBy(() -> service.translate(ID.value(), 2, List.of("fr"))).isSameAs(throttled);
        assertThat(store.keys()).containsExactly(KEY);
        assertThat(index.find(ID).orElseThrow().downstream().translatedVersions()).isEmpty();
    }

    @Test
    void translatesAgainOnRetry_whenTheEventCouldNotBePublished() {
        TranslationService service = service(FakeTranslator.visible(10_000, "fr"));
        events.failNextPublishes(1);

        assertThatThrownBy(() -> service.translate(ID.value(), 2, List.of("fr")))
                .isInstanceOf(EventPublisher.EventPublishException.class);
        assertThat(index.find(ID).orElseThrow().downstream().translatedVersions()).isEmpty();

        var retry = service.translate(ID.value(), 2, List.of("fr"));

        assertThat(retry.outcomes()).extracting(Outcome::status).containsExactly(Status.TRANSLATED);
        assertThat(events.published()).extracting(ArticleEvent::detailType)
                .containsExactly(DetailType.ARTICLE_TRANSLATED);
    }

    @Test
    void keepsExistingParams_andAddsTranslatedFromLangAndTranslations_whenTheSourceLacksThem() {
        storeVersion(3, "---\ntitle: \"Hi\"\nslug: \"hi\"\nparams:\n  rating: 5\n---\nHello.\n");

        service(FakeTranslator.visible(10_000, "fr")).translate(ID.value(), 3, List.of("fr"));

        assertThat(new String(store.object(FR_KEY).content(), StandardCharsets.UTF_8)).isEqualTo("""
                ---
                title: "⟦fr:Hi⟧"
                slug: "hi"
                lang:
                  - "fr"
                translations:
                  - "fr"
                  - "en"
                params:
                  rating: 5
                  translatedFrom:
                    articleId: "ARTICLE_ID"
                    version: 3
                    lang: "en"
                ---
                ⟦fr:Hello.⟧
                """.replace("ARTICLE_ID", ID.value()));
    }

    @Test
    void skipsWithTheReason_whenTheStoredArticleHasNoFrontMatter() {
        storeVersion(3, "Just text.\n");

        var result = service(FakeTranslator.visible(10_000, "fr")).translate(ID.value(), 3, List.of("fr"));

        assertThat(result.outcomes()).containsExactly(new Outcome("fr", Status.SKIPPED,
                "skipped: the stored article does not start with YAML front matter (---)", null));
    }

    @Test
    void skipsEveryLanguage_whenTheArticleIsUnknown() {
        var result = service(FakeTranslator.visible(10_000, "fr"))
                .translate(ArticleId.ofUrl("https://example.com/other").value(), 1, List.of("fr", "fr"));

        assertThat(result.outcomes()).containsExactly(
                new Outcome("fr", Status.SKIPPED, "skipped: article not found in the index", null));
    }

    @Test
    void skipsEveryLanguage_whenTheIdIsNotAnArticleId() {
        var result = service(FakeTranslator.visible(10_000, "fr")).translate("../etc/passwd", 1, List.of("fr"));

        assertThat(result.outcomes()).containsExactly(
                new Outcome("fr", Status.SKIPPED, "skipped: '../etc/passwd' is not an article id", null));
    }

    @Test
    void skipsATargetThatIsNotALanguageTag() {
        var result = service(FakeTranslator.visible(10_000, "x")).translate(ID.value(), 2, List.of("../fr"));

        assertThat(result.outcomes()).containsExactly(
                new Outcome("../fr", Status.SKIPPED, "skipped: '../fr' is not a BCP 47 language tag", null));
        assertThat(store.keys()).containsExactly(KEY);
    }

    @Test
    void skipsAMissingTarget() {
        var result = service(FakeTranslator.visible(10_000, "x")).translate(ID.value(), 2, Arrays.asList("fr", null));

        assertThat(result.outcomes()).containsExactly(
                new Outcome("fr", Status.TRANSLATED, null, FR_KEY),
                new Outcome(null, Status.SKIPPED, "skipped: 'null' is not a BCP 47 language tag", null));
    }

    @Test
    void replacesTheFirstLanguageSegmentOfTheKey() {
        assertThat(TranslationService.translatedKey("content/en/2025/en/a.md", "en", "pt-BR"))
                .isEqualTo("content/pt-BR/2025/en/a.md");
    }

    @Test
    void insertsTheLanguageBeforeDotMd_whenTheKeyHasNoLanguageSegment() {
        assertThat(TranslationService.translatedKey("posts/2025/en.md", "en", "fr")).isEqualTo("posts/2025/en.fr.md");
    }

    private TranslationService service(Translator translator) {
        return new TranslationService(store, index, events, translator);
    }

    private void storeVersion(long version, String markdown) {
        byte[] bytes = markdown.getBytes(StandardCharsets.UTF_8);
        store.put(KEY, bytes, "text/markdown; charset=utf-8");
        index.commit(ArticleRecord.newVersion(ID, version,
                new ArticleRecord.StoredFile(KEY, ArticleId.sha256Hex(bytes)),
                new ArticleRecord.Listing("Apple & Alibaba", "apple-alibaba", "en",
                        OffsetDateTime.parse("2025-02-12T15:10:00Z"), List.of("ai"), List.of("coinlive_articles"),
                        "https://image.example.com/a.jpeg"),
                new ArticleRecord.Origin("https://example.com/apple-alibaba",
                        Set.of("https://example.com/apple-alibaba"), null),
                null, Instant.parse("2025-02-12T16:00:00Z")), version - 1);
    }

    /** An index whose first read returns an older record: the race where a new version lands mid-translation. */
    private static final class StaleFirstReadIndex extends DelegatingIndex {
        private ArticleRecord stale;

        StaleFirstReadIndex(ArticleIndex delegate, ArticleRecord stale) {
            super(delegate);
            this.stale = stale;
        }

        @Override
        public Optional<ArticleRecord> find(ArticleId id) {
            if (stale != null) {
                ArticleRecord first = stale;
                stale = null;
                return Optional.of(first);
            }
            return super.find(id);
        }
    }
}
