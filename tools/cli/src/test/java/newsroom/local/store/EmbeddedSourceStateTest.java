package newsroom.local.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import newsroom.core.model.ArticleId;
import newsroom.core.port.SourceStateStore.SourceState;

/** The embedded index's source files beyond the port contract: files of an earlier version, and the marks file. */
class EmbeddedSourceStateTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private Path sources() {
        return dir.resolve("sources");
    }

    private static String stem(String source) {
        return ArticleId.sha256Hex(source.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    @Test
    void readsTheSeenUrlsOfAStateFileOfAnEarlierVersion_asItsLegacyList() throws IOException {
        Files.createDirectories(sources());
        Files.writeString(sources().resolve(stem("blog") + ".json"), """
                {
                  "consecutiveFailures" : 0,
                  "lastPolled" : "2025-02-28T10:00:00Z",
                  "seenUrls" : [ "https://blog.example/2", "https://blog.example/1" ],
                  "sourceName" : "blog",
                  "validators" : { "https://blog.example/feed" : { "ETag" : "\\"v1\\"" } }
                }""");

        SourceState state = new EmbeddedArticleIndex(dir).find("blog").orElseThrow();

        assertThat(state.legacySeenUrls()).containsExactly("https://blog.example/2", "https://blog.example/1");
        assertThat(state.lastPolled()).isEqualTo(Instant.parse("2025-02-28T10:00:00Z"));
        assertThat(state.validators()).containsEntry("https://blog.example/feed", Map.of("ETag", "\"v1\""));
    }

    @Test
    void dropsExpiredMarksFromTheFile_whenItIsReadNext() throws IOException {
        EmbeddedArticleIndex index = new EmbeddedArticleIndex(dir);
        index.markSeen("blog", Map.of("https://blog.example/old", NOW.minusSeconds(1),
                "https://blog.example/new", NOW.plusSeconds(3600)));

        assertThat(index.seen("blog", List.of("https://blog.example/old", "https://blog.example/new"), NOW))
                .containsExactly("https://blog.example/new");

        String file = Files.readString(sources().resolve(stem("blog") + ".seen.json"));
        assertThat(file).contains("https://blog.example/new").doesNotContain("https://blog.example/old");
    }
}
