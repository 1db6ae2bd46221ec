package newsroom.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import newsroom.core.config.ThumbnailSettings;
import newsroom.core.event.ArticleEvent;
import newsroom.core.event.DetailType;
import newsroom.core.model.ArticleId;
import newsroom.core.port.ArticleRecord;
import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher;
import newsroom.core.testing.InMemoryArticleIndex;
import newsroom.core.testing.InMemoryObjectStore;
import newsroom.core.testing.RecordingEventPublisher;
import newsroom.media.ThumbnailService.Result;
import newsroom.media.ThumbnailService.SkipReason;
import newsroom.media.ThumbnailService.Status;
import newsroom.media.ThumbnailService.Thumbnail;

class ThumbnailServiceTest {

    private static final ArticleId ID = ArticleId.ofUrl("https://example.com/apple-alibaba");
    private static final String IMAGE = "https://image.example.com/8d6c.jpeg";
    /** static/thumbnails/<id>/ + the first 12 hex digits of sha256(IMAGE) */
    private static final String BASE = "static/thumbnails/" + ID.value() + "/"
            + ArticleId.sha256Hex(IMAGE.getBytes(StandardCharsets.UTF_8)).substring(0, 12);

    private final FakeImageFetcher fetcher = new FakeImageFetcher();
    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final InMemoryArticleIndex index = new InMemoryArticleIndex();
    private final RecordingEventPublisher events = new RecordingEventPublisher();
    private final ThumbnailService service =
            new ThumbnailService(fetcher, store, index, events, List.of(320, 640, 1280));

    @BeforeEach
    void indexTheArticle() {
        index.commit(ArticleRecord.newVersion(ID, 1,
                new ArticleRecord.StoredFile("content/en/2025/02/apple-alibaba.md", "0".repeat(64)),
                new ArticleRecord.Listing("Apple", "apple-alibaba", "en", OffsetDateTime.parse("2025-02-12T15:10:00Z"),
                        List.of(), List.of(), IMAGE),
                new ArticleRecord.Origin(null, Set.of(), null), null, Instant.parse("2025-02-12T16:00:00Z")), 0);
    }

