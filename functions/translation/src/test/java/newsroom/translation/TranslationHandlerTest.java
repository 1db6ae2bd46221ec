package newsroom.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.junit.jupiter.api.Test;

import newsroom.core.config.SiteConfig;
import newsroom.core.event.ArticleTranslatedDetail;
import newsroom.core.frontmatter.FrontMatterNormalizer;
import newsroom.core.model.ArticleId;
import newsroom.core.model.SourceContext;
import newsroom.core.port.ArticleRecord;
import newsroom.core.port.Translator;
import newsroom.core.testing.InMemoryArticleIndex;
import newsroom.core.testing.InMemoryObjectStore;
import newsroom.core.testing.RecordingEventPublisher;
import newsroom.core.testing.RepoFiles;
import newsroom.core.testing.TelemetryLines;
import newsroom.core.translation.TranslationService;

class TranslationHandlerTest {

    private static final String ID = "3f2a9c1e4b5d6e7f80912a3b";
    private static final String KEY = "content/en/2025/02/apple-alibaba-ai-china.md";

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final InMemoryArticleIndex index = new InMemoryArticleIndex();
    private final RecordingEventPublisher bus = new RecordingEventPublisher();
    private final TelemetryLines telemetry = new TelemetryLines("translation");

    /** Marks what it translated, so the stored result shows exactly which text went through it. */
    private static final Translator MARKING = new Translator() {
        @Override
        public String translate(String text, String sourceLanguage, String targetLanguage) {
            return "⟦" + targetLanguage + ":" + text + "⟧";
        }

        @Override
        public int maxRequestBytes() {
            return 10_000;
        }
    };

    private TranslationHandler handler(Translator translator) {
        return new TranslationHandler(TranslationWiring.of(new TranslationService(store, index, bus, translator),
                SiteConfig.defaults(), telemetry.telemetry()));
    }

    /** The article the sample event announces: stored and committed as the ingest service does. */
    TranslationHandlerTest() {
        byte[] markdown = new FrontMatterNormalizer(SiteConfig.defaults()).normalize(String.join("\n",
                "---", "title: Apple and Alibaba team up on AI in China", "date: 2025-02-12T15:10:00Z", "lang: en",
                "slug: apple-alibaba-ai-china", "---", "", "Apple will use Alibaba's models in China.", "")
                .getBytes(StandardCharsets.UTF_8), new SourceContext("example-news", null, "a.md",
                ZoneOffset.UTC, "en", List.of(), List.of())).markdown().getBytes(StandardCharsets.UTF_8);
        store.put(KEY, markdown, "text/markdown; charset=utf-8");
        index.commit(ArticleRecord.newVersion(new ArticleId(ID), 1,
                new ArticleRecord.StoredFile(KEY, ArticleId.sha256Hex(markdown)),
                new ArticleRecord.Listing("Apple and Alibaba team up on AI in China", "apple-alibaba-ai-china", "en",
                        OffsetDateTime.parse("2025-02-12T15:10:00Z"), List.of(), List.of(), null),
                new ArticleRecord.Origin("https://news.example.com/2025/02/apple-alibaba-ai", Set.of(), null), null,
                Instant.parse("2025-02-12T15:10:00Z")), 0);
    }

    private static ScheduledEvent sample() {
        return EventLoader.loadScheduledEvent(RepoFiles.event("translation-article-stored.json"));
    }

    @Test
    void translatesTheStoredVersionIntoEveryTarget_andEmitsArticleTranslated() {
        Map<String, Object> result = handler(MARKING).handleRequest(sample(), null);

        assertThat(result).isEqualTo(Map.of("articleId", ID, "version", 1L, "outcomes", Map.of(
                "fr", "TRANSLATED content/fr/2025/02/apple-alibaba-ai-china.md",
                "de", "TRANSLATED content/de/2025/02/apple-alibaba-ai-china.md")));
        assertThat(bus.detailTypes()).containsExactly("ArticleTranslated", "ArticleTranslated");
        assertThat(bus.published()).map(e -> ArticleTranslatedDetail.read(e.detail()).orElseThrow()).containsExactly(
                new ArticleTranslatedDetail(ID, 1, "fr", "en", "content/fr/2025/02/apple-alibaba-ai-china.md"),
                new ArticleTranslatedDetail(ID, 1, "de", "en", "content/de/2025/02/apple-alibaba-ai-china.md"));
        assertThat(new String(store.get("content/fr/2025/02/apple-alibaba-ai-china.md").orElseThrow(),
                StandardCharsets.UTF_8)).contains("⟦fr:Apple and Alibaba team up on AI in China⟧");
    }

