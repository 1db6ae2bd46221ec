package newsroom.core.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes HTML character references ({@code &amp;}, {@code &#8217;}, {@code &#x2019;}) in text, using the full
 * WHATWG table of named references. Only references terminated by {@code ;} are decoded; anything else is left as it
 * is. Thread-safe; the table is loaded once, on first use.
 */
public final class HtmlEntities {

    private static final Pattern REFERENCE =
            Pattern.compile("&(?:#([0-9]{1,8})|#[xX]([0-9A-Fa-f]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));");
    private static final String TABLE = "html-entities.tsv";
    private static final int MAX_REFERENCE_LENGTH = 34;

    private HtmlEntities() {
    }

    /**
     * The text with every recognised reference replaced, repeatedly, in one left-to-right pass: references that a
     * replacement completes are decoded too ({@code &amp;lt;} gives {@code <}), so the result contains no reference
     * that {@code decode} would change. Invalid numeric references become U+FFFD.
     */
    public static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        Matcher reference = REFERENCE.matcher("");
        for (int i = 0; i < text.length(); i++) {
            out.append(text.charAt(i));
            while (out.length() > 0 && out.charAt(out.length() - 1) == ';') {
                int amp = lastAmpersandWithinReach(out);
                if (amp < 0) {
                    break;
                }
                reference.reset(out.subSequence(amp, out.length()));
                String replacement = reference.matches() ? replacement(reference) : null;
                if (replacement == null) {
                    break;
                }
                out.replace(amp, out.length(), replacement);
            }
        }
        return out.toString();
    }

    /**
     * The '&' that could open a reference ending at the last character, looking back no further than the longest one.
     */
    private static int lastAmpersandWithinReach(StringBuilder out) {
        int stop = Math.max(0, out.length() - MAX_REFERENCE_LENGTH);
        for (int i = out.length() - 2; i >= stop; i--) {
            if (out.charAt(i) == '&') {
                return i;
            }
        }
        return -1;
    }

    private static String replacement(Matcher m) {
        if (m.group(3) != null) {
            return Table.NAMED.get(m.group(3));
        }
        int codePoint = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
        boolean valid = codePoint > 0 && codePoint <= Character.MAX_CODE_POINT
                && !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
        return Character.toString(valid ? codePoint : 0xFFFD);
    }

    /** Lazy holder: the 2,125 names are read only when a text contains a reference. */
    private static final class Table {
        static final Map<String, String> NAMED = load();

        private static Map<String, String> load() {
            Map<String, String> names = new HashMap<>(4096);
            try (InputStream in = HtmlEntities.class.getResourceAsStream(TABLE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + TABLE + " next to " + HtmlEntities.class);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    int tab = line.indexOf('\t');
                    StringBuilder value = new StringBuilder(2);
                    for (String hex : line.substring(tab + 1).split(" ")) {
                        value.appendCodePoint(Integer.parseInt(hex, 16));
                    }
                    names.put(line.substring(0, tab), value.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + TABLE, e);
            }
            return Map.copyOf(names);
        }
    }
}
