package newsroom.local.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentFileTest {

    @TempDir
    Path dir;

    private Path file(String content) throws Exception {
        return Files.writeString(dir.resolve("env"), content);
    }

    @Test
    void readsKeyValueLines_skippingCommentsAndUnquoting() throws Exception {
        Map<String, String> env = EnvironmentFile.read(file("# local\nTABLE_NAME=articles\n\nTITLE=\"a = b\"\n"),
                "IngestApiFunction");

        assertThat(env).isEqualTo(Map.of("TABLE_NAME", "articles", "TITLE", "a = b"));
    }

    @Test
    void readsTheSamShape_parametersThenTheFunctionsOwn() throws Exception {
        Map<String, String> env = EnvironmentFile.read(file("{\"Parameters\": {\"A\": \"1\", \"B\": \"1\"},"
                + " \"IngestApiFunction\": {\"B\": \"2\"}, \"FeedPollerFunction\": {\"C\": \"3\"}}"),
                "IngestApiFunction");

        assertThat(env).isEqualTo(Map.of("A", "1", "B", "2"));
    }

    @Test
    void readsAFlatJsonObject() throws Exception {
        assertThat(EnvironmentFile.read(file("{\"A\": \"x\", \"N\": 5}"), "F")).isEqualTo(Map.of("A", "x", "N", "5"));
    }

    @Test
    void namesTheLine_whenALineIsNotKeyValue() throws Exception {
        Path env = file("A=1\nexport B\n");

        assertThatThrownBy(() -> EnvironmentFile.read(env, "F")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(env + ":2: expected KEY=VALUE, got 'export B'");
    }
}
