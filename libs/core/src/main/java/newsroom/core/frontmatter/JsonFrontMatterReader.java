package newsroom.core.frontmatter;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

import newsroom.core.model.ArticleRejectedException;
import newsroom.core.model.Rejection;

/**
 * Reads Hugo-style JSON front matter: one JSON object at the start of the file, the body after its closing brace.
 * Jackson's stream limits bound nesting and sizes; duplicate keys are refused with the key named.
 */
final class JsonFrontMatterReader {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(FrontMatterParser.STREAM_LIMITS)
            .build();

    private JsonFrontMatterReader() {
    }

    /** The object and where the body starts. */
    record Result(Map<String, Object> fields, int bodyStart) {
    }

    /**
     * Reads the object that starts at {@code start} in {@code text}; {@code firstLine} is the file line of the
     * opening brace, for messages.
     */
    static Result read(String text, int start, int firstLine) {
        int available = text.length() - start;
        boolean truncated = available > FrontMatterParser.MAX_FRONT_MATTER_BYTES;
        String window = text.substring(start, start + Math.min(available, FrontMatterParser.MAX_FRONT_MATTER_BYTES));
        try (JsonParser parser = JSON.createParser(new StringReader(window))) {
            parser.nextToken();
            Map<String, Object> fields = object(parser, firstLine);
            int end = (int) parser.currentLocation().getCharOffset();
            int bytes = window.substring(0, end).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > FrontMatterParser.MAX_FRONT_MATTER_BYTES) {
                throw FrontMatterParser.frontMatterTooLarge(bytes);
            }
            return new Result(FrontMatterValues.normalized(fields), start + end);
        } catch (JsonEOFException e) {
            if (truncated) {
                throw FrontMatterParser.frontMatterTooLarge(-1);
            }
            throw new ArticleRejectedException(Rejection.Code.UNTERMINATED_FRONT_MATTER, "JSON front matter opened with"
                    + " { on line " + firstLine + " is never closed: the file ends inside it");
        } catch (StreamConstraintsException e) {
            throw FrontMatterParser.limitExceeded(e, "JSON");
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr() + firstLine - 1;
            throw new ArticleRejectedException(Rejection.Code.INVALID_FRONT_MATTER, "invalid JSON front matter"
                    + (line < 0 ? "" : " at line " + line + ", column " + e.getLocation().getColumnNr()) + ": "
                    + firstLineOf(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string cannot fail", e);
        }
    }

    private static Map<String, Object> object(JsonParser parser, int firstLine) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String key = parser.currentName();
            int line = parser.currentTokenLocation().getLineNr() + firstLine - 1;
            parser.nextToken();
            if (map.containsKey(key)) {
                throw new ArticleRejectedException(Rejection.Code.DUPLICATE_KEY,
                        "duplicate key \"" + key + "\" on line " + line + " of the JSON front matter");
            }
            map.put(key, value(parser, firstLine));
        }
        return map;
    }

    private static Object value(JsonParser parser, int firstLine) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> object(parser, firstLine);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    list.add(value(parser, firstLine));
                }
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String firstLineOf(String message) {
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
