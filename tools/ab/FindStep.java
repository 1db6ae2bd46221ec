import java.lang.management.ManagementFactory;
import java.util.Optional;

import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

import newsroom.extract.ArticleExtractor;
import newsroom.extract.Field;
import newsroom.extract.internal.ImageResolver;
import newsroom.extract.internal.MainContentFinder;
import newsroom.extract.internal.MetadataExtractor;

/**
 * One page through what {@code extractArticle} does before {@code MainContentFinder.find} (parse, images, metadata;
 * untimed), then {@code find} alone, timed by the thread's CPU clock. Compiled against, and loaded with, each build
 * that find-ab.sh compares (see FindAB.java).
 */
public class FindStep {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final String URL = "https://news.example/a";

    /** The CPU nanoseconds {@code find} took on {@code html}. */
    public static long find(String html) {
        Document document = Parser.htmlParser().setMaxDepth(ArticleExtractor.MAX_DEPTH).parseInput(html, URL);
        ImageResolver.PageImages images = ImageResolver.find(document);
        MetadataExtractor.Reading reading = MetadataExtractor.read(document, URL);
        images.resolveAll(URL);
        String title = reading.metadata().title().map(Field::value).orElse(null);
        Optional<String> body = reading.jsonLdArticleBody();
        long start = THREADS.getCurrentThreadCpuTime();
        MainContentFinder.find(document, title, body);
        return THREADS.getCurrentThreadCpuTime() - start;
    }
}
