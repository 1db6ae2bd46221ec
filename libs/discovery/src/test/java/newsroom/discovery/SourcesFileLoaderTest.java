package newsroom.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import newsroom.core.config.InvalidConfigurationException;

class SourcesFileLoaderTest {

    private static List<Source> load(String yaml) {
        return SourcesFileLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "sources.yaml");
    }

    @Test
    void readsEverySettingAndAppliesDefaults() {
        List<Source> sources = load("""
                sources:
                  - name: coinlive
                    type: feed
                    url: https://coinlive.example/feed
                    timeZone: Asia/Seoul
                    language: ko
                    categories: [crypto]
                    tags: [markets, asia]
                    maxItemsPerPoll: 20
                    pollEveryMinutes: 60
                    enabled: false
                  - name: daily
                    type: sitemap
                    url: https://daily.example/news-sitemap.xml
                """);

        assertThat(sources).containsExactly(
                new Source("coinlive", Source.Type.FEED, URI.create("https://coinlive.example/feed"),
                        ZoneId.of("Asia/Seoul"), "ko", List.of("crypto"), List.of("markets", "asia"), 20, false,
                        Duration.ofHours(1)),
                new Source("daily", Source.Type.SITEMAP, URI.create("https://daily.example/news-sitemap.xml"),
                        ZoneOffset.UTC, null, List.of(), List.of(), 50, true));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = " => ", value = {
            "{name: a, type: feed, url: 'ftp://x.example/f'}"
                    + " => sources.yaml: sources[2] (name \"a\"):"
                    + " url: not an http(s) URL",
            "{name: a, type: feed, url: 'https://me@x.example/f'}"
                    + " => sources.yaml: sources[2] (name \"a\"):"
                    + " url: not an http(s) URL",
            "{name: a, url: 'https://x.example/f'}"
                    + " => sources.yaml: sources[2] (name \"a\"):"
                    + " type: required (feed | sitemap | homepage)",
            "{name: a, type: podcast, url: 'https://x.example/f'}"
                    + " => sources.yaml: sources[2] (name \"a\"):"
                    + " type: 'podcast' is not one of feed | sitemap | homepage",
            "{type: feed, url: 'https://x.example/f'}"
                    + " => sources.yaml: sources[2]:"
                    + " name: required, 1 to 64 of A-Z a-z 0-9 . _ -",
            "{name: a, type: feed, url: 'https://x.example/f', timezone: UTC}"
                    + " => sources.yaml: sources[2] (name \"a\"):"
                    + " timezone: unknown key (known: [categories, enabled, language, maxItemsPerPoll,"
                    + " name, pollEveryMinutes, tags, timeZone, type, url])",
            "{name: a, type: feed, url: 'https://x.example/f', timeZone: Mars/Base}"
                    + " => sources.yaml: sources[2] (name \"a\"):"
                    + " timeZone: not a time zone: Mars/Base (use an IANA name such as Europe/Paris, or UTC)",
            "{name: a, type: feed, url: 'https://x.example/f', maxItemsPerPoll: 0}"
                    + " => sources.yaml: sources[2] (name \"a\"):"
                    + " maxItemsPerPoll: expected a whole number 1..1000, was 0",
            "{name: a, type: feed, url: 'https://x.example/f', pollEveryMinutes: 0}"
                    + " => sources.yaml: sources[2] (name \"a\"):"
                    + " pollEveryMinutes: expected a whole number 1..10080, was 0",
            "{name: a, type: feed, url: 'https://x.example/f', enabled: perhaps}"
                    + " => sources.yaml: sources[2] (name \"a\"):"
                    + " enabled: expected true or false, was perhaps",
            "{name: a, type: feed, url: 'https://x.example/f', language: '123'}"
                    + " => sources.yaml: sources[2] (name \"a\"):"
                    + " language: '123' is not a BCP 47 language tag (e.g. en, fr, pt-BR)",
            "{name: one, type: feed, url: 'https://x.example/f'}"
                    + " => sources.yaml: sources[2] (name \"one\"):"
                    + " name: duplicate of an earlier source"})
    void namesTheOffendingEntryAndKey(String third, String message) {
        String yaml = """
                sources:
                  - {name: one, type: feed, url: 'https://one.example/feed'}
                  - {name: two, type: homepage, url: 'https://two.example/'}
                  - %s
                """.formatted(third);

        assertThatThrownBy(() -> load(yaml)).isInstanceOf(InvalidConfigurationException.class).hasMessage(message);
    }

    @Test
    void rejectsAFileThatIsNotYaml() {
        assertThatThrownBy(() -> load("sources: [unclosed")).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("sources.yaml: not valid YAML:");
    }

    @Test
    void rejectsUnknownTopLevelKeys() {
        assertThatThrownBy(() -> load("sources: []\nfeeds: []\n")).isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("sources.yaml: unknown top-level key(s) [feeds] (only 'sources')");
    }

    @Test
    void leavesAliasBombsInert_andStillNamesTheProblem() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        yaml.append("sources: []\n");

        assertThatThrownBy(() -> load(yaml.toString())).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("sources.yaml: unknown top-level key(s) [a0, a1,");
    }
}
