package newsroom.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.junit.jupiter.api.Test;

import newsroom.core.event.ThumbnailsCreatedDetail;
import newsroom.core.model.ArticleId;
import newsroom.core.port.ArticleRecord;
import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.testing.InMemoryArticleIndex;
import newsroom.core.testing.InMemoryObjectStore;
import newsroom.core.testing.RecordingEventPublisher;
import newsroom.core.testing.RepoFiles;
import newsroom.core.testing.ScriptedFetcher;
import newsroom.core.testing.TelemetryLines;
import newsroom.media.ThumbnailService;

class ThumbnailHandlerTest {

    private static final String ID = "3f2a9c1e4b5d6e7f80912a3b";
    private static final String IMAGE = "https://news.example.com/images/apple-alibaba.jpg";

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final InMemoryArticleIndex index = new InMemoryArticleIndex();
    private final RecordingEventPublisher bus = new RecordingEventPublisher();
    private final TelemetryLines telemetry = new TelemetryLines("thumbnail");
    private final ScriptedFetcher origin = new ScriptedFetcher();

    private final ThumbnailHandler handler = new ThumbnailHandler(ThumbnailWiring.of(
            new ThumbnailService(origin, store, index, bus, List.of(320, 640, 1280)), telemetry.telemetry()));

    ThumbnailHandlerTest() {
        index.commit(ArticleRecord.newVersion(new ArticleId(ID), 1,
                new ArticleRecord.StoredFile("content/en/2025/02/apple-alibaba-ai-china.md", "ab".repeat(32)),
                new ArticleRecord.Listing("Apple and Alibaba", "apple-alibaba-ai-china", "en",
                        OffsetDateTime.parse("2025-02-12T15:10:00Z"), List.of(), List.of(), IMAGE),
                new ArticleRecord.Origin(null, Set.of(), null), null, Instant.parse("2025-02-12T15:10:00Z")), 0);
    }

    private static ScheduledEvent sample() {
        return EventLoader.loadScheduledEvent(RepoFiles.event("thumbnail-article-stored.json"));
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }

    @Test
    void storesTheWidthsThatFitTheImage_andEmitsThumbnailsCreated() throws Exception {
        origin.respond(IMAGE, "image/jpeg", jpeg(800, 600));

        Map<String, Object> result = handler.handleRequest(sample(), null);

        assertThat(result.get("status")).isEqualTo("CREATED");
        @SuppressWarnings("unchecked")
        List<String> keys = (List<String>) result.get("objectKeys");
        assertThat(keys).hasSize(2).allMatch(k -> k.startsWith("static/thumbnails/" + ID + "/"))
                .anyMatch(k -> k.endsWith("-320.jpg")).anyMatch(k -> k.endsWith("-640.jpg"));
        assertThat(store.keys()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(bus.detailTypes()).containsExactly("ThumbnailsCreated");
        ThumbnailsCreatedDetail created = ThumbnailsCreatedDetail.read(bus.published().get(0).detail()).orElseThrow();
        assertThat(created.articleId()).isEqualTo(ID);
        assertThat(created.imageUrl()).isEqualTo(IMAGE);
        assertThat(created.thumbnails()).extracting(ThumbnailsCreatedDetail.Variant::objectKey)
                .containsExactlyInAnyOrderElementsOf(keys);
        assertThat(created.thumbnails()).extracting(ThumbnailsCreatedDetail.Variant::height).contains(240, 480);
    }

    @Test
    void fetchesNothingTwice_whenTheSameEventIsDeliveredAgain() throws Exception {
        origin.respond(IMAGE, "image/jpeg", jpeg(400, 300));
        handler.handleRequest(sample(), null);

        Map<String, Object> again = handler.handleRequest(sample(), null);

        assertThat(again.get("status")).isEqualTo("ALREADY_CREATED");
        assertThat(origin.requested()).hasSize(1);
        assertThat(bus.detailTypes()).containsExactly("ThumbnailsCreated");
    }

    @Test
    void throwsSoLambdaRetries_whenTheImageFetchIsRetryable() {
        origin.fail(IMAGE, new FetchException(FetchFailure.SERVER_ERROR, "busy", true, 30));

        assertThatThrownBy(() -> handler.handleRequest(sample(), null))
                .isInstanceOf(ThumbnailHandler.RetryLaterException.class)
                .hasMessage("image fetch failed, retrying: SERVER_ERROR (busy)");
        assertThat(telemetry.metrics()).containsExactly("FetchErrors example-news");
    }

    @Test
    void skipsWithTheReason_whenTheImageIsNotAnImage() {
        origin.respond(IMAGE, "image/jpeg", "<html>not an image</html>".getBytes());

        Map<String, Object> result = handler.handleRequest(sample(), null);

        assertThat(result).containsEntry("status", "SKIPPED").containsEntry("reason", "NOT_AN_IMAGE");
        assertThat(store.keys()).isEmpty();
        assertThat(bus.published()).isEmpty();
    }

    @Test
    void makesNoThumbnailAndEmitsNothing_forATrackingPixel() throws Exception {
        origin.respond(IMAGE, "image/jpeg", jpeg(1, 1));

        Map<String, Object> result = handler.handleRequest(sample(), null);

        assertThat(result).containsEntry("status", "SKIPPED").containsEntry("reason", "TOO_SMALL");
        assertThat(store.keys()).isEmpty();
        assertThat(bus.published()).isEmpty();
        assertThat(telemetry.parsed()).anyMatch(line -> "thumbnail.skipped".equals(line.get("event"))
                && "TOO_SMALL".equals(line.get("reason")));
    }

    @Test
    void dropsAndCountsTheEvent_whenTheThumbnailIsNotAnHttpUrl() {
        ScheduledEvent event = sample();
        Map<String, Object> detail = new LinkedHashMap<>(event.getDetail());
        detail.put("thumbnail", "file:///etc/passwd");
        event.setDetail(detail);

        Map<String, Object> result = handler.handleRequest(event, null);

        assertThat(origin.requested()).isEmpty();
        assertThat(result).isEqualTo(Map.of("rejected", "detail.thumbnail is not an http(s) URL: file:///etc/passwd"));
        assertThat(telemetry.metrics()).containsExactly("ArticlesRejected example-news");
    }
}
