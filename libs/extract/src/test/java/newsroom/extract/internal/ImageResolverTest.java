package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageResolverTest {

    private static final String BASE = "https://news.example.com/a/page.html";

    private static String resolvedSrc(String body) {
        Document document = Jsoup.parse("<html><body>" + body + "</body></html>");
        PageScan.of(document).images().resolveAll(BASE);
        return document.select("img").eachAttr("src").toString();
    }

    @Test
    void readsSourceAttributesAsAttrDoes_ignoringAsciiCaseAndFirstOfAKey() {
        Element img = new Element("img").attr("SRC", "/placeholder.gif").attr("Data-Src", "/real.jpg")
                .attr("data-srcſ", "/not-a-key.jpg").attr("data-lazy-srcset", "/small.jpg 100w, /large.jpg 800w");
        assertThat(ImageResolver.bestSource(img)).isEqualTo(img.attr("data-src")).isEqualTo("/real.jpg");
        img.removeAttr("Data-Src");
        assertThat(ImageResolver.bestSource(img)).isEqualTo("/large.jpg");
        img.removeAttr("data-lazy-srcset");
        assertThat(ImageResolver.bestSource(img)).isEqualTo(img.attr("src")).isEqualTo("/placeholder.gif");
    }

    @Test
    void writesTheResolvedSourceOverTheOnlySrc_whateverCaseThePageWroteItIn() {
        Document document = Jsoup.parse("<html><body><IMG SRC=\"/placeholder.gif\" Data-Src=\"/real.jpg\">"
                + "<img class=lazy><noscript><IMG SRC=\"/n.jpg\" ALT=x></noscript></body></html>");
        PageScan.of(document).images().resolveAll(BASE);
        assertThat(document.select("img")).hasSize(2).allSatisfy(img -> assertThat(img.attributes().asList())
                .filteredOn(attribute -> attribute.getKey().equalsIgnoreCase("src")).hasSize(1)
                .allSatisfy(attribute -> assertThat(attribute.getKey()).isEqualTo("src")));
        assertThat(document.select("img").eachAttr("src"))
                .containsExactly("https://news.example.com/real.jpg", "https://news.example.com/n.jpg");
    }

    @Test
    void noscriptImageReplacesItsPlaceholder_andNoDetachedImageIsResolved() {
        assertThat(resolvedSrc("<p><img src=\"data:image/gif;base64,R0l\"><noscript><img src=\"/n.jpg\"></noscript>"
                + "<img data-src=\"/second.jpg\"></p>"))
                .isEqualTo("[https://news.example.com/n.jpg, https://news.example.com/second.jpg]");
    }

    @Test
    void prefersLazyAttributeOverPlaceholderSrc() {
        assertThat(resolvedSrc("<img src=\"/blank.gif\" data-lazy-src=\"/img/real.jpg\">"))
                .isEqualTo("[https://news.example.com/img/real.jpg]");
    }

    @Test
    void takesDataOriginal() {
        assertThat(resolvedSrc("<img data-original=\"img/o.jpg\">"))
                .isEqualTo("[https://news.example.com/a/img/o.jpg]");
    }

    @Test
    void takesHighestDensityCandidate() {
        assertThat(resolvedSrc("<img srcset=\"/1x.jpg 1x, /2x.jpg 2x\">"))
                .isEqualTo("[https://news.example.com/2x.jpg]");
    }

    @Test
    void readsPictureSources_whenTheImgHasNone() {
        assertThat(resolvedSrc("<picture><source srcset=\"/p-800.webp 800w, /p-1600.webp 1600w\"><img alt=\"\">"
                + "</picture>")).isEqualTo("[https://news.example.com/p-1600.webp]");
    }

    @Test
    void removesImagesWithoutAnHttpSource() {
        assertThat(resolvedSrc("<img src=\"data:image/png;base64,AAAA\"><img src=\"javascript:alert(1)\">"))
                .isEqualTo("[]");
    }

    @Test
    void replacesPlaceholderWithNoscriptCopy() {
        assertThat(resolvedSrc("<img class=\"lazyload\"><noscript><img src=\"/n.jpg\"></noscript>"))
                .isEqualTo("[https://news.example.com/n.jpg]");
    }

    /** The regular expression {@link ImageResolver#widestCandidate} reads a srcset as (its former implementation). */
    private static final Pattern SRCSET_CANDIDATE =
            Pattern.compile("\\s*(\\S+?)(?:\\s+(\\d+(?:\\.\\d+)?)([wx]))?\\s*(?:,|$)");

    private static String widestCandidateByRegex(String srcset) {
        if (srcset == null || srcset.isBlank()) {
            return null;
        }
        String best = null;
        double bestSize = -1;
        Matcher m = SRCSET_CANDIDATE.matcher(srcset);
        while (m.find() && m.end() > m.start()) {
            String url = m.group(1);
            String lower = url.toLowerCase(Locale.ROOT);
            if (url.isBlank() || lower.startsWith("data:") || lower.startsWith("about:")
                    || lower.startsWith("javascript:") || lower.equals("#")) {
                continue;
            }
            double size = m.group(2) == null ? 0 : Double.parseDouble(m.group(2)) * ("x".equals(m.group(3)) ? 1000 : 1);
            if (size > bestSize) {
                best = url;
                bestSize = size;
            }
            if (m.end() >= srcset.length()) {
                break;
            }
        }
        return best;
    }

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {"/a.jpg 100w, /b.jpg 800w", "/a.jpg 1.5x,/b.jpg 2x", "a.jpg 100w 2x, b.jpg",
            "data:image/gif;base64,R0lGOD, /real.jpg 10w", "/a.jpg\u2028", "/a.jpg 3w\r\n", "x\n", "x\r\n", "\r\n",
            "/a.jpg 1.w, /b.jpg .5x", "JavaScript:x 900w, /ok.jpg", "/a,b.jpg 5w", "  ,  ", "/a.jpg 7x\u0085",
            "/a.jpg 999999999999999w, /b.jpg 9999999999999999w", "/a.jpg 00001w, /b.jpg 1w, /c.jpg 1.0w",
            "\u2028 9w, # 8w, /c.jpg 1w", "/a.jpg 9007199254740993w, /b.jpg 9007199254740992w"})
    void readsSrcsetAsTheRegularExpressionDid(String srcset) {
        assertThat(ImageResolver.widestCandidate(srcset)).isEqualTo(widestCandidateByRegex(srcset));
    }

    @Test
    void readsRandomSrcsetsAsTheRegularExpressionDid() {
        String[] pieces = {"/a.jpg", "b", "data:x", "#", "JAVASCRIPT:", "\u0130", " ", "  ", ",", ", ", "\t", "\n",
            "\r", "\r\n", "\u000B", "\f", "\u2028", "\u2029", "\u0085", "\u00a0", "1", "20", "0.5", ".", "w", "x",
            "100w", "2x", "1.5x", "3.w"};
        Random random = new Random(61206);
        int withCandidate = 0;
        for (int n = 0; n < 100_000; n++) {
            StringBuilder srcset = new StringBuilder();
            for (int parts = 1 + random.nextInt(10); parts > 0; parts--) {
                srcset.append(pieces[random.nextInt(pieces.length)]);
            }
            String expected = widestCandidateByRegex(srcset.toString());
            assertThat(ImageResolver.widestCandidate(srcset.toString())).as(srcset.toString()).isEqualTo(expected);
            withCandidate += expected == null ? 0 : 1;
        }
        assertThat(withCandidate).isGreaterThan(10_000);
    }
}
