package newsroom.thumbnailer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;

import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.testing.RepoFiles;
import newsroom.core.testing.TelemetryLines;

class ThumbnailHandlerTest {

    private static final String IMAGE = "https://news.example.com/images/apple-alibaba.jpg";

    private final List<String> calls = new ArrayList<>();
    private final TelemetryLines telemetry = new TelemetryLines("thumbnail");

    private static ScheduledEvent sample() {
        return EventLoader.loadScheduledEvent(RepoFiles.event("thumbnail-article-stored.json"));
    }

    private ThumbnailHandler handler(FetchException failure) {
        return new ThumbnailHandler((id, url) -> {
            calls.add(id + " " + url);
            if (failure != null) {
                throw failure;
            }
            return Map.of("status", "CREATED", "thumbnails",
                    List.of("static/thumbnails/" + id + "/a1b2c3d4e5f6-320.jpg"));
        }, telemetry.telemetry());
    }

    @Test
    void createsThumbnailsOfTheEventsImage() {
        Map<String, Object> result = handler(null).handleRequest(sample(), null);

        assertThat(calls).containsExactly("3f2a9c1e4b5d6e7f80912a3b " + IMAGE);
        assertThat(result).isEqualTo(Map.of("status", "CREATED", "thumbnails",
                List.of("static/thumbnails/3f2a9c1e4b5d6e7f80912a3b/a1b2c3d4e5f6-320.jpg")));
    }

    @Test
    void throwsSoLambdaRetries_whenTheImageFetchIsRetryable() {
        ThumbnailHandler handler = handler(new FetchException("HTTP_503", "busy", true, 30));

        assertThatThrownBy(() -> handler.handleRequest(sample(), null))
                .isInstanceOf(ThumbnailHandler.RetryLaterException.class)
                .hasMessage("image fetch failed, retrying: HTTP_503 (busy)");
        assertThat(telemetry.metrics()).containsExactly("FetchErrors example-news");
    }

    @Test
    void skipsWithTheReason_whenTheImageCanNeverBeFetched() {
        Map<String, Object> result = handler(new FetchException("URL_NOT_ALLOWED", "private address", false, 0))
                .handleRequest(sample(), null);

        assertThat(result).isEqualTo(Map.of("status", "SKIPPED", "reason", "URL_NOT_ALLOWED (private address)"));
    }

    @Test
    void dropsAndCountsTheEvent_whenTheThumbnailIsNotAnHttpUrl() {
        ScheduledEvent event = sample();
        Map<String, Object> detail = new LinkedHashMap<>(event.getDetail());
        detail.put("thumbnail", "file:///etc/passwd");
        event.setDetail(detail);

        Map<String, Object> result = handler(null).handleRequest(event, null);

        assertThat(calls).isEmpty();
        assertThat(result).isEqualTo(Map.of("rejected", "detail.thumbnail is not an http(s) URL: file:///etc/passwd"));
        assertThat(telemetry.metrics()).containsExactly("ArticlesRejected example-news");
    }
}
