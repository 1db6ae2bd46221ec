package newsroom.core.translation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import newsroom.core.event.ArticleTranslatedDetail;
import newsroom.core.event.StoredArticleDetail;
import newsroom.core.link.ArticleLinker;
import newsroom.core.model.ArticleId;
import newsroom.core.port.ArticleIndex;
import newsroom.core.port.ArticleRecord;
import newsroom.core.port.EventPublisher;
import newsroom.core.port.ObjectStore;
import newsroom.core.port.Translator;

/**
 * Translates one version of a stored article into target languages: reads its Markdown from the
 * {@link ObjectStore}, translates title, summary and body (Markdown-aware, see {@link MarkdownTranslator}), stores
 * the translation next to the source (the language path segment replaced), emits {@code ArticleTranslated} and
 * records it in the {@link ArticleIndex}. Never writes the source article.
 *
 * <p>Idempotent for at-least-once delivery: a language already translated from this version or a newer one, and an
 * article whose version moved on, are skipped. Per language, the order is store, emit, record: a crash before the
 * record repeats the translation and the event (a duplicate event, never a lost one).
 *
 * <p>Errors: permanent problems (unknown article, unsupported language pair, unreadable stored file, no translator
 * configured) become {@link Status#SKIPPED} outcomes with a reason. Transient ones (translator throttling or
 * outage, object store or bus errors, an index that has not caught up with the event) are thrown so the platform
 * retries; languages finished before the failure are not redone.
 */
public final class TranslationService {

    /** Reason given for every language when no translator is configured. */
    public static final String NO_TRANSLATOR = "skipped: no translator configured";

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final ObjectStore store;
    private final ArticleIndex index;
    private final EventPublisher events;
    private final @Nullable MarkdownTranslator translator;
    private final @Nullable ArticleLinker linker;

    /** Without thumbnail linking. @param translator the engine, or null when none is configured */
    public TranslationService(ObjectStore store, ArticleIndex index, EventPublisher events,
                              @Nullable Translator translator) {
        this(store, index, events, translator, null);
    }

    /**
     * @param translator the translation engine, or null when none is configured (every language is then skipped)
     * @param linker     links each translation to the thumbnails recorded for the article's image; null when the
     *                   site keeps hotlinking
     */
    public TranslationService(ObjectStore store, ArticleIndex index, EventPublisher events,
                              @Nullable Translator translator, @Nullable ArticleLinker linker) {
        this.store = Objects.requireNonNull(store, "store");
        this.index = Objects.requireNonNull(index, "index");
        this.events = Objects.requireNonNull(events, "events");
        this.translator = translator == null ? null : new MarkdownTranslator(translator);
        this.linker = linker;
    }

    /** What happened to each requested language. */
    public enum Status { TRANSLATED, ALREADY_TRANSLATED, SKIPPED }

    /**
     * @param language  the requested target language
     * @param reason    why it was skipped or already done; null when translated now
     * @param objectKey where the translation is, when there is one
     */
    public record Outcome(String language, Status status, @Nullable String reason, @Nullable String objectKey) {
    }

    /** One outcome per distinct requested language, in request order. */
    public record Result(String articleId, long version, List<Outcome> outcomes) {
        public Result {
            outcomes = List.copyOf(outcomes);
        }
    }

    /**
     * Translates the article an {@code ArticleStored} / {@code ArticleUpdated} event announced into the event's
     * targets, then into the site's current target languages the event does not name (other than the article's
     * own, as the publisher leaves it out too): an archived event replayed after a language was added (docs/sam.md,
     * "Replaying events") brings the back catalogue into it. Languages already translated from this version are not
     * translated again.
     *
     * @param siteTargets the site's {@code TARGET_LANGUAGES} now
     */
    public Result translate(StoredArticleDetail event, List<String> siteTargets) {
        return translate(event.articleId(), event.version(),
                withSiteTargets(event.translationTargets(), siteTargets, event.lang()));
    }

