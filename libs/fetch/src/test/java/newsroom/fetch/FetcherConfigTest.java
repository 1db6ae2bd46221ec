package newsroom.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import newsroom.core.config.InvalidConfigurationException;
import newsroom.core.port.Fetcher.ContentKind;

class FetcherConfigTest {

    @Test
    void defaultsMatchTheDocumentedTable() {
        FetcherConfig c = FetcherConfig.defaults("https://newsroom.example/bot");

        assertThat(c.userAgent()).isEqualTo("NewsroomIngest/0.1 (+https://newsroom.example/bot)");
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.totalDeadline()).isEqualTo(Duration.ofSeconds(20));
        assertThat(c.maxBodyBytes(ContentKind.HTML)).isEqualTo(5L << 20);
        assertThat(c.maxBodyBytes(ContentKind.FEED)).isEqualTo(10L << 20);
        assertThat(c.maxBodyBytes(ContentKind.SITEMAP)).isEqualTo(50L << 20);
        assertThat(c.maxBodyBytes(ContentKind.ROBOTS)).isEqualTo(500L << 10);
        assertThat(c.maxBodyBytes(ContentKind.IMAGE)).isEqualTo(20L << 20);
        assertThat(c.allowedPorts()).isEqualTo(Set.of(80, 443));
        assertThat(c.perHostDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.maxPolitenessWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.maxRedirects()).isEqualTo(5);
        assertThat(c.maxAttempts()).isEqualTo(3);
        assertThat(c.robotsCacheTtl()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void readsOverridesFromVariables() {
        FetcherConfig c = FetcherConfig.fromMap(Map.of("NEWSROOM_FETCH_CONTACT_URL", "https://n.example/about",
                "NEWSROOM_FETCH_DEADLINE_MS", "8000", "NEWSROOM_FETCH_ALLOWED_PORTS", "80, 443, 8080",
                "NEWSROOM_FETCH_MAX_HTML_BYTES", "1048576"));

        assertThat(c.totalDeadline()).isEqualTo(Duration.ofSeconds(8));
        assertThat(c.allowedPorts()).isEqualTo(Set.of(80, 443, 8080));
        assertThat(c.maxBodyBytes(ContentKind.HTML)).isEqualTo(1L << 20);
    }

    @Test
    void requiresAContactUrl_namingTheVariable() {
        assertThatThrownBy(() -> FetcherConfig.fromMap(Map.of()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("NEWSROOM_FETCH_CONTACT_URL is required");
    }

    @Test
    void rejectsANonNumericValue_namingTheVariable() {
        assertThatThrownBy(() -> FetcherConfig.fromMap(Map.of("NEWSROOM_FETCH_CONTACT_URL", "https://n.example/",
                "NEWSROOM_FETCH_DEADLINE_MS", "soon")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("NEWSROOM_FETCH_DEADLINE_MS: expected a whole number, was 'soon'");
    }

    @Test
    void rejectsAContactThatIsNotAnHttpUrl() {
        assertThatThrownBy(() -> FetcherConfig.fromMap(Map.of("NEWSROOM_FETCH_CONTACT_URL", "mailto:me@x.example")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("must be an absolute http(s) URL");
    }
}
