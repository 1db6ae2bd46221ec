package newsroom.local.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import newsroom.core.event.ArticleEvent;
import newsroom.core.event.DetailType;
import newsroom.core.observe.Telemetry;
import newsroom.core.testing.RepoFiles;

class InProcessEventBusTest {

    private static List<TemplateRules.Rule> rules;
    private final Clock clock = Clock.fixed(Instant.parse("2025-02-12T15:10:00Z"), ZoneOffset.UTC);

    @TempDir
    Path logs;

    @BeforeAll
    static void readTemplate() throws IOException {
        try (InputStream in = Files.newInputStream(RepoFiles.root().resolve("template.yaml"))) {
            rules = TemplateRules.load(in);
        }
    }

    private static ArticleEvent stored(Map<String, Object> extra) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("articleId", "0123456789abcdef01234567");
        detail.put("version", 1);
        detail.put("lang", "en");
        detail.putAll(extra);
        return ArticleEvent.of(DetailType.ARTICLE_STORED, detail);
    }

    @Test
    void readsTheEventBridgeRulesOfBothDownstreamFunctionsFromTheTemplate() {
        assertThat(rules).extracting(TemplateRules.Rule::targetFunction)
                .containsExactlyInAnyOrder("TranslationFunction", "ThumbnailFunction");
    }

    @Test
    void routesToTranslation_onlyWhenTheEventHasTranslationTargets() {
        InProcessEventBus bus = new InProcessEventBus(rules, null, Telemetry.silent(), clock);
        assertThat(bus.routesFor(stored(Map.of("translationTargets", List.of("fr")))))
                .containsExactly("TranslationFunction");
        assertThat(bus.routesFor(stored(Map.of()))).isEmpty();
    }

    @Test
    void routesToThumbnails_onlyWhenTheEventHasAnHttpThumbnail() {
        InProcessEventBus bus = new InProcessEventBus(rules, null, Telemetry.silent(), clock);
        assertThat(bus.routesFor(stored(Map.of("thumbnail", "https://example.org/a.jpg"))))
                .containsExactly("ThumbnailFunction");
        assertThat(bus.routesFor(stored(Map.of("thumbnail", "ftp://example.org/a.jpg")))).isEmpty();
    }

    @Test
    void routesNothing_forEventsTheFunctionsEmitThemselves() {
        InProcessEventBus bus = new InProcessEventBus(rules, null, Telemetry.silent(), clock);
        ArticleEvent translated = ArticleEvent.of(DetailType.ARTICLE_TRANSLATED,
                Map.of("articleId", "0123456789abcdef01234567", "thumbnail", "https://example.org/a.jpg",
                        "translationTargets", List.of("de")));
        assertThat(bus.routesFor(translated)).isEmpty();
    }

    @Test
    void deliversToBoundFunctions_andLogsEveryEventAsEventBridgeWouldDeliverIt() throws IOException {
        List<String> received = new ArrayList<>();
        InProcessEventBus bus = new InProcessEventBus(rules, logs, Telemetry.silent(), clock)
                .subscribe("TranslationFunction", e -> received.add("translate " + e.articleId()))
                .subscribe("ThumbnailFunction", e -> received.add("thumbnail " + e.articleId()));

        bus.publish(List.of(stored(
                Map.of("translationTargets", List.of("fr"), "thumbnail", "https://example.org/a.jpg"))));

        assertThat(received).containsExactlyInAnyOrder("translate 0123456789abcdef01234567",
                "thumbnail 0123456789abcdef01234567");
        List<String> lines = Files.readAllLines(logs.resolve("events.jsonl"));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("\"detail-type\":\"ArticleStored\"", "\"source\":\"newsroom.ingest\"",
                "\"time\":\"2025-02-12T15:10:00Z\"");
        assertThat(logs.resolve("dead-letters.jsonl")).doesNotExist();
    }

    @Test
    void recordsAFailingTargetInTheDeadLetterLog_withoutFailingThePublisher() throws IOException {
        List<String> log = new ArrayList<>();
        InProcessEventBus bus = new InProcessEventBus(rules, logs, new Telemetry("test", log::add, clock), clock)
                .subscribe("ThumbnailFunction", e -> {
                    throw new IllegalStateException("image host unreachable");
                });

        bus.publish(List.of(stored(Map.of("thumbnail", "https://example.org/a.jpg"))));

        assertThat(bus.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.failed()).isTrue();
            assertThat(d.function()).isEqualTo("ThumbnailFunction");
            assertThat(d.error()).isEqualTo("IllegalStateException: image host unreachable");
        });
        assertThat(Files.readAllLines(logs.resolve("dead-letters.jsonl"))).singleElement().asString()
                .contains("\"reason\":\"IllegalStateException: image host unreachable\"",
                        "\"function\":\"ThumbnailFunction\"");
        assertThat(log).anyMatch(l -> l.contains("\"DlqSends\":1"));
    }

    @Test
    void deliversEventsPublishedByATargetAfterTheCurrentOne_notRecursively() {
        List<String> order = new ArrayList<>();
        InProcessEventBus bus = new InProcessEventBus(rules, null, Telemetry.silent(), clock);
        bus.subscribe("TranslationFunction", e -> {
            order.add("translate " + e.detail().get("version"));
            if (e.detail().get("version").equals(1)) {
                bus.publish(List.of(stored(Map.of("version", 2, "translationTargets", List.of("fr")))));
                order.add("published v2");
            }
        });

        bus.publish(List.of(stored(Map.of("translationTargets", List.of("fr")))));

        assertThat(order).containsExactly("translate 1", "published v2", "translate 2");
    }

    @Test
    void refusesToBindAFunctionNoRuleTargets() {
        InProcessEventBus bus = new InProcessEventBus(rules, null, Telemetry.silent(), clock);
        assertThatThrownBy(() -> bus.subscribe("NoSuchFunction", e -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NoSuchFunction");
    }

    @Test
    void replaysArchivedEventsToTheNamedRule_withoutRecordingThemAgain() throws IOException {
        List<String> received = new ArrayList<>();
        InProcessEventBus bus = new InProcessEventBus(rules, logs, Telemetry.silent(), clock)
                .subscribe("TranslationFunction", e -> received.add("translate " + e.detail().get("version")))
                .subscribe("ThumbnailFunction", e -> received.add("thumbnail " + e.detail().get("version")));
        bus.publish(List.of(stored(Map.of("thumbnail", "https://img.example/a.jpg", "translationTargets",
                List.of("fr")))));
        bus.publish(List.of(stored(Map.of("version", 2))));
        received.clear();

        int replayed = bus.replay(Instant.parse("2025-02-12T00:00:00Z"), Instant.parse("2025-02-13T00:00:00Z"),
                Set.of("ThumbnailFunction.ArticleWithImage"));

        assertThat(replayed).isEqualTo(1);
        assertThat(received).containsExactly("thumbnail 1");
        assertThat(Files.readAllLines(logs.resolve("events.jsonl"))).hasSize(2);
        assertThat(bus.replay(Instant.parse("2025-02-13T00:00:00Z"), Instant.parse("2025-02-14T00:00:00Z"),
                Set.of())).isZero();
    }

    @Test
    void replayReachesTranslationOnlyForEventsThatCarriedTargets_notLanguagesAddedLater() {
        List<String> received = new ArrayList<>();
        InProcessEventBus bus = new InProcessEventBus(rules, logs, Telemetry.silent(), clock)
                .subscribe("TranslationFunction", e -> received.add("translate " + e.articleId()));
        bus.publish(List.of(stored(Map.of())));

        int replayed = bus.replay(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), Set.of());

        assertThat(replayed).isZero();
        assertThat(received).isEmpty();
    }

    @Test
    void refusesToReplayToARuleTheTemplateDoesNotHave() {
        InProcessEventBus bus = new InProcessEventBus(rules, logs, Telemetry.silent(), clock);

        assertThatThrownBy(() -> bus.replay(Instant.EPOCH, Instant.EPOCH, Set.of("NoSuchRule")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no rule NoSuchRule in template.yaml");
    }
}
