package newsroom.extract.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
 * <li>{@code scan} ({@code PageScan.of}), {@code meta} ({@code MetadataExtractor.read} of the document, its scan
 * included), {@code images} ({@code resolveAll} alone, the page's images found untimed), {@code walks} (every walk of
 * the page before the content finder: {@code ImageResolver.find} and {@code PageScan.of} up to main 84e907d,
 * {@code PageScan.of} alone since perf-walk8 folded the first into the second) and {@code front} (all that
 * {@code extractArticle} does between the parse and the content finder: the walks, the metadata, the images
 * resolved): on a page parsed just before, untimed (a tree warm in cache, as inside an extraction);</li>
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

    /**
     * The calls that differ between the builds this file is compiled against, looked up once by name: up to main
     * 84e907d {@code ImageResolver.find(Document)} walks the page for the images and {@code MetadataExtractor.read}
     * scans it again; since perf-walk8 {@code PageScan.of} collects both, {@code PageScan.images()} hands the images
     * over and {@code MetadataExtractor.read(PageScan, String)} reads from the scan. Exactly one of {@link #FIND} and
     * {@link #SCAN_IMAGES} is present.
     */
    private static final class Api {
        static final MethodHandle FIND = lookUp(true, ImageResolver.class, "find",
                MethodType.methodType(ImageResolver.PageImages.class, Document.class));
        static final MethodHandle SCAN_IMAGES = lookUp(false, PageScan.class, "images",
                MethodType.methodType(ImageResolver.PageImages.class));
        static final MethodHandle READ_SCAN = lookUp(true, MetadataExtractor.class, "read",
                MethodType.methodType(MetadataExtractor.Reading.class, PageScan.class, String.class));

        private static MethodHandle lookUp(boolean isStatic, Class<?> owner, String name, MethodType type) {
            try {
                return isStatic ? MethodHandles.lookup().findStatic(owner, name, type)
                        : MethodHandles.lookup().findVirtual(owner, name, type);
            } catch (NoSuchMethodException e) {
                return null;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The page walked and its metadata read as {@code extractArticle} does before the content finder. */
    private static MetadataExtractor.Reading front(Document document) {
        try {
            if (Api.FIND != null) {
                ImageResolver.PageImages images = (ImageResolver.PageImages) Api.FIND.invokeExact(document);
                MetadataExtractor.Reading reading = MetadataExtractor.read(document, URL);
                images.resolveAll(URL);
                return reading;
            }
            PageScan scan = PageScan.of(document);
            MetadataExtractor.Reading reading = (MetadataExtractor.Reading) Api.READ_SCAN.invokeExact(scan, URL);
            ((ImageResolver.PageImages) Api.SCAN_IMAGES.invokeExact(scan)).resolveAll(URL);
            return reading;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every walk of the page before the content finder; returns something of each, for {@link #sink}. */
    private static long walks(Document document) {
        try {
            long size = PageScan.of(document).metas.size();
            if (Api.FIND != null) {
                size += ((ImageResolver.PageImages) Api.FIND.invokeExact(document)).base() == null ? 0 : 1;
            }
            return size;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page's images as found before they are resolved (by ImageResolver.find, else by the scan). */
    private static ImageResolver.PageImages images(Document document) {
        try {
            return Api.FIND != null ? (ImageResolver.PageImages) Api.FIND.invokeExact(document)
                    : (ImageResolver.PageImages) Api.SCAN_IMAGES.invokeExact(PageScan.of(document));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@link #time} needs for {@code step} on this page, or null when the page has no content to render. */
    public static Object prepare(String step, String html) {
        return switch (step) {
            case "scan", "meta", "images", "walks", "front", "find", "hints", "extract", "parse" -> html;
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
            MetadataExtractor.Reading reading = front(document);
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
        ImageResolver.PageImages images = step.equals("images") ? images(document) : null;
        long start = CPU.getCurrentThreadCpuTime();
        switch (step) {
            case "scan" -> sink += PageScan.of(document).metas.size();
            case "meta" -> sink += MetadataExtractor.read(document, URL).metadata().hashCode();
            case "images" -> {
                images.resolveAll(URL);
                sink++;
            }
            case "walks" -> sink += walks(document);
            case "front" -> sink += front(document).metadata().hashCode();
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
        MetadataExtractor.Reading reading = front(document);
        String title = reading.metadata().title().map(Field::value).orElse(null);
        Element content = MainContentFinder.find(document, title, reading.jsonLdArticleBody()).orElse(null);
        String text = content == null ? "" : TextWriter.write(content);
        return text.isBlank() ? null : new Found(content, text, reading.metadata().language());
    }
}
