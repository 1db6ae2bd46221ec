package newsroom.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileObjectStoreTest {

    @TempDir
    Path site;

    @Test
    void writesTheKeyAsAFileUnderTheSiteFolder() throws IOException {
        FileObjectStore store = new FileObjectStore(site);
        store.put("content/en/2025/02/a.md", "hello".getBytes(StandardCharsets.UTF_8), "text/markdown");
        assertThat(site.resolve("content/en/2025/02/a.md")).hasContent("hello");
        assertThat(store.get("content/en/2025/02/a.md"))
                .hasValueSatisfying(b -> assertThat(b).asString(StandardCharsets.UTF_8).isEqualTo("hello"));
    }

    @Test
    void replacesContentWithoutLeavingTemporaryFiles() throws IOException {
        FileObjectStore store = new FileObjectStore(site);
        store.put("content/a.md", "one".getBytes(StandardCharsets.UTF_8), "text/markdown");
        store.put("content/a.md", "two".getBytes(StandardCharsets.UTF_8), "text/markdown");
        try (Stream<Path> files = Files.list(site.resolve("content"))) {
            assertThat(files).containsExactly(site.resolve("content/a.md"));
        }
        assertThat(site.resolve("content/a.md")).hasContent("two");
    }

    @Test
    void answersEmptyForAMissingKey() {
        assertThat(new FileObjectStore(site).get("content/none.md")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../outside.md", "content/../../x.md", "content//a.md", "a\\b.md",
            "./a.md"})
    void rejectsKeysThatCouldLeaveTheSiteFolder(String key) {
        FileObjectStore store = new FileObjectStore(site);
        assertThatThrownBy(() -> store.put(key, new byte[0], "text/plain"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid object key");
    }
}
