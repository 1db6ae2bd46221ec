package newsroom.core.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import newsroom.core.config.SiteConfig;
import newsroom.core.event.ArticleEvent;
import newsroom.core.event.DetailType;
import newsroom.core.event.StoredArticleDetail;
import newsroom.core.frontmatter.FrontMatterNormalizer;
import newsroom.core.frontmatter.FrontMatterNormalizer.InputKind;
import newsroom.core.frontmatter.FrontMatterParser;
import newsroom.core.link.ThumbnailLinks;
import newsroom.core.translate.StoredArticle;
import newsroom.core.model.ArticleId;
import newsroom.core.model.ArticleRejectedException;
import newsroom.core.model.CanonicalFrontMatter;
import newsroom.core.model.NormalizedArticle;
import newsroom.core.model.RawArticle;
import newsroom.core.model.Rejection;
import newsroom.core.model.SourceContext;
import newsroom.core.observe.Telemetry;
import newsroom.core.port.ArticleIndex;
import newsroom.core.port.ArticleRecord;
import newsroom.core.port.EventPublisher;
import newsroom.core.port.HtmlArticleExtractor;
import newsroom.core.port.ObjectStore;
import newsroom.core.url.CanonicalUrls;

/**
 * The ingest pipeline shared by the Lambda handlers and the local CLI: input → normalize → dedup → store the
 * Markdown → commit the index record → emit {@code ArticleStored} / {@code ArticleUpdated}.
 *
 * <p>Store/emit protocol (see {@code docs/store-emit-protocol.md}); every step is safe to repeat, so a crash
 * anywhere followed by redelivery of the same input converges:
 * <ol>
 *   <li>put the Markdown at the article's stable object key (same bytes for the same content: idempotent);</li>
 *   <li>commit the index record conditionally on the version read, with the event marked pending;</li>
 *   <li>publish the event;</li>
 *   <li>clear the pending mark.</li>
 * </ol>
 * A redelivered input whose content equals the committed version re-publishes when the mark is still there, and
 * does nothing when it is not. Unchanged input stores nothing and emits nothing.
 *
 * <p>When the index records thumbnails for the article's image (and the site links them), the stored Markdown is
 * the normalized Markdown with {@link ThumbnailLinks} applied, and the content hash is that file's; input whose
 * normalized Markdown hashes to the current version, linked or not yet linked, is unchanged.
 *
 * <p>Rejections (bad input) are returned as outcomes; infrastructure failures are thrown so the caller (or the
 * platform) retries.
 */
public final class IngestService {

    private static final String MARKDOWN_TYPE = "text/markdown; charset=utf-8";
    private static final String DATE_SOURCE = "dateSource";
    private static final String FIRST_SEEN = "first-seen";
    /** Bodies shorter than this are too generic to prove two URLs carry the same story. */
    private static final int MIN_FINGERPRINT_CHARS = 200;

    private final SiteConfig config;
    private final FrontMatterParser parser = new FrontMatterParser();
    private final FrontMatterNormalizer normalizer;
    private final ObjectStore store;
    private final ArticleIndex index;
    private final EventPublisher publisher;
    private final HtmlArticleExtractor extractor;
    private final Telemetry telemetry;
    private final Clock clock;
    /** null when the site keeps hotlinking ({@code thumbnails: {link: false}}) */
    private final ThumbnailLinks links;

    /**
     * @param extractor for HTML inputs; null when this deployment takes no HTML (HTML inputs are then rejected)
     */
    public IngestService(SiteConfig config, ObjectStore store, ArticleIndex index, EventPublisher publisher,
                         HtmlArticleExtractor extractor, Telemetry telemetry, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.normalizer = new FrontMatterNormalizer(config, Objects.requireNonNull(clock, "clock"));
        this.store = Objects.requireNonNull(store, "store");
        this.index = Objects.requireNonNull(index, "index");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.extractor = extractor;
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.links = config.thumbnails().link() ? new ThumbnailLinks(config.thumbnails().mainWidth()) : null;
    }