    @Test
    void storesOneJpegPerConfiguredWidth_forALargeJpeg() throws Exception {
        fetcher.answering(IMAGE, TestImages.encoded("jpeg", 2000, 1000));

        Result result = service.createThumbnails(ID.value(), IMAGE);

        assertThat(result.status()).isEqualTo(Status.CREATED);
        assertThat(result.created()).containsExactly(
                new Thumbnail(320, 160, BASE + "-320.jpg"),
                new Thumbnail(640, 320, BASE + "-640.jpg"),
                new Thumbnail(1280, 640, BASE + "-1280.jpg"));
        assertThat(store.keys()).containsExactly(BASE + "-1280.jpg", BASE + "-320.jpg", BASE + "-640.jpg");
        assertThat(sizeOf(BASE + "-320.jpg")).isEqualTo("320x160");
        assertThat(sizeOf(BASE + "-640.jpg")).isEqualTo("640x320");
        assertThat(sizeOf(BASE + "-1280.jpg")).isEqualTo("1280x640");
        assertThat(store.object(BASE + "-640.jpg").contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void fetchesTheImageOnceAsAnImage() throws Exception {
        fetcher.answering(IMAGE, TestImages.encoded("jpeg", 400, 300));

        service.createThumbnails(ID.value(), IMAGE);

        assertThat(fetcher.requests()).containsExactly("IMAGE " + IMAGE);
    }

    @Test
    void emitsThumbnailsCreated_withWidthHeightAndKeyOfEachVariant() throws Exception {
        fetcher.answering(IMAGE, TestImages.encoded("jpeg", 700, 350));

        service.createThumbnails(ID.value(), IMAGE);

        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("articleId", ID.value());
        detail.put("imageUrl", IMAGE);
        detail.put("thumbnails", List.of(
                variant(320, 160, BASE + "-320.jpg"),
                variant(640, 320, BASE + "-640.jpg")));
        assertThat(events.published()).containsExactly(ArticleEvent.of(DetailType.THUMBNAILS_CREATED, detail));
    }

    @Test
    void recordsTheKeysInTheIndex() throws Exception {
        fetcher.answering(IMAGE, TestImages.encoded("jpeg", 700, 350));

        service.createThumbnails(ID.value(), IMAGE);

        assertThat(index.find(ID).orElseThrow().downstream().thumbnails())
                .isEqualTo(Map.of(IMAGE, List.of(BASE + "-320.jpg", BASE + "-640.jpg")));
    }

    @Test
    void neverUpscales_makingOnlyTheWidthsThePngCovers() throws Exception {
        fetcher.answering(IMAGE, TestImages.encoded("png", 500, 300));

        Result result = service.createThumbnails(ID.value(), IMAGE);

        assertThat(result.created()).containsExactly(new Thumbnail(320, 192, BASE + "-320.jpg"));
        assertThat(store.keys()).containsExactly(BASE + "-320.jpg");
    }

    @Test
    void makesOneVariantAtTheOriginalWidth_whenTheGifIsNarrowerThanEveryWidth() throws Exception {
        fetcher.answering(IMAGE, TestImages.encoded("gif", 200, 100));

        Result result = service.createThumbnails(ID.value(), IMAGE);

        assertThat(result.created()).containsExactly(new Thumbnail(200, 100, BASE + "-200.jpg"));
        assertThat(sizeOf(BASE + "-200.jpg")).isEqualTo("200x100");
    }

    @Test
    void keepsTransparencyThatMatters_inAPng() throws Exception {
        fetcher.answering(IMAGE, TestImages.halfTransparentPng(400, 200));

        Result result = service.createThumbnails(ID.value(), IMAGE);

        assertThat(result.created()).containsExactly(new Thumbnail(320, 160, BASE + "-320.png"));
        assertThat(store.object(BASE + "-320.png").contentType()).isEqualTo("image/png");
        BufferedImage thumbnail = TestImages.decode(store.object(BASE + "-320.png").content());
        assertThat(thumbnail.getRGB(40, 80) >>> 24).as("transparent half").isZero();
        assertThat(thumbnail.getRGB(280, 80)).as("opaque black half").isEqualTo(0xFF000000);
    }

    @Test
    void writesJpeg_whenAnImageWithAnAlphaChannelIsFullyOpaque() throws Exception {
        fetcher.answering(IMAGE, TestImages.encoded("png", 400, 200)); // ARGB, every pixel opaque

        Result result = service.createThumbnails(ID.value(), IMAGE);

        assertThat(result.created()).containsExactly(new Thumbnail(320, 160, BASE + "-320.jpg"));
        assertThat(brightness(TestImages.decode(store.object(BASE + "-320.jpg").content()).getRGB(5, 5)))
                .isGreaterThan(0);
    }

    @Test
    void makesJpegVariantsOfAWebp() throws Exception {
        fetcher.answering(IMAGE, TestImages.fixture("lossy.webp"));

        Result result = service.createThumbnails(ID.value(), IMAGE);

        assertThat(result.created()).containsExactly(new Thumbnail(320, 240, BASE + "-320.jpg"));
        assertThat(sizeOf(BASE + "-320.jpg")).isEqualTo("320x240");
    }

    @Test
    void makesUprightVariantsWithoutAnyMetadata_fromAnOrientedJpeg() throws Exception {
        byte[] photo = TestImages.withExifOrientation(TestImages.quadrantJpeg(1000, 500), 8);
        fetcher.answering(IMAGE, photo);

        Result result = service.createThumbnails(ID.value(), IMAGE);

        assertThat(result.created()).containsExactly(new Thumbnail(320, 640, BASE + "-320.jpg"));
        byte[] jpeg = store.object(BASE + "-320.jpg").content();
        assertThat(sizeOf(BASE + "-320.jpg")).isEqualTo("320x640");
        assertThat(jpegMarkers(jpeg)).as("segments before the image data").doesNotContain(0xE1, 0xE2, 0xED, 0xFE)
                .contains(0xDB, 0xC0, 0xC4, 0xDA);
        assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
    }

    @Test
    void skipsATrackingPixel_storingAndEmittingNothing() throws Exception {
        fetcher.answering(IMAGE, TestImages.encoded("gif", 1, 1));

        Result result = service.createThumbnails(ID.value(), IMAGE);

        assertThat(result.status()).isEqualTo(Status.SKIPPED);
        assertThat(result.reason()).isEqualTo(SkipReason.TOO_SMALL);
        assertThat(result.detail()).isEqualTo(
                "the image is 1x1 pixels; thumbnails are made from images at least 100 pixels on each side");
        assertNothingStoredOrEmitted();
        assertThat(index.find(ID).orElseThrow().downstream().thumbnails()).isEmpty();
    }

    @Test
    void takesTheMinimumSideFromTheSiteSettings() throws Exception {
        ThumbnailService lenient = new ThumbnailService(fetcher, store, index, events,
                new ThumbnailSettings(List.of(320), true, 640, 16));
        fetcher.answering(IMAGE, TestImages.encoded("gif", 40, 10));

        assertThat(lenient.createThumbnails(ID.value(), IMAGE).reason()).isEqualTo(SkipReason.TOO_SMALL);
        fetcher.answering(IMAGE, TestImages.encoded("gif", 40, 40));
        assertThat(lenient.createThumbnails(ID.value(), IMAGE).status()).isEqualTo(Status.CREATED);
    }

    @Test
    void storesEmitsAndFetchesNothing_whenTheSameEventArrivesAgain() throws Exception {
        fetcher.answering(IMAGE, TestImages.encoded("jpeg", 700, 350));
        service.createThumbnails(ID.value(), IMAGE);
        List<String> putsAfterFirst = store.putLog();

        Result second = service.createThumbnails(ID.value(), IMAGE);

        assertThat(second.status()).isEqualTo(Status.ALREADY_CREATED);
        assertThat(second.objectKeys()).containsExactly(BASE + "-320.jpg", BASE + "-640.jpg");
        assertThat(store.putLog()).isEqualTo(putsAfterFirst);
        assertThat(events.published()).hasSize(1);
        assertThat(fetcher.requests()).hasSize(1);
    }

    @Test
    void rejectsADecompressionBombFromItsHeader_withoutDecodingThePixels() throws Exception {
        fetcher.answering(IMAGE, TestImages.pngHeaderWithGarbagePixels(10_000, 10_000));

        Result result = service.createThumbnails(ID.value(), IMAGE);

        // the pixel data is garbage: a decode would have ended in DECODE_FAILED (see the next test)
        assertThat(result).isEqualTo(Result.skipped(SkipReason.DIMENSIONS_TOO_LARGE,
                "the header declares 10000x10000 pixels; the limit is 40 megapixels and 30000 pixels a side"));
        assertNothingStoredOrEmitted();
    }

    @Test
    void reportsDecodeFailure_forTheSameGarbagePixelsUnderAnAcceptableHeader() throws Exception {
        fetcher.answering(IMAGE, TestImages.pngHeaderWithGarbagePixels(400, 300));

        Result result = service.createThumbnails(ID.value(), IMAGE);

        assertThat(result.status()).isEqualTo(Status.SKIPPED);
        assertThat(result.reason()).isEqualTo(SkipReason.DECODE_FAILED);
        assertThat(result.detail()).startsWith("PNG pixel data cannot be decoded");
        assertNothingStoredOrEmitted();
    }

    @Test
    void rejectsAbsurdlyLongSides_evenUnderThePixelLimit() throws Exception {
        fetcher.answering(IMAGE, TestImages.pngHeaderWithGarbagePixels(40_000, 10));

        Result result = service.createThumbnails(ID.value(), IMAGE);

        assertThat(result.reason()).isEqualTo(SkipReason.DIMENSIONS_TOO_LARGE);
        assertNothingStoredOrEmitted();
    }

    @Test
    void skipsATruncatedPng() throws Exception {
        byte[] png = TestImages.encoded("png", 400, 300);
        fetcher.answering(IMAGE, Arrays.copyOf(png, png.length / 2));

        Result result = service.createThumbnails(ID.value(), IMAGE);

        assertThat(result.reason()).isEqualTo(SkipReason.TRUNCATED);
        assertNothingStoredOrEmitted();
    }

    @Test
    void skipsATruncatedJpeg() throws Exception {
        byte[] jpeg = TestImages.encoded("jpeg", 400, 300);
        fetcher.answering(IMAGE, Arrays.copyOf(jpeg, jpeg.length / 2));

        Result result = service.createThumbnails(ID.value(), IMAGE);

        assertThat(result.reason()).isEqualTo(SkipReason.TRUNCATED);
        assertNothingStoredOrEmitted();
    }

    @Test
    void skipsAJpegCutInsideItsHeader() throws Exception {
        byte[] jpeg = TestImages.encoded("jpeg", 400, 300);
        fetcher.answering(IMAGE, Arrays.copyOf(jpeg, 40));

        Result result = service.createThumbnails(ID.value(), IMAGE);

        assertThat(result.reason()).isEqualTo(SkipReason.TRUNCATED);
        assertNothingStoredOrEmitted();
    }

    @Test
    void skipsATextFile() throws Exception {
        fetcher.answering(IMAGE, "<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8));

        Result result = service.createThumbnails(ID.value(), IMAGE);

        assertThat(result).isEqualTo(Result.skipped(SkipReason.NOT_AN_IMAGE,
                "the content is not an image (no JPEG, PNG, GIF or WebP signature)"));
        assertNothingStoredOrEmitted();
    }

    @Test
    void skipsAvifAsUnsupported() throws Exception {
        fetcher.answering(IMAGE, "\0\0\0\u001cftypavif\0\0\0\0avifmif1".getBytes(StandardCharsets.ISO_8859_1));

        Result result = service.createThumbnails(ID.value(), IMAGE);

        assertThat(result).isEqualTo(Result.skipped(SkipReason.UNSUPPORTED_FORMAT,
                "unsupported format AVIF (thumbnails are made from JPEG, PNG, GIF and WebP)"));
        assertNothingStoredOrEmitted();
    }

    @Test
    void throwsRetryableFetchFailures_forThePlatformToRetry() {
        Fetcher.FetchException timeout = new Fetcher.FetchException(FetchFailure.TIMEOUT, "no answer in 10 s", true, 0);
        fetcher.failing(IMAGE, timeout);

        assertThatThrownBy(() -> service.createThumbnails(ID.value(), IMAGE)).isSameAs(timeout);
        assertNothingStoredOrEmitted();
        assertThat(index.find(ID).orElseThrow().downstream().thumbnails()).isEmpty();
    }

    @Test
    void skipsAUrlTheFetcherRefuses() throws Exception {
        fetcher.failing(IMAGE,
                new Fetcher.FetchException(FetchFailure.URL_NOT_ALLOWED, "resolves to 10.0.0.1", false, 0));

        Result result = service.createThumbnails(ID.value(), IMAGE);

        assertThat(result).isEqualTo(Result.skipped(SkipReason.FETCH_REFUSED,
                "the image could not be fetched: URL_NOT_ALLOWED (resolves to 10.0.0.1)"));
        assertNothingStoredOrEmitted();
    }

    @Test
    void skipsAnArticleTheIndexDoesNotKnow() throws Exception {
        String other = ArticleId.ofUrl("https://example.com/other").value();

        Result result = service.createThumbnails(other, IMAGE);

        assertThat(result).isEqualTo(Result.skipped(SkipReason.ARTICLE_NOT_FOUND,
                "article " + other + " is not in the index"));
        assertThat(fetcher.requests()).isEmpty();
    }

    @Test
    void skipsAnImageUrlThatIsNotHttp() throws Exception {
        Result result = service.createThumbnails(ID.value(), "file:///etc/passwd");

        assertThat(result).isEqualTo(Result.skipped(SkipReason.INVALID_REQUEST,
                "'file:///etc/passwd' is not an absolute http(s) URL"));
        assertThat(fetcher.requests()).isEmpty();
    }

    @Test
    void refusesAConfigurationWithoutWidths() {
        assertThatThrownBy(() -> new ThumbnailService(fetcher, store, index, events, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-empty list of positive pixel counts");
    }

    private void assertNothingStoredOrEmitted() {
        assertThat(store.keys()).isEmpty();
        assertThat(events.published()).isEmpty();
    }

    private String sizeOf(String key) {
        BufferedImage image = TestImages.decode(store.object(key).content());
        return image.getWidth() + "x" + image.getHeight();
    }

    private static Map<String, Object> variant(int width, int height, String key) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("width", width);
        v.put("height", height);
        v.put("objectKey", key);
        return v;
    }

    /** The markers of the segments before the entropy-coded data, up to and including SOS. */
    private static List<Integer> jpegMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
        }
        return markers;
    }

    private static int brightness(int rgb) {
        return (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / 3;
    }
}
