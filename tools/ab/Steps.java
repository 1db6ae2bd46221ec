package newsroom.extract.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import newsroom.core.model.ArticleRejectedException;
import newsroom.extract.ArticleExtractor;
import newsroom.extract.Field;

/**
 * One step of {@code ArticleExtractor.extractArticle}, timed alone by the thread's CPU clock on one page, for
 * StepAB.java (which loads this class from two checkouts into one JVM). Compiled into each checkout's package, against
 * that checkout's classes, so it can call the package-private steps. Steps:
 * <ul>
 * <li>{@code scan} ({@code PageScan.of}), {@code meta} ({@code MetadataExtractor.read}), {@code images}
 * ({@code ImageResolver.find} + {@code resolveAll}): on a page parsed just before, untimed (a tree warm in cache, as
 * inside an extraction);</li>
 * <li>{@code find} ({@code MainContentFinder.find}): after the parse, images and metadata, untimed;</li>
 * <li>{@code hints} (the {@code ClassNameHints} tests the finder and cleaner make: {@code isUnlikely}, {@code weight},
 * {@code namesCaption}) on every element with a class or id, the elements gathered untimed after the parse;</li>
 * <li>{@code text} ({@code TextWriter}), {@code markdown} ({@code MarkdownWriter}), {@code render} (both),
 * {@code language} ({@code LanguageCheck.check}): on the content, text and declaration found once by
 * {@link #prepare} (the writers and the check leave them untouched);</li>
 * <li>{@code extract} (the whole {@code extractArticle}: pre-parse scan, parse and every step) and {@code parse}
 * (jsoup alone, as the extractor calls it: a control that must come out equal in both builds).</li>
 * </ul>
 */
public final class Steps {
    private static final com.sun.management.ThreadMXBean CPU =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final String URL = "https://news.example/a";
    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();

    /** Read by nothing: keeps each step's answer alive, so no step is dead code. */
    public static long sink;

    private record Found(Element content, String text, Optional<Field<String>> declared) {
    }

    private Steps() {
    }

    /** What {@link #time} needs for {@code step} on this page, or null when the page has no content to render. */
    public static Object prepare(String step, String html) {
        return switch (step) {
            case "scan", "meta", "images", "find", "hints", "extract", "parse" -> html;
            case "text", "markdown", "render", "language" -> found(html);
            default -> throw new IllegalArgumentException("no step " + step);
        };
    }

    /** CPU nanoseconds of {@code step} on a page {@link #prepare} gave. */
    public static long time(String step, Object prepared) {
        if (prepared instanceof Found found) {
            long start = CPU.getCurrentThreadCpuTime();
            switch (step) {
                case "text" -> sink += TextWriter.write(found.content()).length();
                case "markdown" -> sink += MarkdownWriter.write(found.content(), URL, found.text().length()).length();
                case "render" -> sink += MarkdownWriter.write(found.content(), URL,
                        TextWriter.write(found.content()).length()).length();
                case "language" -> sink += LanguageCheck.check(found.declared(), found.text()).isPresent() ? 1 : 0;
                default -> throw new IllegalArgumentException("no step " + step + " on found content");
            }
            return CPU.getCurrentThreadCpuTime() - start;
        }
        if (step.equals("extract") || step.equals("parse")) {
            long start = CPU.getCurrentThreadCpuTime();
            if (step.equals("parse")) {
                sink += parse((String) prepared).childNodeSize();
            } else {
                try {
                    sink += EXTRACTOR.extractArticle((String) prepared, URL).content().text().length();
                } catch (ArticleRejectedException e) {
                    sink++;
                }
            }
            return CPU.getCurrentThreadCpuTime() - start;
        }
        Document document = parse((String) prepared);
        if (step.equals("find")) {
            ImageResolver.PageImages images = ImageResolver.find(document);
            MetadataExtractor.Reading reading = MetadataExtractor.read(document, URL);
            images.resolveAll(URL);
            String title = reading.metadata().title().map(Field::value).orElse(null);
            long start = CPU.getCurrentThreadCpuTime();
            sink += MainContentFinder.find(document, title, reading.jsonLdArticleBody()).isPresent() ? 1 : 0;
            return CPU.getCurrentThreadCpuTime() - start;
        }
        if (step.equals("hints")) {
            List<Element> named = new ArrayList<>();
            for (Element element : document.getAllElements()) {
                if (element.hasAttr("class") || element.hasAttr("id")) {
                    named.add(element);
                }
            }
            long start = CPU.getCurrentThreadCpuTime();
            for (Element element : named) {
                String className = Nodes.className(element);
                sink += ClassNameHints.isUnlikely(className.trim(), Nodes.attr(element, "id")) ? 1 : 0;
                sink += (long) ClassNameHints.weight(element);
                sink += ClassNameHints.namesCaption(className) ? 1 : 0;
            }
            return CPU.getCurrentThreadCpuTime() - start;
        }
        long start = CPU.getCurrentThreadCpuTime();
        switch (step) {
            case "scan" -> sink += PageScan.of(document).metas.size();
            case "meta" -> sink += MetadataExtractor.read(document, URL).metadata().hashCode();
            case "images" -> {
                ImageResolver.find(document).resolveAll(URL);
                sink++;
            }
            default -> throw new IllegalArgumentException("no step " + step);
        }
        return CPU.getCurrentThreadCpuTime() - start;
    }

    private static Document parse(String html) {
        return Parser.htmlParser().setMaxDepth(ArticleExtractor.MAX_DEPTH).parseInput(html, URL);
    }

    /** The page extracted up to its content, as {@code extractArticle} does; null when it has no text. */
    private static Found found(String html) {
        Document document = parse(html);
        ImageResolver.PageImages images = ImageResolver.find(document);
        MetadataExtractor.Reading reading = MetadataExtractor.read(document, URL);
        images.resolveAll(URL);
        String title = reading.metadata().title().map(Field::value).orElse(null);
        Element content = MainContentFinder.find(document, title, reading.jsonLdArticleBody()).orElse(null);
        String text = content == null ? "" : TextWriter.write(content);
        return text.isBlank() ? null : new Found(content, text, reading.metadata().language());
    }
}
