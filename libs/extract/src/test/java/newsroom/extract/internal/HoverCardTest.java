package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Hover cards go from the paragraphs that hold them; a span of prose with images and a few links stays. */
class HoverCardTest {

    private static final String PROSE = "The harbour ferry ran on solar power for the first time this week, and "
            + "the crew said the crossing was quieter than any they could remember.";

    @Test
    void aCardOfLinksAroundAnImageGoes_aGalleryInProseStays() {
        String card = "<span class=card><img src=a.jpg><a href=/p>Jane Doe</a> <a href=/q>Latest stories</a></span>";
        String gallery = "<span>" + PROSE + " <img src=1.jpg> <a href=/1>one</a> <img src=2.jpg> " + PROSE
                + " <a href=/2>two</a> <img src=3.jpg></span>";
        Element article = clean("<div><p>" + PROSE + " By " + card + " in the port.</p><p>" + gallery + "</p>"
                + "<p>" + PROSE + "</p></div>");
        assertThat(article.select("span.card")).isEmpty();
        assertThat(article.select("img")).hasSize(3); // the gallery's, asked about three times, all stay
        assertThat(article.text()).contains("one", "two").doesNotContain("Latest stories");
    }

    private static Element clean(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        Element article = new Element("div");
        article.appendChildren(body.childNodesCopy());
        new ContentCleaner(null, "", ArticleEvidence.of(Optional.empty()), true,
                new UndoableRemovals(new Element("div"))).clean(article, false, null, Map.of());
        return article;
    }
}
