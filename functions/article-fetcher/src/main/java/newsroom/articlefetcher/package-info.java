/** Module article-fetcher: see its pom description. */
package newsroom.articlefetcher;
