package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import newsroom.core.testing.RepoFiles;

/**
 * {@link PublishedDateFinder#kindOf} answers NONE from a name's last two key characters before building its key: it
 * must answer what reading the whole key ({@link PublishedDateFinder#kindOfKey} of {@link PublishedDateFinder#keyOf})
 * answers, on random names made of date-key pieces, separators, capitals and non-ASCII letters that lower-case to
 * ASCII, and on every meta key, {@code itemprop} and {@code property} of the 470 shared pages.
 */
class DateKindShortcutTest {

    private static final String[] PIECES = {"date", "Date", "DATE", "time", "Time", "modified", "Modified", "mod",
        "last", "published", "Publish", "pub", "issued", "created", "dc", "DC", "terms", "article", "og", "updated",
        "revision", "sailthru", "related", "upload", "expir", "valid", "start", "end", "birth", "title", "name",
        "e", "d", "t", "m", "o", ":", ".", "_", "-", " ", "1", "\u0130", "\u212a", "\u00e9", "\u0000", "\ud83d\ude00"};

    @Test
    void answersAsTheWholeKey_onRandomNames() {
        Random random = new Random(29);
        int dates = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int j = random.nextInt(6); j > 0; j--) {
                name.append(PIECES[random.nextInt(PIECES.length)]);
            }
            dates += assertAgrees(name.toString());
        }
        assertThat(dates).as("names read as dates").isGreaterThan(1_000);
    }

    @Test
    void answersAsTheWholeKey_onTheSharedPages() throws IOException {
        int dates = 0;
        for (String folder : new String[] {"data/article-extraction-benchmark/html", "data/metadata-dev/html"}) {
            try (Stream<Path> pages = Files.list(RepoFiles.shared(folder))) {
                for (Path page : pages.sorted().toList()) {
                    String html;
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(page))) {
                        html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    for (Element element : Jsoup.parse(html).getAllElements()) {
                        for (String key : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                            if (element.hasAttr(key)) {
                                dates += assertAgrees(element.attr(key));
                            }
                        }
                    }
                }
            }
        }
        assertThat(dates).as("names read as dates").isGreaterThan(400);
    }

    @Test
    void namesOfEachKind() {
        assertThat(PublishedDateFinder.kindOf("article:published_time")).isEqualTo(PublishedDateFinder.Kind.PUBLISHED);
        assertThat(PublishedDateFinder.kindOf("DC.date.issued")).isEqualTo(PublishedDateFinder.Kind.PUBLISHED);
        assertThat(PublishedDateFinder.kindOf("lastmod")).isEqualTo(PublishedDateFinder.Kind.MODIFIED);
        assertThat(PublishedDateFinder.kindOf("dcterms.created")).isEqualTo(PublishedDateFinder.Kind.CREATED);
        assertThat(PublishedDateFinder.kindOf("sailthru.date")).isEqualTo(PublishedDateFinder.Kind.GENERIC);
        assertThat(PublishedDateFinder.kindOf("og:title")).isEqualTo(PublishedDateFinder.Kind.NONE);
    }

    /** 1 when the name is read as a date, else 0. */
    private static int assertAgrees(String name) {
        PublishedDateFinder.Kind whole = PublishedDateFinder.kindOfKey(PublishedDateFinder.keyOf(name));
        assertThat(PublishedDateFinder.kindOf(name)).as(name).isEqualTo(whole);
        return whole == PublishedDateFinder.Kind.NONE ? 0 : 1;
    }
}
