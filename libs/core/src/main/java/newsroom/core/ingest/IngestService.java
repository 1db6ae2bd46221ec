package newsroom.core.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import newsroom.core.config.SiteConfig;
import newsroom.core.date.DateParser;
import newsroom.core.event.ArticleEvent;
import newsroom.core.event.DetailType;
import newsroom.core.event.StoredArticleDetail;
import newsroom.core.frontmatter.FrontMatterNormalizer;
import newsroom.core.frontmatter.FrontMatterNormalizer.InputKind;
import newsroom.core.frontmatter.FrontMatterParser;
import newsroom.core.link.ThumbnailLinks;
import newsroom.core.model.ArticleId;
import newsroom.core.model.ArticleRejectedException;
import newsroom.core.model.CanonicalFrontMatter;
import newsroom.core.model.NormalizedArticle;
import newsroom.core.model.RawArticle;
import newsroom.core.model.Rejection;
import newsroom.core.model.Rfc3339;
import newsroom.core.model.SourceContext;
import newsroom.core.observe.Telemetry;
import newsroom.core.port.ArticleIndex;
import newsroom.core.port.ArticleRecord;
import newsroom.core.port.EventPublisher;
import newsroom.core.port.HtmlArticleExtractor;
import newsroom.core.port.ObjectStore;
import newsroom.core.translation.StoredArticle;
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
    /** empty when this deployment takes no HTML */
    private final Optional<HtmlArticleExtractor> extractor;
    private final Telemetry telemetry;
    private final Clock clock;
    /** null when the site keeps hotlinking ({@code thumbnails: {link: false}}) */
    private final @Nullable ThumbnailLinks links;

    /** For a deployment that takes no HTML: HTML inputs are rejected (UNSUPPORTED_INPUT). */
    public IngestService(SiteConfig config, ObjectStore store, ArticleIndex index, EventPublisher publisher,
                         Telemetry telemetry, Clock clock) {
        this(config, store, index, publisher, Optional.empty(), telemetry, clock);
    }

    /** @param extractor reads the article out of HTML inputs */
    public IngestService(SiteConfig config, ObjectStore store, ArticleIndex index, EventPublisher publisher,
                         HtmlArticleExtractor extractor, Telemetry telemetry, Clock clock) {
        this(config, store, index, publisher, Optional.of(extractor), telemetry, clock);
    }

    private IngestService(SiteConfig config, ObjectStore store, ArticleIndex index, EventPublisher publisher,
                          Optional<HtmlArticleExtractor> extractor, Telemetry telemetry, Clock clock) {
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
            HtmlArticleExtractor reader = extractor.orElseThrow(() -> new ArticleRejectedException(
                    Rejection.Code.UNSUPPORTED_INPUT, "HTML input is not supported by this function"));
            return reader.extract(html, context.url());
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
        if (stored.isEmpty()) {
            return article;
        }
        Instant firstSeen = stored.get().listing().date().toInstant();
        return normalizer.normalize(raw, context.withDateHints(context.dateHints().withFirstSeen(firstSeen)), kind);
    }

    /**
     * One normalized input on its way to the store: its identity, the bytes it would be stored as, and the index's
     * current record of it (empty for an article never stored).
     *
     * @param bytes the Markdown, with the thumbnails the current record holds already linked
     * @param url   the identity URL, or null for articles without one
     */
    private record Arrival(NormalizedArticle article, @Nullable String url, SourceContext context, ArticleId id,
                           Optional<ArticleRecord> current, byte[] bytes, String contentHash) {

        /** The current version has this content, linked or (linking still to come) not. */
        boolean sameContentAsCurrent() {
            return current.isPresent() && (current.get().file().contentHash().equals(contentHash)
                    || current.get().file().contentHash().equals(
                            ArticleId.sha256Hex(article.markdown().getBytes(StandardCharsets.UTF_8))));
        }

        /** The URL this input was seen under (the fetched one, else the identity URL). */
        @Nullable String sourceUrl() {
            return IngestService.sourceUrl(article.frontMatter(), url);
        }
    }

    /**
     * The store/emit protocol's cases: the same content as the current version (a pending event to finish, or
     * nothing to do), the same story already stored under another URL, or a new version to store and announce.
     */
    private IngestOutcome store(NormalizedArticle article, @Nullable String url, SourceContext context) {
        Arrival arrival = arrival(article, url, context);
        if (arrival.sameContentAsCurrent()) {
            ArticleRecord current = arrival.current().get();
            return current.isPending() ? finishPending(current, arrival) : unchanged(current, arrival);
        }
        String fingerprint = fingerprint(article.body(), url);
        if (arrival.current().isEmpty() && fingerprint != null) {
            ArticleId owner = index.claim("fp:" + fingerprint, arrival.id());
            if (!owner.equals(arrival.id())) {
                return sameStory(owner, arrival);
            }
        }
        return storeNewVersion(arrival, fingerprint);
    }

    private Arrival arrival(NormalizedArticle article, @Nullable String url, SourceContext context) {
        byte[] canonical = article.markdown().getBytes(StandardCharsets.UTF_8);
        ArticleId id = identity(article.frontMatter(), context, url);
        Optional<ArticleRecord> current = index.find(id);
        // thumbnails made for an earlier version are linked right away, so an update never unlinks the article
        byte[] bytes = current.map(r -> linked(canonical, r)).orElse(canonical);
        return new Arrival(article, url, context, id, current, bytes, ArticleId.sha256Hex(bytes));
    }

    /** An earlier attempt committed this version but may not have published: finish its job. */
    private IngestOutcome finishPending(ArticleRecord current, Arrival arrival) {
        emit(current, current.pendingEvent(), arrival.context());
        return outcome(current.pendingEvent() == DetailType.ARTICLE_STORED
                ? IngestOutcome.Status.STORED : IngestOutcome.Status.UPDATED, current, arrival.article());
    }

    /** Nothing stored, nothing emitted; a URL the content was not yet seen under is recorded. */
    private IngestOutcome unchanged(ArticleRecord current, Arrival arrival) {
        if (arrival.url() != null && !current.origin().sourceUrls().contains(arrival.sourceUrl())) {
            index.addSourceUrl(arrival.id(), arrival.sourceUrl());
        }
        telemetry.info("article.unchanged", Map.of("articleId", arrival.id().value(),
                "source", arrival.context().name(), "version", current.version()));
        telemetry.count("ArticlesUnchanged", arrival.context().name());
        return outcome(IngestOutcome.Status.UNCHANGED, current, arrival.article());
    }

    /** The story is stored already, as {@code owner}, under another URL: that article gains this URL. */
    private IngestOutcome sameStory(ArticleId owner, Arrival arrival) {
        index.addSourceUrl(owner, arrival.sourceUrl());
        telemetry.info("article.duplicate", Map.of("articleId", owner.value(), "source", arrival.context().name(),
                "url", arrival.url()));
        telemetry.count("ArticlesUnchanged", arrival.context().name());
        ArticleRecord ownerRecord = index.find(owner).orElse(null);
        return new IngestOutcome.Ingested(IngestOutcome.Status.UNCHANGED, owner,
                ownerRecord == null ? 0 : ownerRecord.version(),
                ownerRecord == null ? null : ownerRecord.file().objectKey(),
                ownerRecord == null ? null : store.locationOf(ownerRecord.file().objectKey()), arrival.article(),
                owner);
    }

    /**
     * A new article (version 1) or changed content (the next version): put the Markdown, commit the record with
     * the event pending, publish, clear the mark. A previous version still pending is announced first, so every
     * version gets at least one event even when newer content overtakes a redelivery.
     */
    private IngestOutcome storeNewVersion(Arrival arrival, @Nullable String fingerprint) {
        Optional<ArticleRecord> current = arrival.current();
        if (current.isPresent() && current.get().isPending()) {
            emit(current.get(), current.get().pendingEvent(), arrival.context());
        }
        CanonicalFrontMatter fm = arrival.article().frontMatter();
        long version = current.map(r -> r.version() + 1).orElse(1L);
        String key = current.map(r -> r.file().objectKey()).orElseGet(() -> allocateKey(fm, arrival.id()));
        DetailType detailType = current.isPresent() ? DetailType.ARTICLE_UPDATED : DetailType.ARTICLE_STORED;

        store.put(key, arrival.bytes(), MARKDOWN_TYPE);
        Set<String> urls = new LinkedHashSet<>(current.map(r -> r.origin().sourceUrls()).orElse(Set.of()));
        if (arrival.url() != null) {
            urls.add(arrival.sourceUrl());
        }
        ArticleRecord record = ArticleRecord.newVersion(arrival.id(), version,
                new ArticleRecord.StoredFile(key, arrival.contentHash()), listing(fm),
                new ArticleRecord.Origin(arrival.url(), urls, fingerprint), detailType, clock.instant());
        index.commit(record, current.map(ArticleRecord::version).orElse(0L));
        emit(record, detailType, arrival.context());
        return outcome(current.isPresent() ? IngestOutcome.Status.UPDATED : IngestOutcome.Status.STORED, record,
                arrival.article());
    }

    private static ArticleRecord.Listing listing(CanonicalFrontMatter fm) {
        return new ArticleRecord.Listing(fm.header().title(), fm.header().slug(), fm.taxonomy().language(),
                fm.header().date(), fm.taxonomy().tags(), fm.taxonomy().categories(), fm.thumbnail());
    }

    /** The Markdown with the thumbnails {@code record} holds for its image linked, when the site links them. */
    private byte[] linked(byte[] markdown, ArticleRecord record) {
        if (links == null || record.downstream().thumbnails().isEmpty()) {
            return markdown;
        }
        try {
            return links.link(markdown, record.downstream().thumbnails());
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
                        "objectKey", record.file().objectKey()));
        telemetry.count(detailType == DetailType.ARTICLE_STORED ? "ArticlesStored" : "ArticlesUpdated",
                context.name());
    }

    /** The event detail: pointers and small metadata only, never the body (see docs/events.md). */
    private StoredArticleDetail eventDetail(ArticleRecord record, SourceContext context) {
        ArticleRecord.Listing listing = record.listing();
        String thumbnail = listing.thumbnail() != null && listing.thumbnail().startsWith("http")
                ? listing.thumbnail() : null;
        List<String> targets = config.languages().targets().stream()
                .filter(t -> !t.equalsIgnoreCase(listing.lang())).toList();
        return new StoredArticleDetail(record.id().value(), record.version(), record.file().contentHash(),
                listing.lang(), listing.slug(), listing.title(), Rfc3339.format(listing.date()),
                record.file().objectKey(), store.locationOf(record.file().objectKey()), thumbnail, targets,
                context.name(), record.origin().canonicalUrl());
    }

    private IngestOutcome outcome(IngestOutcome.Status status, ArticleRecord record, NormalizedArticle article) {
        return new IngestOutcome.Ingested(status, record.id(), record.version(), record.file().objectKey(),
                store.locationOf(record.file().objectKey()), article, null);
    }

    /**
     * The article's object key from the configured pattern. The key is claimed in the index so two articles never
     * share a file; on a clash (same slug, same month) the id's first 8 digits are appended to the slug.
     */
    private String allocateKey(CanonicalFrontMatter fm, ArticleId id) {
        String key = expandPattern(fm, fm.header().slug(), id);
        if (index.claim("key:" + key, id).equals(id)) {
            return key;
        }
        String unique = expandPattern(fm, fm.header().slug() + "-" + id.value().substring(0, 8), id);
        index.claim("key:" + unique, id);
        return unique;
    }

    private String expandPattern(CanonicalFrontMatter fm, String slug, ArticleId id) {
        OffsetDateTime date = fm.header().date();
        return config.output().pathPattern()
                .replace("{lang}", fm.taxonomy().language().toLowerCase(Locale.ROOT))
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
    private static @Nullable String canonicalUrl(CanonicalFrontMatter fm) {
        if (fm.source() == null) {
            return null;
        }
        if (fm.source().url() != null) {
            return CanonicalUrls.canonicalize(fm.source().url(), fm.source().canonical());
        }
        return fm.source().canonical() == null ? null : CanonicalUrls.normalize(fm.source().canonical());
    }

    private static @Nullable String sourceUrl(CanonicalFrontMatter fm, @Nullable String canonical) {
        return fm.source() != null && fm.source().url() != null ? fm.source().url() : canonical;
    }

    /**
     * Web articles are identified by their canonical URL; files by their path; anything else (e.g. Markdown posted
     * to the API without a URL) by language, date and slug.
     */
    private static ArticleId identity(CanonicalFrontMatter fm, SourceContext context, @Nullable String url) {
        if (url != null) {
            return ArticleId.ofUrl(url);
        }
        if (context.path() != null) {
            return ArticleId.ofSourcePath(context.path());
        }
        return ArticleId.ofSourcePath("untitled/" + fm.taxonomy().language() + "/"
                + DateParser.format(fm.header().date()) + "/" + fm.header().slug());
    }

    /**
     * Same-story fingerprint for web articles: SHA-256 of the body's letters and digits, lower-cased. Files and
     * short bodies get none (a path is identity enough; short texts collide too easily).
     */
    static @Nullable String fingerprint(String body, @Nullable String url) {
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
