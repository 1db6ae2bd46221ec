package newsroom.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.event.ruler.Machine;

import newsroom.core.config.SiteConfig;
import newsroom.core.event.ArticleEvent;
import newsroom.core.event.DetailType;
import newsroom.core.ingest.IngestOutcome;
import newsroom.core.ingest.IngestService;
import newsroom.core.model.SourceContext;
import newsroom.core.port.Translator;
import newsroom.core.testing.InMemoryArticleIndex;
import newsroom.core.testing.InMemoryObjectStore;
import newsroom.core.testing.RecordingEventPublisher;
import newsroom.core.testing.RepoFiles;
import newsroom.core.testing.ScriptedFetcher;
import newsroom.core.testing.TelemetryLines;
import newsroom.core.translation.TranslationService;
import newsroom.media.ThumbnailService;

/**
 * Every EventBridge rule of template.yaml, matched with AWS Event Ruler against the events our services really
 * emit (the ingest, translation and thumbnail services over in-memory ports): each event reaches exactly the
 * functions meant for it, and the downstream functions' own events reach none (no loops).
 */
class RulePatternsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = "https://news.example.com/images/lead.jpg";

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final InMemoryArticleIndex index = new InMemoryArticleIndex();
    private final RecordingEventPublisher bus = new RecordingEventPublisher();

    private static Machine rules() throws Exception {
        Machine machine = Machine.builder().build();
        JsonNode resources = SamTemplate.load(RepoFiles.template()).root.path("Resources");
        for (Map.Entry<String, JsonNode> resource : resources.properties()) {
            for (Map.Entry<String, JsonNode> event : resource.getValue().path("Properties").path("Events")
                    .properties()) {
                if (event.getValue().path("Type").asText().equals("EventBridgeRule")) {
                    machine.addRule(resource.getKey(), event.getValue().path("Properties").path("Pattern").toString());
                }
            }
        }
        return machine;
    }

    /** The functions the template's rules deliver the event to, sorted. */
    private static List<String> targets(ArticleEvent event) throws Exception {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("version", "0");
        envelope.put("id", "6a7e8feb-b491-4cf7-a9f1-bf3703467718");
        envelope.put("detail-type", event.detailType().wireName());
        envelope.put("source", event.source());
        envelope.put("account", "123456789012");
        envelope.put("time", "2025-02-12T15:10:05Z");
        envelope.put("region", "eu-west-1");
        envelope.put("resources", List.of());
        envelope.put("detail", event.detail());
        return new ArrayList<>(new TreeSet<>(rules().rulesForJSONEvent(JSON.writeValueAsString(envelope))));
    }

    private IngestService ingest(List<String> targetLanguages) {
        return new IngestService(SiteConfig.defaults().withTargetLanguages(targetLanguages), store, index, bus,
                new TelemetryLines("ingest").telemetry(), TelemetryLines.CLOCK);
    }

    private static byte[] article(String lang, String thumbnail, String body) {
        return String.join("\n", "---", "title: Harbour ferries go solar", "date: 2025-02-12T15:10:00Z",
                "lang: " + lang, thumbnail == null ? "" : "thumbnail: " + thumbnail, "---", "", body, "")
                .getBytes(StandardCharsets.UTF_8);
    }

    private ArticleEvent ingested(IngestService service, byte[] markdown) {
        IngestOutcome outcome = service.ingestMarkdown(markdown, SourceContext.ofFile("harbour.md"));
        assertThat(outcome.status()).as(outcome.summary()).isIn(IngestOutcome.Status.STORED,
                IngestOutcome.Status.UPDATED);
        return bus.published().get(bus.published().size() - 1);
    }

    @Test
    void storedArticleWithTargetsAndImage_reachesTranslationAndThumbnails() throws Exception {
        ArticleEvent event = ingested(ingest(List.of("fr")), article("en", IMAGE, "Ferries run on sun."));

        assertThat(event.detailType()).isEqualTo(DetailType.ARTICLE_STORED);
        assertThat(targets(event)).containsExactly("ThumbnailFunction", "TranslationFunction");
    }

    @Test
    void updatedArticle_reachesTheSameFunctionsAgain() throws Exception {
        IngestService service = ingest(List.of("fr"));
        ingested(service, article("en", IMAGE, "Ferries run on sun."));

        ArticleEvent updated = ingested(service, article("en", IMAGE, "Ferries run on sun, and on wind too."));

        assertThat(updated.detailType()).isEqualTo(DetailType.ARTICLE_UPDATED);
        assertThat(targets(updated)).containsExactly("ThumbnailFunction", "TranslationFunction");
    }

    @Test
    void storedArticleWithoutTargetsOrImage_reachesNoFunction() throws Exception {
        ArticleEvent event = ingested(ingest(List.of()), article("en", null, "Ferries run on sun."));

        assertThat(targets(event)).isEmpty();
    }

    @Test
    void articleAlreadyInTheOnlyTargetLanguage_isNotSentForTranslation() throws Exception {
        ArticleEvent event = ingested(ingest(List.of("fr")), article("fr", IMAGE, "Les ferries roulent au soleil."));

        assertThat(targets(event)).containsExactly("ThumbnailFunction");
    }

    @Test
    void articleWithARelativeImage_isNotSentForThumbnails() throws Exception {
        ArticleEvent event = ingested(ingest(List.of()), article("en", "/images/lead.jpg", "Ferries run on sun."));

        assertThat(targets(event)).isEmpty();
    }

    @Test
    void articleTranslatedEvents_reachNoFunction() throws Exception {
        ArticleEvent stored = ingested(ingest(List.of("fr")), article("en", null, "Ferries run on sun."));
        Translator identity = new Translator() {
            @Override
            public String translate(String text, String from, String to) {
                return text;
            }

            @Override
            public int maxRequestBytes() {
                return 10_000;
            }
        };
        new TranslationService(store, index, bus, identity).translate((String) stored.detail().get("articleId"),
                1, List.of("fr"));

        ArticleEvent translated = bus.published().get(bus.published().size() - 1);
        assertThat(translated.detailType()).isEqualTo(DetailType.ARTICLE_TRANSLATED);
        assertThat(targets(translated)).isEmpty();
    }

    @Test
    void thumbnailsCreatedEvents_reachNoFunction() throws Exception {
        ArticleEvent stored = ingested(ingest(List.of()), article("en", IMAGE, "Ferries run on sun."));
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB), "jpg", jpeg);
        ScriptedFetcher origin = new ScriptedFetcher().respond(IMAGE, "image/jpeg", jpeg.toByteArray());
        new ThumbnailService(origin, store, index, bus, List.of(320)).createThumbnails(
                (String) stored.detail().get("articleId"), IMAGE);

        ArticleEvent created = bus.published().get(bus.published().size() - 1);
        assertThat(created.detailType()).isEqualTo(DetailType.THUMBNAILS_CREATED);
        assertThat(targets(created)).isEmpty();
    }
}