    /** @param articleLanguage the article's language, left out of the site's targets; null when not known */
    static List<String> withSiteTargets(List<String> eventTargets, List<String> siteTargets, String articleLanguage) {
        List<String> targets = new ArrayList<>(eventTargets);
        for (String configured : siteTargets) {
            if (!configured.equalsIgnoreCase(articleLanguage)
                    && targets.stream().noneMatch(t -> t.equalsIgnoreCase(configured))) {
                targets.add(configured);
            }
        }
        return targets;
    }

    /**
     * @param articleId the article's id (24 hex digits)
     * @param version   the version the triggering event announced
     * @param targets   BCP 47 tags to translate into
     * @throws ArticleIndex.ConcurrentUpdateException when the index or the stored file is behind the event (retry)
     * @throws RuntimeException                       from the ports and the translator when they fail (retry)
     */
    public Result translate(String articleId, long version, List<String> targets) {
        List<String> languages = new ArrayList<>(new LinkedHashSet<>(targets == null ? List.of() : targets));
        if (translator == null) {
            return skipAll(articleId, version, languages, NO_TRANSLATOR);
        }
        if (!ArticleId.isValid(articleId)) {
            return skipAll(articleId, version, languages, "skipped: '" + articleId + "' is not an article id");
        }
        ArticleId id = new ArticleId(articleId);
        Optional<ArticleRecord> found = index.find(id);
        if (found.isEmpty()) {
            return skipAll(articleId, version, languages, "skipped: article not found in the index");
        }
        ArticleRecord record = found.get();
        if (record.version() < version) {
            throw new ArticleIndex.ConcurrentUpdateException("the index has version " + record.version()
                    + " of article " + articleId + ", the event announced version " + version);
        }
        Source source = new Source(record, version, linker);
        List<Outcome> outcomes = new ArrayList<>();
        for (String language : languages) {
            outcomes.add(translateInto(language, source));
        }
        return new Result(articleId, version, outcomes);
    }

