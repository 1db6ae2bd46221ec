package newsroom.media;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import newsroom.core.config.ThumbnailSettings;
import newsroom.core.event.ThumbnailsCreatedDetail;
import newsroom.core.link.ArticleLinker;
import newsroom.core.model.ArticleId;
import newsroom.core.port.ArticleIndex;
import newsroom.core.port.ArticleRecord;
import newsroom.core.port.EventPublisher;
import newsroom.core.port.Fetcher;
import newsroom.core.port.ObjectStore;

/**
 * Makes the thumbnails of an article's image: fetches it through the {@link Fetcher} (kind IMAGE), checks format
 * and header dimensions before decoding ({@link ImageDecoder}), stores one JPEG (PNG when the image has
 * transparency) per configured width (never upscaled; at least one variant) at
 * {@code static/thumbnails/<articleId>/<sha256(imageUrl)[0..12]>-<width>.jpg}, emits {@code ThumbnailsCreated},
 * records the keys in the {@link ArticleIndex}, and finally links them from the article and its translations
 * ({@link ArticleLinker}; not when the site keeps hotlinking). Never makes a new version of the article.
 *
 * <p>Idempotent for at-least-once delivery: an (article, image URL) pair the index already records is not fetched
 * again (only linked). The order is store, emit, record, link, so a crash repeats an event rather than losing one.
 *
 * <p>Errors: an image that can never be used (not an image, unsupported format, truncated, too large, too small,
 * undecodable),
 * a refused URL and an unknown article are {@link Status#SKIPPED} results with a {@link SkipReason}: nothing
 * stored, nothing emitted, not worth a retry. Retryable fetch failures are thrown; store and bus failures pass
 * through; the platform retries both.
 */
public final class ThumbnailService {

    /** Prefix of every thumbnail key. */
    public static final String KEY_PREFIX = "static/thumbnails/";

    private final Fetcher fetcher;
    private final ObjectStore store;
    private final ArticleIndex index;
    private final EventPublisher events;
    private final List<Integer> widths;
    private final ImageDecoder decoder;
    private final ThumbnailRenderer renderer = new ThumbnailRenderer();
    /** null when the site keeps hotlinking */
    private final ArticleLinker linker;

    /** Making variants {@code widths} wide, with the other default {@link ThumbnailSettings}. */
    public ThumbnailService(Fetcher fetcher, ObjectStore store, ArticleIndex index, EventPublisher events,
                            List<Integer> widths) {
        this(fetcher, store, index, events, ThumbnailSettings.defaults().withWidths(widths));
    }

