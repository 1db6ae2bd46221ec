package newsroom.translator;

import java.util.List;
import java.util.Map;

/**
 * The translation work the handler hands an event to: {@code TranslationService.translate} in production, idempotent
 * per (article, version, language). Returns, per target language, what happened ("TRANSLATED content/fr/…",
 * "ALREADY_TRANSLATED", "SKIPPED: reason"). Transient failures (throttling, store or index errors) are thrown so the
 * platform retries.
 */
@FunctionalInterface
interface ArticleTranslations {

    Map<String, String> translate(String articleId, long version, List<String> targets);
}