    /** A Markdown file with front matter (YAML, TOML or JSON). */
    public IngestOutcome ingestMarkdown(byte[] file, SourceContext context) {
        return guarded(context, InputKind.FRONT_MATTER, () -> parser.parse(file));
    }

    /** A web page (decoded); the article is extracted, then ingested like any other input. */
    public IngestOutcome ingestHtml(String html, SourceContext context) {
        return guarded(context, InputKind.WEB_PAGE, () -> {
            if (extractor == null) {
                throw new ArticleRejectedException(Rejection.Code.UNSUPPORTED_INPUT,
                        "HTML input is not supported by this function");
            }
            return extractor.extract(html, context.url());
        });
    }

    /** An already parsed article (e.g. from a feed item or the API). */
    public IngestOutcome ingest(RawArticle raw, SourceContext context) {
        return guarded(context, InputKind.FRONT_MATTER, () -> raw);
    }

    private interface RawSupplier {
        RawArticle get();
    }

    private IngestOutcome guarded(SourceContext context, InputKind kind, RawSupplier input) {
        NormalizedArticle article;
        String url;
        try {
            RawArticle raw = input.get();
            SourceContext seen = context.dateHints().firstSeen() != null ? context
                    : context.withDateHints(context.dateHints().withFirstSeen(clock.instant()));
            article = normalizer.normalize(raw, seen, kind);
            url = canonicalUrl(article.frontMatter());
            if (FIRST_SEEN.equals(article.frontMatter().params().get(DATE_SOURCE))) {
                article = withStoredFirstSeen(raw, seen, kind, article, url);
            }
        } catch (ArticleRejectedException e) {
            Rejection rejection = e.rejection();
            telemetry.warn("article.rejected", Map.of("source", context.name(), "input", inputName(context),
                    "reason", rejection.code().name(), "detail", rejection.detail()));
            telemetry.count("ArticlesRejected", context.name());
            return IngestOutcome.rejected(rejection);
        }
        for (NormalizedArticle.Warning warning : article.warnings()) {
            telemetry.warn("frontmatter.value-dropped", Map.of("source", context.name(), "input", inputName(context),
                    "field", warning.field(), "detail", warning.detail()));
        }
        return store(article, url, context);
    }

    /**
     * An article dated by when it was first seen keeps that date: when the index already holds it, the date
     * stored then is the first-seen time (so ingesting the same page again changes nothing).
     */
    private NormalizedArticle withStoredFirstSeen(RawArticle raw, SourceContext context, InputKind kind,
                                                  NormalizedArticle article, String url) {
        Optional<ArticleRecord> stored = index.find(identity(article.frontMatter(), context, url));
        if (stored.isEmpty() || stored.get().date() == null) {
            return article;
        }
        Instant firstSeen = OffsetDateTime.parse(stored.get().date()).toInstant();
        return normalizer.normalize(raw, context.withDateHints(context.dateHints().withFirstSeen(firstSeen)), kind);
    }