    /** @param settings the variant widths, linking, main width and smallest accepted side (SiteConfig.thumbnails) */
    public ThumbnailService(Fetcher fetcher, ObjectStore store, ArticleIndex index, EventPublisher events,
                            ThumbnailSettings settings) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.store = Objects.requireNonNull(store, "store");
        this.index = Objects.requireNonNull(index, "index");
        this.events = Objects.requireNonNull(events, "events");
        this.widths = settings.widths();
        this.decoder = new ImageDecoder(settings.minSide());
        this.linker = ArticleLinker.forSite(store, index, settings);
    }

    /** What a call did. */
    public enum Status { CREATED, ALREADY_CREATED, SKIPPED }

    /** Why an image was skipped; stable codes for logs and metrics. */
    public enum SkipReason {
        INVALID_REQUEST, ARTICLE_NOT_FOUND, FETCH_REFUSED, NOT_AN_IMAGE, UNSUPPORTED_FORMAT, TRUNCATED,
        DIMENSIONS_TOO_LARGE, TOO_SMALL, DECODE_FAILED
    }

    /** One stored variant. */
    public record Thumbnail(int width, int height, String objectKey) {
    }

    /**
     * @param reason     null unless SKIPPED
     * @param detail     a sentence for people: what exactly was wrong, or null
     * @param created    the variants made by this call (empty unless CREATED)
     * @param objectKeys the keys of the image's thumbnails (made now or earlier); empty when SKIPPED
     * @param linked     what the linking step did to the article's file and each translation's (empty when SKIPPED
     *                   or when the site does not link)
     */
    public record Result(Status status, @Nullable SkipReason reason, @Nullable String detail, List<Thumbnail> created,
                         List<String> objectKeys, List<ArticleLinker.FileOutcome> linked) {
        public Result {
            Objects.requireNonNull(status, "status");
            created = List.copyOf(created);
            objectKeys = List.copyOf(objectKeys);
            linked = List.copyOf(linked);
        }

        static Result skipped(SkipReason reason, String detail) {
            return new Result(Status.SKIPPED, reason, detail, List.of(), List.of(), List.of());
        }
    }

    /**
     * @param articleId the article the image belongs to (24 hex digits)
     * @param imageUrl  the absolute http(s) URL of the image, as in the article's {@code thumbnail}
     * @throws Fetcher.FetchException only when the fetch failed and {@link Fetcher.FetchException#retryable()}
     */
    public Result createThumbnails(String articleId, String imageUrl) throws Fetcher.FetchException {
        if (!ArticleId.isValid(articleId)) {
            return Result.skipped(SkipReason.INVALID_REQUEST, "'" + articleId + "' is not an article id");
        }
        Optional<URI> uri = httpUri(imageUrl);
        if (uri.isEmpty()) {
            return Result.skipped(SkipReason.INVALID_REQUEST, "'" + imageUrl + "' is not an absolute http(s) URL");
        }
        ArticleId id = new ArticleId(articleId);
        Optional<ArticleRecord> record = index.find(id);
        if (record.isEmpty()) {
            return Result.skipped(SkipReason.ARTICLE_NOT_FOUND, "article " + articleId + " is not in the index");
        }
        List<String> existing = record.get().downstream().thumbnails().get(imageUrl);
        if (existing != null) {
            // a redelivery, or a new version of the article: (re)link it with the variants made before
            return new Result(Status.ALREADY_CREATED, null, "already created", List.of(), existing, link(id));
        }
        byte[] image;
        try {
            image = fetch(uri.get());
        } catch (UnusableImageException e) {
            return Result.skipped(e.reason(), e.getMessage());
        }
        List<Variant> variants;
        try {
            variants = render(image, keyBase(id, imageUrl));
        } catch (UnusableImageException e) {
            return Result.skipped(e.reason(), e.getMessage());
        }
        for (Variant variant : variants) {
            store.put(variant.thumbnail().objectKey(), variant.bytes(), variant.contentType());
        }
        List<Thumbnail> thumbnails = variants.stream().map(Variant::thumbnail).toList();
        events.publish(List.of(new ThumbnailsCreatedDetail(id.value(), imageUrl, thumbnails.stream()
                .map(t -> new ThumbnailsCreatedDetail.Variant(t.width(), t.height(), t.objectKey())).toList())
                .toEvent()));
        List<String> keys = thumbnails.stream().map(Thumbnail::objectKey).toList();
        index.recordThumbnails(id, imageUrl, keys);
        return new Result(Status.CREATED, null, null, thumbnails, keys, link(id));
    }

    /** The linking step, after the keys are recorded (so a translator recording later sees them). */
    private List<ArticleLinker.FileOutcome> link(ArticleId id) {
        return linker == null ? List.of() : linker.linkArticle(id).files();
    }

    /** The widths to make from an image {@code originalWidth} wide: the configured ones that are not larger. */
    private List<Integer> widthsFor(int originalWidth) {
        List<Integer> fitting = widths.stream().filter(w -> w <= originalWidth).toList();
        return fitting.isEmpty() ? List.of(originalWidth) : fitting;
    }

    private byte[] fetch(URI uri) throws Fetcher.FetchException, UnusableImageException {
        Fetcher.FetchedResource resource;
        try {
            resource = fetcher.fetch(uri, Fetcher.ContentKind.IMAGE);
        } catch (Fetcher.FetchException e) {
            if (e.retryable()) {
                throw e;
            }
            throw new UnusableImageException(SkipReason.FETCH_REFUSED, "the image could not be fetched: "
                    + e.getMessage());
        }
        if (resource.status() < 200 || resource.status() > 299 || resource.notModified()) {
            throw new UnusableImageException(SkipReason.FETCH_REFUSED, "the image URL answered HTTP "
                    + resource.status());
        }
        if (resource.body().length == 0) {
            throw new UnusableImageException(SkipReason.NOT_AN_IMAGE, "the image URL returned an empty body");
        }
        return resource.body();
    }

    /** A thumbnail and its encoded bytes, before storing. */
    private record Variant(Thumbnail thumbnail, byte[] bytes, String contentType) {
    }

    private List<Variant> render(byte[] image, String keyBase) throws UnusableImageException {
        ImageDecoder.DecodedImage decoded = decoder.decode(image, original -> {
            List<Integer> planned = widthsFor(original);
            return planned.get(planned.size() - 1);
        });
        BufferedImage pixels = decoded.pixels();
        ThumbnailRenderer.Output output = ThumbnailRenderer.outputFor(pixels);
        List<Variant> variants = new ArrayList<>();
        for (int width : widthsFor(decoded.originalWidth())) {
            ThumbnailRenderer.Rendered rendered = renderer.render(pixels, Math.min(width, pixels.getWidth()), output);
            variants.add(new Variant(new Thumbnail(rendered.width(), rendered.height(),
                    keyBase + "-" + width + "." + output.extension), rendered.bytes(), output.contentType));
        }
        return variants;
    }

    /** {@code static/thumbnails/<articleId>/<first 12 hex of sha256(imageUrl)>} */
    private static String keyBase(ArticleId id, String imageUrl) {
        return KEY_PREFIX + id.value() + "/"
                + ArticleId.sha256Hex(imageUrl.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }

    private static Optional<URI> httpUri(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
