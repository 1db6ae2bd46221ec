package newsroom.core.frontmatter;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import newsroom.core.model.ArticleRejectedException;
import newsroom.core.model.Rejection;

/**
 * Reads TOML front matter with Jackson under explicit stream limits. Dates and times stay strings, so a date keeps
 * the offset it was written with. TOML forbids duplicate keys and redefined tables; both are reported as
 * DUPLICATE_KEY.
 */
final class TomlFrontMatterReader {

    private static final ObjectMapper TOML = new TomlMapper(TomlFactory.builder()
            .streamReadConstraints(FrontMatterParser.STREAM_LIMITS)
            .build());
    private static final Pattern KEY_OR_TABLE = Pattern.compile("\\s*(?:\\[+\\s*([^\\]]+?)\\s*]+|([^=#]+?)\\s*=).*");

    private TomlFrontMatterReader() {
    }

    /** The table in {@code toml}; {@code firstLine} is the file line the TOML starts on, for messages. */
    static Map<String, Object> read(String toml, int firstLine) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> table = TOML.readValue(toml, Map.class);
            return FrontMatterValues.normalized(table);
        } catch (StreamConstraintsException e) {
            throw FrontMatterParser.limitExceeded(e, "TOML");
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr() + firstLine - 1;
            String problem = e.getOriginalMessage();
            if (problem.startsWith("Duplicate key") || problem.startsWith("Table redefined")) {
                KeyLine duplicate = keyNear(toml, e.getLocation());
                throw new ArticleRejectedException(Rejection.Code.DUPLICATE_KEY, duplicate == null
                        ? "duplicate key in TOML front matter near line " + line
                        : "duplicate key \"" + duplicate.key() + "\" on line " + (duplicate.index() + firstLine)
                        + " (TOML allows each key and table once)");
            }
            throw new ArticleRejectedException(Rejection.Code.INVALID_FRONT_MATTER, "invalid TOML front matter"
                    + (line < 0 ? "" : " at line " + line + ", column " + e.getLocation().getColumnNr()) + ": "
                    + problem.strip());
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string cannot fail", e);
        }
    }

    /** A key or table name and the 0-based index of the TOML line that holds it. */
    private record KeyLine(String key, int index) {
    }

    /**
     * The key or table named on the line where the parser stopped, or on the line before when it stopped at the
     * start of the next one; null when neither names one.
     */
    private static KeyLine keyNear(String toml, JsonLocation location) {
        if (location == null) {
            return null;
        }
        String[] lines = toml.split("\n", -1);
        int index = location.getLineNr() - 1;
        for (int i = Math.min(index, lines.length - 1); i >= 0 && i >= index - 1; i--) {
            Matcher m = KEY_OR_TABLE.matcher(lines[i]);
            if (!lines[i].isBlank() && m.matches()) {
                return new KeyLine((m.group(1) != null ? m.group(1) : m.group(2)).strip(), i);
            }
        }
        return null;
    }
}
