package newsroom.articlefetcher;

import newsroom.core.model.SourceContext;

/**
 * The normalization context for an article found by a named source: the source's time zone, language, categories
 * and tags from the sources file, or the site's defaults for a source the file does not name (e.g. "api").
 */
@FunctionalInterface
interface SourceContexts {

    SourceContext contextFor(String sourceName, String articleUrl);
}