    private IngestOutcome store(NormalizedArticle article, String url, SourceContext context) {
        CanonicalFrontMatter fm = article.frontMatter();
        byte[] canonical = article.markdown().getBytes(StandardCharsets.UTF_8);
        ArticleId id = identity(fm, context, url);
        Optional<ArticleRecord> current = index.find(id);
        // thumbnails made for an earlier version are linked right away, so an update never unlinks the article
        byte[] bytes = current.map(r -> linked(canonical, r)).orElse(canonical);
        String contentHash = ArticleId.sha256Hex(bytes);

        if (current.isPresent() && (current.get().contentHash().equals(contentHash)
                || current.get().contentHash().equals(ArticleId.sha256Hex(canonical)))) {
            // the same content, linked or (linking still to come) not
            ArticleRecord record = current.get();
            if (record.isPending()) {
                // An earlier attempt committed this version but may not have published: finish its job.
                emit(record, record.pendingEvent(), context);
                return outcome(record.pendingEvent() == DetailType.ARTICLE_STORED
                        ? IngestOutcome.Status.STORED : IngestOutcome.Status.UPDATED, record, article);
            }
            if (url != null && !record.sourceUrls().contains(sourceUrl(fm, url))) {
                index.addSourceUrl(id, sourceUrl(fm, url));
            }
            telemetry.info("article.unchanged", Map.of("articleId", id.value(), "source", context.name(),
                    "version", record.version()));
            telemetry.count("ArticlesUnchanged", context.name());
            return outcome(IngestOutcome.Status.UNCHANGED, record, article);
        }

        String fingerprint = fingerprint(article.body(), url);
        if (current.isEmpty() && fingerprint != null) {
            ArticleId owner = index.claim("fp:" + fingerprint, id);
            if (!owner.equals(id)) {
                index.addSourceUrl(owner, sourceUrl(fm, url));
                telemetry.info("article.duplicate", Map.of("articleId", owner.value(), "source", context.name(),
                        "url", url));
                telemetry.count("ArticlesUnchanged", context.name());
                ArticleRecord ownerRecord = index.find(owner).orElse(null);
                return new IngestOutcome.Ingested(IngestOutcome.Status.UNCHANGED, owner,
                        ownerRecord == null ? 0 : ownerRecord.version(),
                        ownerRecord == null ? null : ownerRecord.objectKey(),
                        ownerRecord == null ? null : store.locationOf(ownerRecord.objectKey()), article, owner);
            }
        }

        if (current.isPresent() && current.get().isPending()) {
            // The previous version was committed but its event may never have gone out: announce it first, so
            // every version gets at least one event even when a newer content overtakes a redelivery.
            emit(current.get(), current.get().pendingEvent(), context);
        }
        long version = current.map(r -> r.version() + 1).orElse(1L);
        String key = current.map(ArticleRecord::objectKey).orElseGet(() -> allocateKey(fm, id));
        DetailType detailType = current.isPresent() ? DetailType.ARTICLE_UPDATED : DetailType.ARTICLE_STORED;

        store.put(key, bytes, MARKDOWN_TYPE);
        Set<String> urls = new LinkedHashSet<>(current.map(ArticleRecord::sourceUrls).orElse(Set.of()));
        if (url != null) {
            urls.add(sourceUrl(fm, url));
        }
        ArticleRecord record = new ArticleRecord(id, version, contentHash, key, fm.title(), fm.slug(),
                fm.language(), fm.date(), fm.tags(), fm.categories(), fm.thumbnail(), url, urls, fingerprint,
                detailType, null, null, null, OffsetDateTime.now(clock).toString());
        index.commit(record, current.map(ArticleRecord::version).orElse(0L));
        emit(record, detailType, context);
        return outcome(current.isPresent() ? IngestOutcome.Status.UPDATED : IngestOutcome.Status.STORED, record,
                article);
    }

    /** The Markdown with the thumbnails {@code record} holds for its image linked, when the site links them. */
    private byte[] linked(byte[] markdown, ArticleRecord record) {
        if (links == null || record.thumbnails().isEmpty()) {
            return markdown;
        }
        try {
            return links.link(markdown, record.thumbnails());
        } catch (StoredArticle.UnreadableArticleException e) {
            // cannot happen for the normalizer's own output; storing it unlinked beats failing the article
            telemetry.warn("article.link-skipped", Map.of("articleId", record.id().value(), "reason", e.getMessage()));
            return markdown;
        }
    }

    private void emit(ArticleRecord record, DetailType detailType, SourceContext context) {
        ArticleEvent event = ArticleEvent.of(detailType, eventDetail(record, context).toMap());
        publisher.publish(List.of(event));
        index.clearPending(record.id(), record.version());
        telemetry.info(detailType == DetailType.ARTICLE_STORED ? "article.stored" : "article.updated",
                Map.of("articleId", record.id().value(), "source", context.name(), "version", record.version(),
                        "objectKey", record.objectKey()));
        telemetry.count(detailType == DetailType.ARTICLE_STORED ? "ArticlesStored" : "ArticlesUpdated",
                context.name());
    }

