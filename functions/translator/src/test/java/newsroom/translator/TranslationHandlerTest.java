package newsroom.translator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;

import newsroom.core.config.SiteConfig;
import newsroom.core.testing.RepoFiles;
import newsroom.core.testing.TelemetryLines;

class TranslationHandlerTest {

    private final List<String> calls = new ArrayList<>();
    private final TelemetryLines telemetry = new TelemetryLines("translation");

    /** Records the call and answers one outcome per language, as the translation service does. */
    private final ArticleTranslations translations = (id, version, targets) -> {
        calls.add(id + " v" + version + " " + targets);
        Map<String, String> outcomes = new LinkedHashMap<>();
        targets.forEach(t -> outcomes.put(t, "TRANSLATED content/" + t + "/2025/02/apple-alibaba-ai-china.md"));
        return outcomes;
    };

    private final TranslationHandler handler =
            new TranslationHandler(translations, SiteConfig.defaults(), telemetry.telemetry());

    private static ScheduledEvent sample() {
        return EventLoader.loadScheduledEvent(RepoFiles.event("translation-article-stored.json"));
    }

    @Test
    void translatesTheStoredVersionIntoEveryTarget() {
        Map<String, Object> result = handler.handleRequest(sample(), null);

        assertThat(calls).containsExactly("3f2a9c1e4b5d6e7f80912a3b v1 [fr, de]");
        assertThat(result).isEqualTo(Map.of("articleId", "3f2a9c1e4b5d6e7f80912a3b", "version", 1L,
                "outcomes", Map.of("fr", "TRANSLATED content/fr/2025/02/apple-alibaba-ai-china.md",
                        "de", "TRANSLATED content/de/2025/02/apple-alibaba-ai-china.md")));
    }

    @Test
    void dropsAndCountsTheEvent_whenTheDetailHasNoArticleId() {
        ScheduledEvent event = sample();
        Map<String, Object> detail = new LinkedHashMap<>(event.getDetail());
        detail.remove("articleId");
        event.setDetail(detail);

        Map<String, Object> result = handler.handleRequest(event, null);

        assertThat(calls).isEmpty();
        assertThat(result).isEqualTo(Map.of("rejected", "detail.articleId is not an article id: null"));
        assertThat(telemetry.metrics()).containsExactly("ArticlesRejected example-news");
    }

    @Test
    void dropsTheEvent_whenNoTargetLanguageIsNamed() {
        ScheduledEvent event = sample();
        Map<String, Object> detail = new LinkedHashMap<>(event.getDetail());
        detail.put("translationTargets", List.of());
        event.setDetail(detail);

        assertThat(handler.handleRequest(event, null))
                .isEqualTo(Map.of("rejected", "detail.translationTargets names no language"));
        assertThat(calls).isEmpty();
    }

    @Test
    void letsTheFailurePropagate_soLambdaRetriesTheInvocation() {
        TranslationHandler failing = new TranslationHandler((id, v, t) -> {
            throw new IllegalStateException("ThrottlingException from Translate");
        }, SiteConfig.defaults(), telemetry.telemetry());

        assertThatThrownBy(() -> failing.handleRequest(sample(), null))
                .isInstanceOf(IllegalStateException.class).hasMessage("ThrottlingException from Translate");
    }
}
