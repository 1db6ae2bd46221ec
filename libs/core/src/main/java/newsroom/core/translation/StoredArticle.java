package newsroom.core.translation;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A stored article as the translation service and the thumbnail linking read and write it: YAML front matter as an
 * ordered map, and the Markdown body exactly as stored. Writing uses the canonical YAML style of the normalizer's
 * output (strings double-quoted, list items indented {@code   - "x"}, no line splitting), so unchanged keys come out as
 * they went in.
 *
 * @param frontMatter keys in file order; values are String, Number, Boolean, List, Map or null
 * @param body        everything after the closing {@code ---} line
 */
public record StoredArticle(Map<String, @Nullable Object> frontMatter, String body) {

    /** Same bound as the front matter parser: canonical front matter is a few KiB. */
    static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;
    private static final int MAX_DEPTH = 20;

    private static final ObjectMapper READER = new ObjectMapper(YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper WRITER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    public StoredArticle {
        Objects.requireNonNull(frontMatter, "frontMatter");
        Objects.requireNonNull(body, "body");
    }

    /** The stored file is not an article this service can read; retrying will not change that. */
    public static final class UnreadableArticleException extends RuntimeException {
        UnreadableArticleException(String message) {
            super(message, null, false, false);
        }
    }

    /** @throws UnreadableArticleException when the bytes are not UTF-8 Markdown with a YAML front matter mapping */
    public static StoredArticle parse(byte[] file) {
        String text = decodeUtf8(file);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (!text.startsWith("---\n") && !text.startsWith("---\r\n")) {
            throw new UnreadableArticleException("the stored article does not start with YAML front matter (---)");
        }
        int yamlStart = text.indexOf('\n') + 1;
        int close = closingDelimiter(text, yamlStart);
        if (close < 0) {
            throw new UnreadableArticleException("the stored article's front matter has no closing ---");
        }
        if (close - yamlStart > MAX_FRONT_MATTER_CHARS) {
            throw new UnreadableArticleException("the stored article's front matter is larger than "
                    + MAX_FRONT_MATTER_CHARS + " characters");
        }
        int bodyStart = text.indexOf('\n', close);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        try {
            Map<String, Object> frontMatter = READER.readValue(text.substring(yamlStart, close),
                    new TypeReference<LinkedHashMap<String, Object>>() { });
            return new StoredArticle(frontMatter == null ? new LinkedHashMap<>() : frontMatter, body);
        } catch (JsonProcessingException e) {
            throw new UnreadableArticleException("the stored article's front matter is not a YAML mapping: "
                    + e.getOriginalMessage());
        }
    }

    /** The file: {@code ---}, the front matter in canonical YAML style, {@code ---}, the body. */
    public byte[] toBytes() {
        try {
            String yaml = WRITER.writeValueAsString(frontMatter);
            return ("---\n" + yaml + "---\n" + body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("writing YAML to a string cannot fail", e);
        }
    }

    /** Start of the line holding the closing {@code ---}, or -1. */
    private static int closingDelimiter(String text, int from) {
        int lineStart = from;
        while (lineStart < text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            String line = text.substring(lineStart, lineEnd);
            if (line.equals("---") || line.equals("---\r")) {
                return lineStart;
            }
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
        return -1;
    }

    private static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableArticleException("the stored article is not UTF-8");
        }
    }
}
