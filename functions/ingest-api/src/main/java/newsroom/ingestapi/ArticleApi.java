package newsroom.ingestapi;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import newsroom.core.config.SiteConfig;
import newsroom.core.date.DateParser;
import newsroom.core.ingest.IngestOutcome;
import newsroom.core.ingest.IngestService;
import newsroom.core.model.ArticleId;
import newsroom.core.model.CanonicalFrontMatter;
import newsroom.core.model.Rfc3339;
import newsroom.core.model.SourceContext;
import newsroom.core.observe.Telemetry;
import newsroom.core.port.ArticleIndex;
import newsroom.core.port.ArticleIndex.ConcurrentUpdateException;
import newsroom.core.port.ArticleIndex.ListQuery;
import newsroom.core.port.ArticleRecord;
import newsroom.core.port.FetchQueue;
import newsroom.core.port.FetchQueue.FetchRequest;
import newsroom.core.port.ObjectStore;
import newsroom.core.text.LanguageTags;

/**
 * The HTTP API of Newsroom Ingest, independent of API Gateway:
 * <ul>
 *   <li>{@code POST /articles} {@code {"url": …}} → URL checked, queued for the article fetcher → 202;</li>
 *   <li>{@code POST /articles} with {@code Content-Type: text/markdown} → ingested now → 201 (stored or updated),
 *       200 (unchanged), 422 (rejected);</li>
 *   <li>{@code GET /articles/{id}} → the index record, or 404;</li>
 *   <li>{@code GET /articles?lang=&tag=&since=&limit=&cursor=} → one page, newest first, filtered as
 *       {@link ListQuery} defines ({@code lang} a BCP 47 tag and {@code tag} in any case, {@code since} a date-time
 *       or a date).</li>
 * </ul>
 * Every error is a problem document with a {@code detail} that says what to change; no stack trace ever leaves.
 * Bodies over {@link #MAX_BODY_BYTES} are refused with 413.
 */
final class ArticleApi {

    static final int MAX_BODY_BYTES = 1024 * 1024;
    static final int MAX_URL_CHARS = 2048;
    static final int DEFAULT_LIMIT = 20;
    /** Source name of everything that arrives through the API (logs, metrics, events). */
    static final String SOURCE = "api";