    @Test
    void aReplayedEventAlsoTranslatesIntoALanguageTheSiteAddedSince() {
        // the sample event was emitted when the site translated into fr and de; es was added later
        TranslationHandler handler = new TranslationHandler(TranslationWiring.of(
                new TranslationService(store, index, bus, MARKING),
                SiteConfig.defaults().withTargetLanguages(List.of("fr", "de", "es")), telemetry.telemetry()));
        handler.handleRequest(sample(), null);

        Map<String, Object> replayed = handler.handleRequest(sample(), null);

        @SuppressWarnings("unchecked")
        Map<String, String> outcomes = (Map<String, String>) replayed.get("outcomes");
        assertThat(outcomes.keySet()).containsExactly("fr", "de", "es");
        assertThat(outcomes.get("es")).startsWith("ALREADY_TRANSLATED content/es/2025/02/apple-alibaba-ai-china.md");
        assertThat(bus.detailTypes()).containsExactly("ArticleTranslated", "ArticleTranslated", "ArticleTranslated");
    }

    @Test
    void translatesNothingTwice_whenTheSameEventIsDeliveredAgain() {
        handler(MARKING).handleRequest(sample(), null);

        Map<String, Object> again = handler(MARKING).handleRequest(sample(), null);

        assertThat(bus.detailTypes()).hasSize(2);
        @SuppressWarnings("unchecked")
        Map<String, String> outcomes = (Map<String, String>) again.get("outcomes");
        assertThat(outcomes.get("fr")).isEqualTo("ALREADY_TRANSLATED content/fr/2025/02/apple-alibaba-ai-china.md: "
                + "already translated from version 1");
    }

    @Test
    void dropsAndCountsTheEvent_whenTheDetailHasNoArticleId() {
        ScheduledEvent event = sample();
        Map<String, Object> detail = new LinkedHashMap<>(event.getDetail());
        detail.remove("articleId");
        event.setDetail(detail);

        Map<String, Object> result = handler(MARKING).handleRequest(event, null);

        assertThat(result).isEqualTo(Map.of("rejected", "detail.articleId is not an article id: null"));
        assertThat(telemetry.metrics()).containsExactly("ArticlesRejected example-news");
        assertThat(bus.published()).isEmpty();
    }

    @Test
    void dropsTheEvent_whenNoTargetLanguageIsNamed() {
        ScheduledEvent event = sample();
        Map<String, Object> detail = new LinkedHashMap<>(event.getDetail());
        detail.put("translationTargets", List.of());
        event.setDetail(detail);

        assertThat(handler(MARKING).handleRequest(event, null))
                .isEqualTo(Map.of("rejected", "detail.translationTargets names no language"));
        assertThat(bus.published()).isEmpty();
    }

    @Test
    void letsTheFailurePropagate_soLambdaRetriesTheInvocation() {
        Translator throttled = new Translator() {
            @Override
            public String translate(String text, String sourceLanguage, String targetLanguage) {
                throw new IllegalStateException("ThrottlingException from Translate");
            }

            @Override
            public int maxRequestBytes() {
                return 10_000;
            }
        };

        assertThatThrownBy(() -> handler(throttled).handleRequest(sample(), null))
                .isInstanceOf(IllegalStateException.class).hasMessage("ThrottlingException from Translate");
        assertThat(index.find(new ArticleId(ID)).orElseThrow().downstream().translations()).isEmpty();
    }
}