    /** The event detail: pointers and small metadata only, never the body (see docs/events.md). */
    private StoredArticleDetail eventDetail(ArticleRecord record, SourceContext context) {
        String thumbnail = record.thumbnail() != null && record.thumbnail().startsWith("http") ? record.thumbnail()
                : null;
        List<String> targets = config.targetLanguages().stream()
                .filter(t -> !t.equalsIgnoreCase(record.lang())).toList();
        return new StoredArticleDetail(record.id().value(), record.version(), record.contentHash(), record.lang(),
                record.slug(), record.title(), record.date(), record.objectKey(), store.locationOf(record.objectKey()),
                thumbnail, targets, context.name(), record.canonicalUrl());
    }

    private IngestOutcome outcome(IngestOutcome.Status status, ArticleRecord record, NormalizedArticle article) {
        return new IngestOutcome.Ingested(status, record.id(), record.version(), record.objectKey(),
                store.locationOf(record.objectKey()), article, null);
    }

    /**
     * The article's object key from the configured pattern. The key is claimed in the index so two articles never
     * share a file; on a clash (same slug, same month) the id's first 8 digits are appended to the slug.
     */
    private String allocateKey(CanonicalFrontMatter fm, ArticleId id) {
        String key = expandPattern(fm, fm.slug(), id);
        if (index.claim("key:" + key, id).equals(id)) {
            return key;
        }
        String unique = expandPattern(fm, fm.slug() + "-" + id.value().substring(0, 8), id);
        index.claim("key:" + unique, id);
        return unique;
    }

    private String expandPattern(CanonicalFrontMatter fm, String slug, ArticleId id) {
        OffsetDateTime date = OffsetDateTime.parse(fm.date());
        return config.pathPattern()
                .replace("{lang}", fm.language().toLowerCase(Locale.ROOT))
                .replace("{yyyy}", String.format("%04d", date.getYear()))
                .replace("{mm}", String.format("%02d", date.getMonthValue()))
                .replace("{dd}", String.format("%02d", date.getDayOfMonth()))
                .replace("{slug}", slug)
                .replace("{id}", id.value());
    }

    /**
     * The identity URL: the fetched URL normalized (tracking parameters dropped), replaced by the page's declared
     * canonical when that is on the same site; null for articles without any URL.
     *
     * @throws ArticleRejectedException INVALID_URL for a URL that is not absolute http(s)
     */
    private static String canonicalUrl(CanonicalFrontMatter fm) {
        if (fm.source() == null) {
            return null;
        }
        if (fm.source().url() != null) {
            return CanonicalUrls.canonicalize(fm.source().url(), fm.source().canonical());
        }
        return fm.source().canonical() == null ? null : CanonicalUrls.normalize(fm.source().canonical());
    }

    private static String sourceUrl(CanonicalFrontMatter fm, String canonical) {
        return fm.source() != null && fm.source().url() != null ? fm.source().url() : canonical;
    }

    /**
     * Web articles are identified by their canonical URL; files by their path; anything else (e.g. Markdown posted
     * to the API without a URL) by language, date and slug.
     */
    private static ArticleId identity(CanonicalFrontMatter fm, SourceContext context, String url) {
        if (url != null) {
            return ArticleId.ofUrl(url);
        }
        if (context.path() != null) {
            return ArticleId.ofSourcePath(context.path());
        }
        return ArticleId.ofSourcePath("untitled/" + fm.language() + "/" + fm.date() + "/" + fm.slug());
    }

    /**
     * Same-story fingerprint for web articles: SHA-256 of the body's letters and digits, lower-cased. Files and
     * short bodies get none (a path is identity enough; short texts collide too easily).
     */
    static String fingerprint(String body, String url) {
        if (url == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(body.length());
        body.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(text::appendCodePoint);
        if (text.length() < MIN_FINGERPRINT_CHARS) {
            return null;
        }
        return ArticleId.sha256Hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String inputName(SourceContext context) {
        return context.url() != null ? context.url() : String.valueOf(context.path());
    }
}
