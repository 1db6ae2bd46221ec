package newsroom.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class FrontMatterBenchTest {

    @Test
    void formatIsToldByTheOpeningDelimiter() {
        assertThat(FrontMatterBench.format("---\ntitle: a\n---\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("YAML");
        assertThat(FrontMatterBench.format("+++\ntitle = 'a'\n+++\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("TOML");
        assertThat(FrontMatterBench.format("{\"title\":\"a\"}\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("JSON");
        assertThat(FrontMatterBench.format("# just text".getBytes(StandardCharsets.UTF_8))).isEqualTo("none");
    }

    @Test
    void corpusMixesYamlTomlAndJsonFrontMatter() throws Exception {
        Path repo = BenchCommand.findRepo();
        List<FrontMatterBench.Document> corpus = FrontMatterBench.load(
                FrontMatterBench.corpusFiles(repo, BenchCommand.findShared(repo)));

        assertThat(corpus).extracting(FrontMatterBench.Document::format).contains("YAML", "TOML", "JSON");
    }
}
