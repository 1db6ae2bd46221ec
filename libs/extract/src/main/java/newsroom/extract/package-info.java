/**
 * Article extraction from HTML with Jsoup: {@link newsroom.extract.ArticleExtractor} turns a page into metadata with
 * origins, safe Markdown and plain text. {@code internal} holds the implementation, {@code eval} the benchmark scorer,
 * {@code cli} the commands the {@code ./newsroom} CLI runs.
 */
package newsroom.extract;