    private static final Set<String> LIST_PARAMETERS = Set.of("lang", "tag", "since", "limit", "cursor");
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build()).build());

    private final IngestService ingest;
    private final ArticleIndex index;
    private final ObjectStore store;
    private final FetchQueue queue;
    private final UrlCheck urlCheck;
    private final SiteConfig site;
    private final Telemetry telemetry;

    ArticleApi(IngestService ingest, ArticleIndex index, ObjectStore store, FetchQueue queue, UrlCheck urlCheck,
               SiteConfig site, Telemetry telemetry) {
        this.ingest = Objects.requireNonNull(ingest, "ingest");
        this.index = Objects.requireNonNull(index, "index");
        this.store = Objects.requireNonNull(store, "store");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.urlCheck = Objects.requireNonNull(urlCheck, "urlCheck");
        this.site = Objects.requireNonNull(site, "site");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    }

    ApiResponse handle(ApiRequest request) {
        if (request.body().length > MAX_BODY_BYTES) {
            return ApiResponse.problem(413, "body-too-large", "Request body too large",
                    "the body is " + request.body().length + " bytes; the limit is " + MAX_BODY_BYTES);
        }
        String path = request.path().endsWith("/") && request.path().length() > 1
                ? request.path().substring(0, request.path().length() - 1) : request.path();
        try {
            if (path.equals("/articles")) {
                return switch (request.method()) {
                    case "POST" -> submit(request);
                    case "GET" -> list(request.query());
                    default -> methodNotAllowed(request.method(), path, "GET, POST");
                };
            }
            if (path.startsWith("/articles/") && path.indexOf('/', "/articles/".length()) < 0) {
                return request.method().equals("GET") ? get(path.substring("/articles/".length()))
                        : methodNotAllowed(request.method(), path, "GET");
            }
            return ApiResponse.problem(404, "not-found", "Not found", "no resource at " + path
                    + "; the API serves /articles and /articles/{id}");
        } catch (ConcurrentUpdateException e) {
            telemetry.warn("api.conflict", Map.of("path", path, "detail", String.valueOf(e.getMessage())));
            return ApiResponse.problem(409, "concurrent-update", "Concurrent update",
                    "the article changed while this request was processed; send it again");
        } catch (RuntimeException e) {
            telemetry.error("api.failed", Map.of("method", request.method(), "path", path,
                    "detail", String.valueOf(e.getMessage())), e);
            return ApiResponse.problem(500, "internal-error", "Internal error",
                    "the request could not be completed; it is safe to send it again");
        }
    }

    private ApiResponse submit(ApiRequest request) {
        String mediaType = request.mediaType();
        if (mediaType.equals("text/markdown")) {
            return ingestMarkdown(request.body());
        }
        if (mediaType.equals("application/json")) {
            return submitUrl(request.body());
        }
        return ApiResponse.problem(415, "unsupported-media-type", "Unsupported media type",
                "send application/json {\"url\": \"https://…\"} or text/markdown with front matter; got '"
                        + (mediaType.isEmpty() ? "no Content-Type" : mediaType) + "'");
    }

    private ApiResponse submitUrl(byte[] body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            return invalidRequest("the body is not valid JSON; send {\"url\": \"https://…\"}");
        }
        if (node == null || !node.isObject() || !node.path("url").isTextual()) {
            return invalidRequest("the body must be a JSON object with a \"url\" string");
        }
        String url = node.get("url").asText().trim();
        if (url.length() > MAX_URL_CHARS) {
            return invalidUrl("the URL is " + url.length() + " characters; the limit is " + MAX_URL_CHARS);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return invalidUrl("not a URL: " + e.getReason());
        }
        if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http")
                || uri.getScheme().equalsIgnoreCase("https")) || uri.getHost() == null) {
            return invalidUrl("only absolute http and https URLs can be fetched: " + url);
        }
        Optional<String> refusal = urlCheck.refusal(uri);
        if (refusal.isPresent()) {
            telemetry.warn("api.url-refused", Map.of("source", SOURCE, "url", url, "reason", refusal.get()));
            telemetry.count("ArticlesRejected", SOURCE);
            return ApiResponse.problem(422, "url-not-allowed", "URL not allowed",
                    "this URL may not be fetched: " + refusal.get());
        }
        queue.enqueue(List.of(new FetchRequest(url, SOURCE, 0)));
        ArticleId id = ArticleId.ofUrl(url);
        telemetry.info("api.queued", Map.of("articleId", id.value(), "source", SOURCE, "url", url));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", id.value());
        result.put("status", "queued");
        result.put("url", url);
        return ApiResponse.json(202, result);
    }

    private ApiResponse ingestMarkdown(byte[] body) {
        SourceContext context = new SourceContext(SOURCE, null, null, site.timeZone(),
                site.languages().defaultLanguage(), List.of(), List.of());
        IngestOutcome outcome = ingest.ingestMarkdown(body, context);
        if (outcome instanceof IngestOutcome.Rejected rejected) {
            String code = rejected.rejection().code().name();
            return ApiResponse.problem(422, code.toLowerCase(Locale.ROOT).replace('_', '-'),
                    "Article rejected (" + code + ")", rejected.rejection().detail());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        IngestOutcome.Ingested ingested = (IngestOutcome.Ingested) outcome;
        result.put("id", ingested.id().value());
        result.put("status", outcome.status().word());
        result.put("version", ingested.version());
        result.put("objectKey", ingested.objectKey());
        if (ingested.duplicateOf() != null) {
            result.put("duplicateOf", ingested.duplicateOf().value());
        }
        result.put("frontMatter", frontMatter(ingested.article().frontMatter()));
        return ApiResponse.json(outcome.status() == IngestOutcome.Status.UNCHANGED ? 200 : 201, result);
    }

    private ApiResponse get(String id) {
        if (!ArticleId.isValid(id)) {
            return invalidRequest("'" + id + "' is not an article id (24 lower-case hex digits)");
        }
        return index.find(new ArticleId(id)).map(r -> ApiResponse.json(200, view(r)))
                .orElseGet(() -> ApiResponse.problem(404, "article-not-found", "Article not found",
                        "no article with id " + id));
    }

    private ApiResponse list(Map<String, String> query) {
        for (String name : query.keySet()) {
            if (!LIST_PARAMETERS.contains(name)) {
                return invalidRequest(
                        "unknown query parameter '" + name + "' (known: cursor, lang, limit, since, tag)");
            }
        }
        String lang = blankToNull(query.get("lang"));
        if (lang != null) {
            Optional<String> canonical = LanguageTags.normalize(lang);
            if (canonical.isEmpty()) {
                return invalidRequest("lang: '" + lang + "' is not a language tag such as en or pt-BR");
            }
            lang = canonical.get();
        }
        String tag = blankToNull(query.get("tag"));
        if (tag != null && tag.length() > 100) {
            return invalidRequest("tag: longer than 100 characters");
        }
        String since = blankToNull(query.get("since"));
        if (since != null) {
            try {
                ListQuery.parseSince(since);
            } catch (IllegalArgumentException e) {
                return invalidRequest("since: '" + since + "' is not an RFC 3339 date-time such as "
                        + "2025-02-12T00:00:00Z or a date such as 2025-02-12");
            }
        }
        int limit = DEFAULT_LIMIT;
        String rawLimit = blankToNull(query.get("limit"));
        if (rawLimit != null) {
            try {
                limit = Integer.parseInt(rawLimit);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 100) {
                return invalidRequest("limit: '" + rawLimit + "' must be a whole number from 1 to 100");
            }
        }
        ArticleIndex.Page page;
        try {
            page = index.list(new ListQuery(lang, tag, since, limit, blankToNull(query.get("cursor"))));
        } catch (IllegalArgumentException e) {
            return invalidRequest("cursor: " + e.getMessage());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("items", page.items().stream().map(this::view).toList());
        result.put("nextCursor", page.nextCursor());
        return ApiResponse.json(200, result);
    }

    /** What the API shows of an index record: metadata and pointers, not the protocol's internal marks. */
    private Map<String, Object> view(ArticleRecord r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", r.id().value());
        view.put("version", r.version());
        ArticleRecord.Listing listing = r.listing();
        view.put("title", listing.title());
        view.put("slug", listing.slug());
        view.put("lang", listing.lang());
        view.put("date", Rfc3339.format(listing.date()));
        view.put("tags", listing.tags());
        view.put("categories", listing.categories());
        view.put("thumbnail", listing.thumbnail());
        view.put("url", r.origin().canonicalUrl());
        view.put("objectKey", r.file().objectKey());
        view.put("location", store.locationOf(r.file().objectKey()));
        view.put("contentHash", r.file().contentHash());
        view.put("translations", new TreeMap<>(r.downstream().translations()));
        view.put("thumbnails", new TreeMap<>(r.downstream().thumbnails()));
        view.put("updatedAt", Rfc3339.format(r.updatedAt()));
        return view;
    }

    /**
     * The front matter as the response shows it: every canonical field in the written order, absent ones as null,
     * dates as RFC 3339 text, {@code source} as {@code {url, canonical}}, {@code hugo} and {@code params} as maps.
     */
    private static Map<String, Object> frontMatter(CanonicalFrontMatter fm) {
        CanonicalFrontMatter.Header header = fm.header();
        CanonicalFrontMatter.Taxonomy taxonomy = fm.taxonomy();
        CanonicalFrontMatter.ThemeFlags theme = fm.theme();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", header.title());
        view.put("date", DateParser.format(header.date()));
        view.put("summary", header.summary());
        view.put("categories", taxonomy.categories());
        view.put("lang", taxonomy.lang());
        view.put("translations", taxonomy.translations());
        view.put("tags", taxonomy.tags());
        view.put("menu", theme.menu());
        view.put("thumbnail", fm.thumbnail());
        view.put("lead", theme.lead());
        view.put("comments", theme.comments());
        view.put("authorbox", theme.authorbox());
        view.put("pager", theme.pager());
        view.put("toc", theme.toc());
        view.put("mathjax", theme.mathjax());
        view.put("sidebar", theme.sidebar());
        view.put("widgets", theme.widgets());
        view.put("slug", header.slug());
        view.put("lastmod", header.lastmod() == null ? null : DateParser.format(header.lastmod()));
        view.put("author", header.author());
        Map<String, Object> source = null;
        if (fm.source() != null) {
            source = new LinkedHashMap<>();
            source.put("url", fm.source().url());
            source.put("canonical", fm.source().canonical());
        }
        view.put("source", source);
        view.put("hugo", fm.hugo());
        view.put("params", fm.params());
        return view;
    }

    private static ApiResponse invalidRequest(String detail) {
        return ApiResponse.problem(400, "invalid-request", "Invalid request", detail);
    }

    private static ApiResponse invalidUrl(String detail) {
        return ApiResponse.problem(400, "invalid-url", "Invalid URL", detail);
    }

    private static ApiResponse methodNotAllowed(String method, String path, String allowed) {
        return ApiResponse.problem(405, "method-not-allowed", "Method not allowed",
                method + " is not allowed on " + path + "; use " + allowed);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
