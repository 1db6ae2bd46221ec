package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ImageResolverTest {

    private static final String BASE = "https://news.example.com/a/page.html";

    private static String resolvedSrc(String body) {
        Document document = Jsoup.parse("<html><body>" + body + "</body></html>");
        ImageResolver.resolveAll(document, BASE);
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
}
