package newsroom.core.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import newsroom.core.model.ArticleId;
import newsroom.core.model.ArticleRejectedException;
import newsroom.core.model.Rejection;
import newsroom.core.testing.RandomText;

class CanonicalUrlsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HTTPS://WWW.Example.COM/News/Story|https://www.example.com/News/Story",
            "https://example.com:443/a|https://example.com/a",
            "http://example.com:80/a|http://example.com/a",
            "http://example.com:8080/a|http://example.com:8080/a",
            "https://example.com|https://example.com/",
            "https://example.com/a#comments|https://example.com/a",
            "https://user:pw@example.com/a|https://example.com/a",
            "https://example.com./a|https://example.com/a",
            "https://b\u00fccher.example/a|https://xn--bcher-kva.example/a",
            "https://example.com/a/./b/../c|https://example.com/a/c",
            "https://example.com/%7euser/%41%2f%2a|https://example.com/~user/A%2F%2A",
            "https://example.com/caf\u00e9 noir|https://example.com/caf%C3%A9%20noir",
            "https://example.com/100%|https://example.com/100%25",
            "https://example.com/a?utm_source=x&id=7&UTM_Medium=y&fbclid=abc&page=2|https://example.com/a?id=7&page=2",
            "https://example.com/a?gclid=1&dclid=2&msclkid=3&mc_cid=4&mc_eid=5&igshid=6|https://example.com/a",
            "https://example.com/a?_ga=1&_gl=2&yclid=3&ref_src=4&ref_url=5&cmpid=6&ito=7&spm=8|https://example.com/a",
            "https://example.com/a?b=2&a=1|https://example.com/a?b=2&a=1",
            "https://example.com/a?&&x=1&|https://example.com/a?x=1",
            "https://example.com/a?q=caf%c3%a9+au+lait|https://example.com/a?q=caf%C3%A9+au+lait"})
    void normalizes(String input, String expected) {
        assertThat(CanonicalUrls.normalize(input)).isEqualTo(expected);
    }

    /** A path of at most 30 and a query of at most 20 UTF-16 units, any characters. */
    record PathAndQuery(String path, String query) {
    }

    @Test
    void normalizingTwiceChangesNothing() {
        RandomText.check(8_100_000L, 300, random -> new PathAndQuery(random.anyString(30), random.anyString(20)),
                input -> {
                    String url = "https://Example.com/" + input.path().replace("#", "") + "?"
                            + input.query().replace("#", "");
                    String once = CanonicalUrls.normalize(url);
                    assertThat(CanonicalUrls.normalize(once)).isEqualTo(once);
                });
    }

    @Test
    void rejectsNonHttpUrls_withInvalidUrl() {
        assertThatThrownBy(() -> CanonicalUrls.normalize("ftp://example.com/a"))
                .isInstanceOfSatisfying(ArticleRejectedException.class, e -> {
                    assertThat(e.rejection().code()).isEqualTo(Rejection.Code.INVALID_URL);
                    assertThat(e.rejection().detail()).isEqualTo("not an http(s) URL: ftp://example.com/a");
                });
    }

    @Test
    void rejectsRelativeUrls_withInvalidUrl() {
        assertThatThrownBy(() -> CanonicalUrls.normalize("/just/a/path"))
                .isInstanceOfSatisfying(ArticleRejectedException.class,
                        e -> assertThat(e.rejection().code()).isEqualTo(Rejection.Code.INVALID_URL));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://example.com/p?id=1&utm_source=rss"
                    + "|https://www.example.com/2025/story|https://www.example.com/2025/story",
            "https://www.example.com/s?x=1|https://example.com/s|https://example.com/s",
            "https://m.news.example.co.uk/s"
                    + "|https://www.news.example.co.uk/s?utm_campaign=a|https://www.news.example.co.uk/s",
            "https://example.com/s|https://other.com/s|https://example.com/s",
            "https://example.co.uk/s|https://other.co.uk/s|https://example.co.uk/s",
            "https://alice.github.io/post|https://bob.github.io/post|https://alice.github.io/post",
            "https://example.com/s|not a url|https://example.com/s",
            "https://example.com/s||https://example.com/s"})
    void usesTheDeclaredCanonical_onlyOnTheSameSite(String fetched, String declared, String expected) {
        assertThat(CanonicalUrls.canonicalize(fetched, declared)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://example.com/2025/story/amp|https://example.com/2025/story",
            "https://example.com/amp/2025/story|https://example.com/2025/story",
            "https://amp.example.com/2025/story|https://example.com/2025/story",
            "https://example.com/2025/story.amp|https://example.com/2025/story",
            "https://example.com/2025/story.amp.html|https://example.com/2025/story.html",
            "https://example.com/2025/story?amp|https://example.com/2025/story",
            "https://example.com/2025/story?amp=1&p=2|https://example.com/2025/story?p=2",
            "https://example.com/2025/story?outputType=amp|https://example.com/2025/story",
            "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/2025/story/amp"
                    + "|https://www.example.com/2025/story"})
    void mapsAmpUrlsToTheirCanonical_whenNoneIsDeclared(String amp, String expected) {
        assertThat(CanonicalUrls.canonicalize(amp, null)).isEqualTo(expected);
        assertThat(CanonicalUrls.isAmp(amp)).isTrue();
    }

    @Test
    void acceptsThePublisherCanonical_declaredOnAGoogleAmpCachePage() {
        assertThat(CanonicalUrls.canonicalize("https://www-example-com.cdn.ampproject.org/c/s/www.example.com/s/amp",
                "https://www.example.com/s")).isEqualTo("https://www.example.com/s");
    }

    @Test
    void leavesOrdinaryUrlsAlone_thatOnlyContainAmpInAWord() {
        assertThat(CanonicalUrls.canonicalize("https://example.com/amplifier/ampersand", null))
                .isEqualTo("https://example.com/amplifier/ampersand");
        assertThat(CanonicalUrls.isAmp("https://example.com/amplifier")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"news.bbc.co.uk,bbc.co.uk", "www.example.com,example.com", "example.com,example.com",
            "a.b.example.com.au,example.com.au", "alice.github.io,alice.github.io",
            "x.y.s3.amazonaws.com,y.s3.amazonaws.com", "93.184.215.14,93.184.215.14", "localhost,localhost"})
    void findsTheRegistrableDomain(String host, String domain) {
        assertThat(CanonicalUrls.registrableDomain(host)).isEqualTo(domain);
    }

    @Test
    void givesTheSameArticleId_forUrlsDifferingOnlyInTrackingAndCase() {
        ArticleId a = ArticleId.ofUrl(CanonicalUrls.canonicalize("HTTPS://Example.com/s?utm_source=tw#top", null));
        ArticleId b = ArticleId.ofUrl(CanonicalUrls.canonicalize("https://example.com:443/s?fbclid=9", null));

        assertThat(a).isEqualTo(b);
    }
}
