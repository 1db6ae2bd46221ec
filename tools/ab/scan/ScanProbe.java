package newsroom.extract.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One step of the page scan area on parsed pages, compiled into each checkout's package (see scan-ab.sh): {@code scan}
 * ({@code PageScan.of}), {@code meta} ({@code MetadataExtractor.read}), {@code words} (the finders' five
 * {@code WordSearch} lists on the class and id of every attributed element), {@code hints}
 * ({@code ClassNameHints.isUnlikely(class, id)} and {@code namesCaption(class)} on the same values). Returns a count
 * the caller sums, so no call is dead code.
 */
public final class ScanProbe implements ToLongFunction<Object[]> {

    private static final WordSearch[] FINDER_LISTS = {
        WordSearch.of(List.of("byline", "author", "autor", "verfasser", "writer")),
        WordSearch.of(List.of("comment", "related", "sidebar", "widget", "teaser", "recommend", "popular", "trending",
                "newsletter", "share", "social", "breadcrumb", "menu", "navigation", "cookie", "consent", "archive",
                "calendar", "more-", "weitere", "footer", "reply", "replies", "respon")),
        WordSearch.of(List.of("comment", "related", "sidebar", "teaser", "widget", "footer", "recommend", "listing",
                "slide", "carousel", "promo", "newsletter", "respond", "reply", "popular", "recent", "more", "also",
                "card", "nav", "menu", "breadcrumb", "share", "sharing", "social", "caption", "copyright", "license",
                "bildnachweis")),
        WordSearch.of(List.of("logo", "brand", "site", "masthead", "carousel", "slider", "swiper", "slick", "navbar")),
        WordSearch.of(List.of("caption", "credit", "bildnachweis", "bildquelle"))};

    /** Class and id values (pairs) of the pages the word steps were first given; read once. */
    private List<String> values;

    /** @param args the parsed pages ({@code List<Document>}) and the step's name */
    @Override
    public long applyAsLong(Object[] args) {
        @SuppressWarnings("unchecked") List<Document> documents = (List<Document>) args[0];
        String step = (String) args[1];
        long count = 0;
        switch (step) {
            case "scan" -> {
                for (Document document : documents) {
                    PageScan scan = PageScan.of(document);
                    count += scan.bylines.size() + scan.metas.size() + scan.dateAttributes.size();
                }
            }
            case "meta" -> {
                for (Document document : documents) {
                    count += MetadataExtractor.read(document, "https://news.example/a").metadata().hashCode() & 1;
                }
            }
            case "words" -> {
                for (String value : classAndIdValues(documents)) {
                    for (WordSearch words : FINDER_LISTS) {
                        count += words.foundIn(value) ? 1 : 0;
                    }
                }
            }
            case "hints" -> {
                List<String> pairs = classAndIdValues(documents);
                for (int i = 0; i + 1 < pairs.size(); i += 2) {
                    count += (ClassNameHints.isUnlikely(pairs.get(i), pairs.get(i + 1)) ? 1 : 0)
                            + (ClassNameHints.namesCaption(pairs.get(i)) ? 2 : 0);
                }
            }
            default -> throw new IllegalArgumentException("no step " + step);
        }
        return count;
    }

    private List<String> classAndIdValues(List<Document> documents) {
        if (values == null) {
            values = new ArrayList<>();
            for (Document document : documents) {
                for (Element element : document.getAllElements()) {
                    if (element.attributesSize() > 0) {
                        values.add(element.attributes().get("class"));
                        values.add(element.attributes().get("id"));
                    }
                }
            }
        }
        return values;
    }
}
