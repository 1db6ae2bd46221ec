package newsroom.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import newsroom.core.config.SiteConfig;
import newsroom.core.model.RawArticle;
import newsroom.core.model.SourceContext;
import newsroom.core.testing.InMemoryArticleIndex;
import newsroom.core.testing.InMemoryObjectStore;
import newsroom.core.testing.ManualClock;
import newsroom.core.testing.RecordingEventPublisher;
import newsroom.core.testing.TelemetryLines;

/** The ingest service dates undated articles by when they were first seen, stably, and logs what it dropped. */
class IngestServiceDatingTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final TelemetryLines telemetry = new TelemetryLines("test");
    private final IngestService service = new IngestService(SiteConfig.defaults(), store, new InMemoryArticleIndex(),
            new RecordingEventPublisher(), (html, url) -> new RawArticle(Map.of("title", "Undated page",
            "thumbnail", "javascript:alert(1)"), "A paragraph of text."), telemetry.telemetry(), clock);

    @Test
    void keepsTheFirstSeenDate_whenTheSameUndatedArticleArrivesLater() {
        byte[] file = "---\ntitle: No date here\n---\nBody.\n".getBytes(StandardCharsets.UTF_8);
        SourceContext context = SourceContext.ofFile("notes/no-date.md");

        IngestOutcome first = service.ingestMarkdown(file, context);
        clock.advance(Duration.ofDays(3));
        IngestOutcome again = service.ingestMarkdown(file, context);

        assertThat(first.status()).isEqualTo(IngestOutcome.Status.STORED);
        assertThat(first.ingested().article().frontMatter().header().date()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(again.status()).isEqualTo(IngestOutcome.Status.UNCHANGED);
    }

    @Test
    void logsEachDroppedValue_withTheFieldNamed() {
        IngestOutcome outcome = service.ingestHtml("<p>x</p>", SourceContext.ofUrl("feed", "https://news.example/a"));

        assertThat(outcome.status()).isEqualTo(IngestOutcome.Status.STORED);
        assertThat(telemetry.parsed()).anySatisfy(line -> assertThat(line)
                .containsEntry("event", "frontmatter.value-dropped").containsEntry("field", "params.thumbnail"));
    }
}
