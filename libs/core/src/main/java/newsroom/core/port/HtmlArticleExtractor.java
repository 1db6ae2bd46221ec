package newsroom.core.port;

import org.jspecify.annotations.Nullable;

import newsroom.core.model.RawArticle;

/**
 * Turns a web page into a {@link RawArticle}: metadata as front-matter fields (title, date, lastmod, author, lang,
 * summary, tags, categories, image, url, canonical) and the main content as safe Markdown. Implemented with Jsoup in
 * the {@code extract} module; the core stays free of HTML parsing.
 */
public interface HtmlArticleExtractor {

    /**
     * @param html    the decoded page
     * @param pageUrl the URL it came from, to resolve relative links against; may be null for local files
     * @throws newsroom.core.model.ArticleRejectedException NO_ARTICLE_CONTENT when no article is found
     */
    RawArticle extract(String html, @Nullable String pageUrl);
}
