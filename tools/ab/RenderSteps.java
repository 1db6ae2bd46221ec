package newsroom.extract.internal;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import newsroom.extract.Field;

/**
 * The steps after the content is found, timed alone on pre-extracted pages (thread CPU): {@code text}
 * ({@code TextWriter}), {@code markdown} ({@code MarkdownWriter}), {@code render} (both), {@code language}
 * ({@code LanguageCheck.check} on the pages' texts and declarations), {@code images} ({@code ImageResolver} on fresh
 * copies of the parsed pages). Driven by StepAB.java, which loads it from two checkouts into one JVM; in the
 * package of the classes it times, so it compiles against a checkout's classes (see StepAB.java).
 */
public final class RenderSteps {
    private static final com.sun.management.ThreadMXBean CPU =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final String URL = "https://news.example/a";

    private record Page(Document parsed, Element content, String text, Optional<Field<String>> declared) {
    }

    private static List<Page> pages = List.of();

    private RenderSteps() {
    }

    /** Extracts the pages of {@code dir} up to the found content, once. */
    public static void prepare(String dir) throws Exception {
        List<Page> loaded = new ArrayList<>();
        for (Path file : Files.list(Path.of(dir)).sorted().toList()) {
            String html;
            try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Document document = Parser.htmlParser().setMaxDepth(512).parseInput(html, URL);
            Document parsed = document.clone();
            ImageResolver.PageImages images = ImageResolver.find(document);
            MetadataExtractor.Reading reading = MetadataExtractor.read(document, URL);
            images.resolveAll(URL);
            String title = reading.metadata().title().map(Field::value).orElse(null);
            Element content = MainContentFinder.find(document, title, reading.jsonLdArticleBody()).orElse(null);
            String text = content == null ? "" : TextWriter.write(content);
            if (!text.isBlank()) {
                loaded.add(new Page(parsed, content, text, reading.metadata().language()));
            }
        }
        pages = loaded;
    }

    /** One round of {@code step} over the prepared pages: thread CPU nanoseconds per page. */
    public static double once(String step) {
        List<Document> copies = new ArrayList<>();
        if (step.equals("images")) {
            pages.forEach(page -> copies.add(page.parsed().clone()));
        }
        long sink = 0;
        long start = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < pages.size(); i++) {
            Page page = pages.get(i);
            switch (step) {
                case "text" -> sink += TextWriter.write(page.content()).length();
                case "markdown" -> sink += MarkdownWriter.write(page.content(), URL, page.text().length()).length();
                case "render" -> sink += MarkdownWriter.write(page.content(), URL,
                        TextWriter.write(page.content()).length()).length();
                case "language" -> sink += LanguageCheck.check(page.declared(), page.text()).isPresent() ? 1 : 0;
                case "images" -> {
                    ImageResolver.find(copies.get(i)).resolveAll(URL);
                    sink++;
                }
                default -> throw new IllegalArgumentException("no step " + step);
            }
        }
        double perPage = (double) (CPU.getCurrentThreadCpuTime() - start) / pages.size();
        return sink < 0 ? -1 : perPage;
    }
}
