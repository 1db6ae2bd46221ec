package newsroom.core.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import newsroom.core.date.DateParser;
import newsroom.core.model.Rejection;
import newsroom.core.model.SourceContext;
import newsroom.core.observe.Telemetry;
import newsroom.core.port.Fetcher;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.port.Fetcher.FetchedResource;

/**
 * Fetches one article page and ingests it: the work of the article fetcher function and of
 * {@code ./newsroom ingest URL}. Permanent fetch failures (URL not allowed, 404, not HTML) become rejected outcomes;
 * transient ones are thrown as {@link FetchException} with {@code retryable() == true} so the caller re-queues.
 */
public final class ArticleFetchService {

    private final Fetcher fetcher;
    private final IngestService ingest;
    private final Telemetry telemetry;

    public ArticleFetchService(Fetcher fetcher, IngestService ingest, Telemetry telemetry) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.ingest = Objects.requireNonNull(ingest, "ingest");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    public IngestOutcome fetchAndIngest(String url, SourceContext context) throws FetchException {
        return fetchAndIngest(url, context, null);
    }

    /**
     * Like {@link #fetchAndIngest(String, SourceContext)}, with the whole fetch (robots.txt, politeness wait,
     * attempts, backoff) bounded by {@code fetchBudget}; null for the fetcher's own per-attempt limits only.
     */
    public IngestOutcome fetchAndIngest(String url, SourceContext context, @Nullable Duration fetchBudget)
            throws FetchException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return IngestOutcome.rejected(new Rejection(Rejection.Code.INVALID_URL, "not a URL: " + e.getReason()));
        }
        FetchedResource page;
        try {
            page = fetchBudget == null ? fetcher.fetch(uri, Fetcher.ContentKind.HTML)
                    : fetcher.fetch(uri, Fetcher.ContentKind.HTML, Map.of(), fetchBudget);
        } catch (FetchException e) {
            telemetry.warn("fetch.failed", Map.of("source", context.name(), "url", url, "reason", e.reason(),
                    "retryable", e.retryable()));
            telemetry.count("FetchErrors", context.name());
            if (e.retryable()) {
                throw e;
            }
            return IngestOutcome.rejected(rejectionOf(e));
        }
        return ingestPage(page, context);
    }

    /**
     * The rejection for a permanent fetch failure, its code said once: {@code URL_NOT_ALLOWED (detail)},
     * {@code UNSUPPORTED_INPUT (detail)}, or {@code FETCH_FAILED (REASON: detail)} for the other fetch reasons.
     */
    public static Rejection rejectionOf(FetchException e) {
        return switch (e.reason()) {
            case URL_NOT_ALLOWED -> new Rejection(Rejection.Code.URL_NOT_ALLOWED, e.detail());
            case UNSUPPORTED_INPUT -> new Rejection(Rejection.Code.UNSUPPORTED_INPUT, e.detail());
            default -> new Rejection(Rejection.Code.FETCH_FAILED, e.reason() + ": " + e.detail());
        };
    }

    /** Ingests a page that was already fetched (e.g. by URL classification), without fetching it again. */
    public IngestOutcome ingestPage(FetchedResource page, SourceContext context) {
        String html = HtmlDecoding.decode(page.body(), page.charset());
        SourceContext pageContext = context.withUrl(page.finalUri().toString())
                .withDateHints(context.dateHints().withLastModified(lastModified(page)));
        return ingest.ingestHtml(html, pageContext);
    }

    /** The response's {@code Last-Modified} (kept among the validators), or null when absent or unreadable. */
    private static Instant lastModified(FetchedResource page) {
        for (Map.Entry<String, String> validator : page.validators().entrySet()) {
            if (validator.getKey().equalsIgnoreCase("Last-Modified")) {
                return DateParser.strict().parse(validator.getValue(), ZoneOffset.UTC).map(OffsetDateTime::toInstant)
                        .orElse(null);
            }
        }
        return null;
    }
}