    private Outcome translateInto(String language, Source source) {
        ArticleRecord record = source.record;
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            return skipped(language, "skipped: '" + language + "' is not a BCP 47 language tag");
        }
        Long translatedFrom = record.downstream().translatedVersions().get(language);
        if (translatedFrom != null && translatedFrom >= source.version) {
            return new Outcome(language, Status.ALREADY_TRANSLATED,
                    "already translated from version " + translatedFrom,
                    record.downstream().translations().get(language));
        }
        if (language.equals(record.listing().lang())) {
            return skipped(language, "skipped: the article is already in " + language);
        }
        if (record.version() > source.version) {
            return skipped(language, superseded(record.version()));
        }
        StoredArticle article;
        try {
            Optional<StoredArticle> read = source.article(store, index);
            if (read.isEmpty()) {
                return skipped(language, superseded(source.record.version()));
            }
            article = read.get();
        } catch (StoredArticle.UnreadableArticleException e) {
            return skipped(language, "skipped: " + e.getMessage());
        }
        String key = translatedKey(record.file().objectKey(), record.listing().lang(), language);
        try {
            byte[] translation = translated(article, record, source.version, language).toBytes();
            store.put(key, translation, "text/markdown; charset=utf-8");
        } catch (UnsupportedLanguagePairException e) {
            return skipped(language, "skipped: " + e.getMessage());
        }
        events.publish(List.of(new ArticleTranslatedDetail(record.id().value(), source.version, language,
                record.listing().lang(), key).toEvent()));
        index.recordTranslation(record.id(), language, source.version, key);
        if (linker != null) {
            // thumbnails recorded while we translated: their linking step may not have seen this translation yet
            linker.linkTranslation(record.id(), key);
        }
        return new Outcome(language, Status.TRANSLATED, null, key);
    }

    private StoredArticle translated(StoredArticle source, ArticleRecord record, long version, String language) {
        String from = record.listing().lang();
        Map<String, Object> frontMatter = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : source.frontMatter().entrySet()) {
            Object value = field.getValue();
            switch (field.getKey()) {
                case "title", "summary" -> value = value instanceof String text && !text.isBlank()
                        ? translator.translate(text, from, language) : value;
                case "lang" -> value = List.of(language);
                case "translations" -> value = translationsFor(value, language);
                default -> { }
            }
            frontMatter.put(field.getKey(), value);
        }
        frontMatter.putIfAbsent("lang", List.of(language));
        frontMatter.putIfAbsent("translations", translationsFor(List.of(from), language));
        Map<String, Object> params = new LinkedHashMap<>();
        if (frontMatter.remove("params") instanceof Map<?, ?> existing) {
            existing.forEach((k, v) -> params.put(String.valueOf(k), v));
        }
        Map<String, Object> translatedFrom = new LinkedHashMap<>();
        translatedFrom.put("articleId", record.id().value());
        translatedFrom.put("version", version);
        translatedFrom.put("lang", from);
        params.put("translatedFrom", translatedFrom);
        frontMatter.put("params", params); // last, as in the canonical field order
        Map<String, Object> linked = linker == null ? frontMatter
                : linker.links().linked(frontMatter, record.downstream().thumbnails()).orElse(frontMatter);
        return new StoredArticle(linked, translator.translate(source.body(), from, language));
    }

    /** The source's list with the translation's own language first. */
    private static List<String> translationsFor(Object sourceList, String language) {
        List<String> languages = new ArrayList<>();
        languages.add(language);
        if (sourceList instanceof List<?> list) {
            for (Object item : list) {
                String other = String.valueOf(item);
                if (!languages.contains(other)) {
                    languages.add(other);
                }
            }
        }
        return languages;
    }

    /**
     * Where the translation of {@code sourceKey} goes: the first path segment equal to the source language replaced
     * ({@code content/en/2025/a.md} to {@code content/fr/2025/a.md}), else {@code .<lang>} before {@code .md}
     * (Hugo's translation by file name: {@code posts/a.md} to {@code posts/a.fr.md}).
     */
    static String translatedKey(String sourceKey, String sourceLanguage, String targetLanguage) {
        String[] segments = sourceKey.split("/", -1);
        for (int i = 0; i < segments.length - 1; i++) {
            if (segments[i].equals(sourceLanguage)) {
                segments[i] = targetLanguage;
                return String.join("/", segments);
            }
        }
        return sourceKey.endsWith(".md")
                ? sourceKey.substring(0, sourceKey.length() - 3) + "." + targetLanguage + ".md"
                : sourceKey + "." + targetLanguage;
    }

    private static String superseded(long currentVersion) {
        return "skipped: superseded, the article is at version " + currentVersion
                + " (that version's event brings its own translation)";
    }

    private static Outcome skipped(String language, String reason) {
        return new Outcome(language, Status.SKIPPED, reason, null);
    }

    private static Result skipAll(String articleId, long version, List<String> languages, String reason) {
        return new Result(articleId, version, languages.stream().map(l -> skipped(l, reason)).toList());
    }

    /** The article as of the event's version, read from the store once and shared by all languages. */
    private static final class Source {
        private ArticleRecord record;
        private final long version;
        private final ArticleLinker linker;
        private StoredArticle article;

        Source(ArticleRecord record, long version, ArticleLinker linker) {
            this.record = record;
            this.version = version;
            this.linker = linker;
        }

        /**
         * The stored article, checked against the record's content hash (or, with linking, the hash its linked form
         * has: the record was relinked and the file is about to be rewritten). Empty when the article moved on to a
         * newer version meanwhile ({@link #record} then holds the newer record).
         */
        Optional<StoredArticle> article(ObjectStore store, ArticleIndex index) {
            if (article != null) {
                return Optional.of(article);
            }
            byte[] bytes = store.get(record.file().objectKey()).orElseThrow(() ->
                    new StoredArticle.UnreadableArticleException("the stored article is missing at "
                            + record.file().objectKey()));
            boolean matches = linker == null ? ArticleId.sha256Hex(bytes).equals(record.file().contentHash())
                    : linker.isContentOf(bytes, record);
            if (!matches) {
                ArticleRecord current = index.find(record.id()).orElse(record);
                if (current.version() > version) {
                    record = current;
                    return Optional.empty();
                }
                throw new ArticleIndex.ConcurrentUpdateException("the stored file of article " + record.id()
                        + " does not match the content hash of version " + version);
            }
            article = StoredArticle.parse(bytes);
            return Optional.of(article);
        }
    }
}
