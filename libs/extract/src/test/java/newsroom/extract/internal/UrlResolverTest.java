package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlResolverTest {

    private static final String BASE = "https://news.example.com/city/page.html";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/a/b.html,              https://news.example.com/a/b.html",
            "../up.html,             https://news.example.com/up.html",
            "//cdn.example.com/x.jpg, https://cdn.example.com/x.jpg",
            "HTTPS://Example.com/X,  https://Example.com/X",
            "#section,               https://news.example.com/city/page.html#section",
    })
    void resolvesAgainstTheBase(String reference, String expected) {
        assertThat(UrlResolver.resolveLink(BASE, reference)).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x",
            "file:///etc/passwd", "http://"})
    void refusesUnsafeOrHostlessUrls(String reference) {
        assertThat(UrlResolver.resolveLink(BASE, reference)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mailto:desk@example.com"})
    void allowsMailtoForLinksOnly(String reference) {
        assertThat(UrlResolver.resolveLink(BASE, reference)).contains(reference);
        assertThat(UrlResolver.resolveHttp(BASE, reference)).isEmpty();
    }
}
