package newsroom.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import newsroom.core.testing.RepoFiles;
import newsroom.core.text.HtmlEntities;

/**
 * The pages of the metadata dev set that are not UTF-8 (windows-1252 / ISO-8859-x, declared or not) decode to the
 * words their labels hold, as a local file: every non-ASCII word of the labelled title is in the decoded page (entities
 * decoded).
 */
class HtmlDecodingDevSetTest {

    @Test
    void decodesTheDevSetPagesThatAreNotUtf8_toTheirLabelledTitles() throws IOException {
        Path set = RepoFiles.shared("data/metadata-dev");
        JsonNode truth = new ObjectMapper().readTree(set.resolve("ground-truth.json").toFile());
        List<String> notUtf8 = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> page = it.next();
            byte[] bytes;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(
                    set.resolve("html").resolve(page.getKey() + ".html.gz")))) {
                bytes = in.readAllBytes();
            }
            if (isUtf8(bytes)) {
                continue;
            }
            notUtf8.add(page.getKey());
            String html = HtmlDecoding.decode(bytes, null);
            String text = HtmlEntities.decode(html);
            String title = page.getValue().path("title").asText("");
            for (String word : title.split("[\\s\\p{Punct}]+")) {
                if (word.chars().anyMatch(c -> c > 127) && !text.contains(word)) {
                    missing.add(page.getKey() + ": " + word);
                }
            }
            assertThat(html).as(page.getKey()).doesNotContainPattern("Ã[\\u0080-\\u00BF]");
        }
        assertThat(notUtf8).hasSizeGreaterThanOrEqualTo(10);
        assertThat(missing).isEmpty();
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
