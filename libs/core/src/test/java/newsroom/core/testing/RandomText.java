package newsroom.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Seeded input generation for property tests, plain JUnit: {@link #check} runs a property over {@code tries}
 * inputs, each made by a fresh {@code RandomText} seeded with {@code firstSeed + try}, and a failure names the seed
 * and the input (Java-escaped), so {@code new RandomText(seed)} makes the very same input again.
 *
 * <p>{@link #anyString()} generates what a property over "any string" needs: up to 255 UTF-16 units mixing any BMP
 * character (lone surrogates included; noncharacters and private use excluded), ASCII, control and Unicode white
 * space, Latin, Greek and Cyrillic letters, combining marks, CJK, Hangul, compatibility characters (ligatures,
 * circled digits, full-width forms), emoji and other supplementary characters, and HTML/Markdown/URL fragments
 * (tags, entities, links, fences, percent escapes); one string in four is "markup soup", mostly those fragments
 * (also spliced with markup inside them, or HTML-escaped) and ASCII letters. Repeated pieces and short strings are
 * frequent, and about one string in sixteen is an edge case (empty, a space, NUL, a lone surrogate...).
 */
public final class RandomText {

    /** The longest {@link #anyString()}, in UTF-16 units. */
    public static final int DEFAULT_MAX_LENGTH = 255;

    private static final List<String> EDGE_CASES = List.of("", " ", "\u0000", "a", "A", "0", "-", "\n", "\uFFFD",
            "\uD800", "\uDFFF", "\u00A0", "\u200B", "<", "&", "é", "東", "😀");

    private static final List<String> MARKUP = List.of("<", ">", "&", ";", "#", "</", "/>", "<b>", "</b>", "<br/>",
            "<script>", "</script>", "<SCRIPT type=x>", "</Script >", "<style>", "</style>", "<iframe src=x>",
            "</iframe>", "<img src=x onerror=alert(1)>", "<div class=\"x\">", "</div>", "<a href=\"javascript:x()\">",
            "</a>", "<!--", "-->", "<scr", "ipt>", "&amp;", "&amp;amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#x1F600;",
            "&#8217;", "&copy;", "&nbsp;", "&unknown;", "&#x", "&#", "[", "]", "(", ")", "](", "![", "[x]: ",
            "javascript:", "JaVaScRiPt:", "data:", "vbscript:", "java&#x09;script:", "`", "``", "```", "~~~", "*",
            "**", "_", "\\", "\"", "'", "=", "/", "//", "?", "%", "%2F", "%41", "%c3%a9", "%zz", ":", "@", "+", "|",
            "- ", "> ", "# ", "    ", "\n\n", "\r\n", "---", "+++", "{", "}", "https://", "http://example.com/");

    /** What {@link #spliced()} puts inside a fragment: markup that a cleaner removes or decodes. */
    private static final List<String> INSERTS = List.of("<b>", "</b>", "<b></b>", "<br/>", "<!-- -->", "<!---->",
            "<i class=x>", "</script>", "&amp;", "&#65;", "&lt;", "\n", " ");

    private static final String WHITESPACE = "\t\n\u000B\f\r \u001C\u001D\u001E\u001F\u0085\u00A0\u1680\u2000"
            + "\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B\u200C\u200D\u2028\u2029\u202F"
            + "\u205F\u3000\uFEFF\u180E\u00AD";

    private static final int[][] LETTER_RANGES = {{0x00C0, 0x024F}, {0x0370, 0x03FF}, {0x0400, 0x04FF},
            {0x1E00, 0x1EFF}, {0x0130, 0x0131}, {0x00DF, 0x00DF}};
    private static final int[][] MARK_RANGES = {{0x0300, 0x036F}, {0x0900, 0x097F}, {0x0E00, 0x0E7F},
            {0x0600, 0x06FF}, {0x05D0, 0x05EA}, {0x20D0, 0x20FF}};
    private static final int[][] CJK_RANGES = {{0x4E00, 0x9FFF}, {0x3040, 0x30FF}, {0xAC00, 0xD7A3},
            {0x1100, 0x11FF}, {0x3000, 0x303F}, {0xFF61, 0xFF9F}};
    private static final int[][] COMPATIBILITY_RANGES = {{0xFB00, 0xFB06}, {0x2460, 0x24FF}, {0xFF01, 0xFF5E},
            {0x2160, 0x2188}, {0x2100, 0x214F}, {0x00BC, 0x00BE}, {0x2070, 0x209F}, {0x3250, 0x32FF},
            {0x2010, 0x2027}, {0x2030, 0x205E}};
    private static final int[][] SUPPLEMENTARY_RANGES = {{0x1F300, 0x1FAFF}, {0x20000, 0x2A6DF},
            {0x1D400, 0x1D7FF}, {0x10400, 0x1044F}, {0x1F1E6, 0x1F1FF}};
    private static final List<String> EMOJI_SEQUENCES = List.of("👩‍💻", "👍🏽", "🇫🇷", "❤️", "1️⃣", "🏳️‍🌈");

    private final SplittableRandom random;

    public RandomText(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * Runs {@code property} on {@code tries} generated inputs, the i-th made by {@code new RandomText(firstSeed + i)};
     * the first failure (an assertion or any exception) is rethrown as an {@link AssertionError} naming the seed and
     * the input.
     */
    public static <T> void check(long firstSeed, int tries, Function<RandomText, T> generator, Consumer<T> property) {
        for (int i = 0; i < tries; i++) {
            long seed = firstSeed + i;
            T input = generator.apply(new RandomText(seed));
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed on try " + (i + 1) + " of " + tries + " with seed " + seed
                        + "L (the generator given new RandomText(" + seed + "L) makes this input again), input: "
                        + describe(input) + "\n" + e.getMessage(), e);
            }
        }
    }

    /** {@code value} as text with every character outside printable ASCII written as a Java escape. */
    public static String describe(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c >= 0x20 && c < 0x7F) {
                        out.append(c);
                    } else {
                        out.append(String.format("\\u%04X", (int) c));
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Any string of at most {@value #DEFAULT_MAX_LENGTH} UTF-16 units (see the class comment). */
    public String anyString() {
        return anyString(DEFAULT_MAX_LENGTH);
    }

    /** Any string of at most {@code maxLength} UTF-16 units. */
    public String anyString(int maxLength) {
        if (random.nextInt(16) == 0) {
            List<String> fitting = EDGE_CASES.stream().filter(s -> s.length() <= maxLength).toList();
            return oneOf(fitting);
        }
        int length = switch (random.nextInt(3)) {
            case 0 -> between(0, Math.min(8, maxLength));
            case 1 -> between(0, Math.min(40, maxLength));
            default -> between(0, maxLength);
        };
        boolean markupSoup = random.nextInt(4) == 0;
        StringBuilder out = new StringBuilder(length);
        String previous = null;
        while (out.length() < length) {
            String piece = previous != null && random.nextInt(10) == 0 ? previous
                    : markupSoup ? markupSoupPiece() : piece();
            if (out.length() + piece.length() > length) {
                piece = String.valueOf((char) between(0x20, 0x7E));
            }
            out.append(piece);
            previous = piece;
        }
        return out.toString();
    }

    /** One code point, character sequence or markup fragment of {@link #anyString()}. */
    private String piece() {
        int kind = random.nextInt(100);
        if (kind < 30) {
            return String.valueOf(anyBmpChar());
        } else if (kind < 45) {
            return String.valueOf((char) between(0x20, 0x7E));
        } else if (kind < 57) {
            return oneOf(MARKUP);
        } else if (kind < 64) {
            return random.nextBoolean() ? String.valueOf(WHITESPACE.charAt(random.nextInt(WHITESPACE.length())))
                    : String.valueOf((char) between(0x00, 0x1F));
        } else if (kind < 74) {
            return codePointIn(LETTER_RANGES);
        } else if (kind < 80) {
            return codePointIn(MARK_RANGES);
        } else if (kind < 88) {
            return codePointIn(CJK_RANGES);
        } else if (kind < 93) {
            return codePointIn(COMPATIBILITY_RANGES);
        } else if (kind < 98) {
            return codePointIn(SUPPLEMENTARY_RANGES);
        } else {
            return oneOf(EMOJI_SEQUENCES);
        }
    }

    /**
     * A piece of "markup soup": mostly HTML/Markdown fragments and ASCII letters, so that tags nested in tags
     * ({@code <scr<b></b>ipt>}), references cut by tags ({@code &am<b>p;}) and the like come up often.
     */
    private String markupSoupPiece() {
        int kind = random.nextInt(20);
        if (kind < 8) {
            return oneOf(MARKUP);
        } else if (kind < 10) {
            return spliced();
        } else if (kind < 11) {
            return escaped(oneOf(MARKUP));
        } else if (kind < 16) {
            return String.valueOf((char) (random.nextBoolean() ? between('a', 'z') : between('A', 'Z')));
        } else if (kind < 18) {
            return oneOf(" ", "\n", "\t", "\u00A0");
        } else {
            return piece();
        }
    }

    /**
     * A fragment of {@link #MARKUP} with markup or a reference inserted inside it ({@code <scr<b></b>ipt>},
     * {@code &am<!-- -->p;}, {@code java&#65;script:}), sometimes nested, so that removing or decoding the insert
     * makes a new tag, reference or scheme.
     */
    private String spliced() {
        String outer;
        do {
            outer = oneOf(MARKUP);
        } while (outer.length() < 2);
        int at = between(1, outer.length() - 1);
        String inner = random.nextInt(4) == 0 ? spliced() : oneOf(INSERTS);
        return outer.substring(0, at) + inner + outer.substring(at);
    }

    /** {@code fragment} HTML-escaped once or twice ({@code <b>} as {@code &lt;b&gt;} or {@code &amp;lt;b&amp;gt;}). */
    private String escaped(String fragment) {
        String text = fragment;
        for (int times = between(1, 2); times > 0; times--) {
            text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
        return text;
    }

    /** Any UTF-16 unit but noncharacters and private use ones; lone surrogates included. */
    private char anyBmpChar() {
        while (true) {
            char c = (char) random.nextInt(0x10000);
            boolean nonCharacter = (c >= 0xFDD0 && c <= 0xFDEF) || c == 0xFFFE || c == 0xFFFF;
            boolean privateUse = c >= 0xE000 && c <= 0xF8FF;
            if (!nonCharacter && !privateUse) {
                return c;
            }
        }
    }

    private String codePointIn(int[][] ranges) {
        int[] range = ranges[random.nextInt(ranges.length)];
        return Character.toString(between(range[0], range[1]));
    }

    /**
     * A string of {@code minLength} to {@code maxLength} characters, each from one of the inclusive {@code ranges}
     * (a range picked uniformly, then a character in it), e.g. {@code chars(1, 10, 'a', 'z', 'À', 'ÿ')}.
     */
    public String chars(int minLength, int maxLength, char... ranges) {
        if (ranges.length == 0 || ranges.length % 2 != 0) {
            throw new IllegalArgumentException("ranges come in from/to pairs");
        }
        int length = between(minLength, maxLength);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int range = random.nextInt(ranges.length / 2) * 2;
            out.append((char) between(ranges[range], ranges[range + 1]));
        }
        return out.toString();
    }

    /** ASCII letters, {@code minLength} to {@code maxLength} of them. */
    public String alpha(int minLength, int maxLength) {
        return chars(minLength, maxLength, 'a', 'z', 'A', 'Z');
    }

    /** {@code min} to {@code max} elements, each from {@code element}. */
    public <T> List<T> listOf(int min, int max, Supplier<T> element) {
        int size = between(min, max);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    /** An int in {@code [min, max]}, both inclusive. */
    public int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    /** A long in {@code [min, max]}, both inclusive. */
    public long between(long min, long max) {
        return random.nextLong(min, max + 1);
    }

    public boolean nextBoolean() {
        return random.nextBoolean();
    }

    /** One of {@code values}, uniformly. */
    public <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    public final <T> T oneOf(T... values) {
        return values[random.nextInt(values.length)];
    }
}
