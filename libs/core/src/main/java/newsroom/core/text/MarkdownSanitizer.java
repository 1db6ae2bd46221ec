package newsroom.core.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes active HTML from a Markdown body while leaving plain Markdown untouched, byte for byte. Outside fenced code
 * blocks and code spans it removes {@code script}, {@code style}, {@code iframe}, {@code object}, {@code embed},
 * {@code form}, {@code svg} and {@code math} elements with their content, removes every other raw HTML tag (keeping
 * the text between tags), and turns links, images, autolinks and reference definitions whose target uses the
 * {@code javascript:}, {@code vbscript:} or {@code data:} scheme into their plain text.
 *
 * <p>Code is recognised as CommonMark does, with two deliberate differences that favour safety: indented code blocks
 * and fences nested in lists or block quotes are sanitized like text, and a code span may not continue onto a line
 * that starts a new block. Input is expected with {@code \n} line ends. The result is a fixed point:
 * {@code sanitize(sanitize(x)).equals(sanitize(x))}. Thread-safe.
 */
public final class MarkdownSanitizer {

    private static final Pattern FENCE_OPEN = Pattern.compile(" {0,3}(`{3,}|~{3,})(.*)");
    private static final Pattern FENCE_CLOSE = Pattern.compile(" {0,3}(`{3,}|~{3,})[ \\t]*");
    private static final Pattern LINK = Pattern.compile(
            "!?\\[((?:[^\\[\\]\\\\]|\\\\.|\\[(?:[^\\[\\]\\\\]|\\\\.)*])*)]"
                    + "\\(\\s*(<[^<>\\n]*>|(?:[^\\s()\\\\]|\\\\.|\\((?:[^\\s()\\\\]|\\\\.)*\\))*)"
                    + "(?:\\s+(?:\"[^\"]*\"|'[^']*'|\\([^()]*\\)))?\\s*\\)");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile(
            "(?m)^ {0,3}\\[(?:[^\\[\\]\\\\]|\\\\.)+]:[ \\t]*\\n?[ \\t]*(<[^<>\\n]*>|\\S+)[^\\n]*(?:\\n|$)");
    private static final Pattern AUTOLINK = Pattern.compile("<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\\s<>]*)>");
    private static final Pattern EMAIL_AUTOLINK = Pattern.compile(
            "<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>");
    /** A line that starts a new block, which a code span cannot run into. */
    private static final Pattern BLOCK_START = Pattern.compile("[ \\t]*(?:\\n|$|[#>|<=+*-]|`{3}|~{3}|\\d{1,9}[.)])");
    private static final Pattern INVISIBLE_IN_URL = Pattern.compile("[\\s\\p{Cc}]");
    private static final Pattern ESCAPED_PUNCTUATION = Pattern.compile("\\\\(\\p{Punct})");
    private static final int MAX_ROUNDS = 32;

    private MarkdownSanitizer() {
    }

    /** The Markdown without active HTML; unchanged when it had none. */
    public static String sanitize(String markdown) {
        String current = markdown;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String next = sanitizeOnce(current);
            if (next.equals(current)) {
                return next;
            }
            current = next;
        }
        // Only input built to defeat the sanitizer gets here; neutralize every remaining '<' outside code.
        return new MarkdownSanitizer.Pass(current, true).run();
    }

    /** True when a link target would run code or embed content: javascript:, vbscript: or data:. */
    public static boolean isActiveUrl(String target) {
        String url = target.strip();
        if (url.startsWith("<") && url.endsWith(">")) {
            url = url.substring(1, url.length() - 1);
        }
        url = ESCAPED_PUNCTUATION.matcher(url).replaceAll("$1");
        url = INVISIBLE_IN_URL.matcher(HtmlEntities.decode(url)).replaceAll("").toLowerCase(Locale.ROOT);
        return url.startsWith("javascript:") || url.startsWith("vbscript:") || url.startsWith("data:");
    }

    private static String sanitizeOnce(String markdown) {
        return new Pass(markdown, false).run();
    }

    /** One left-to-right pass over a body: fences copied, everything else sanitized. */
    private static final class Pass {
        private final String markdown;
        private final boolean escapeRemainingBrackets;
        private final StringBuilder out;
        /** Per backtick run length: the position up to which a search found no closing run. */
        private final Map<Integer, Integer> noClosingRunBefore = new HashMap<>();

        Pass(String markdown, boolean escapeRemainingBrackets) {
            this.markdown = markdown;
            this.escapeRemainingBrackets = escapeRemainingBrackets;
            this.out = new StringBuilder(markdown.length());
        }

        String run() {
            String[] lines = markdown.split("\n", -1);
            StringBuilder text = new StringBuilder();
            String fence = null;
            for (int n = 0; n < lines.length; n++) {
                String line = lines[n];
                String lineEnd = n < lines.length - 1 ? "\n" : "";
                if (fence != null) {
                    out.append(line).append(lineEnd);
                    Matcher close = FENCE_CLOSE.matcher(line);
                    if (close.matches() && close.group(1).charAt(0) == fence.charAt(0)
                            && close.group(1).length() >= fence.length()) {
                        fence = null;
                    }
                    continue;
                }
                Matcher open = FENCE_OPEN.matcher(line);
                if (open.matches() && !(open.group(1).charAt(0) == '`' && open.group(2).contains("`"))) {
                    sanitizeText(text.toString());
                    text.setLength(0);
                    out.append(line).append(lineEnd);
                    fence = open.group(1);
                    continue;
                }
                text.append(line).append(lineEnd);
            }
            sanitizeText(text.toString());
            return out.toString();
        }

        private void sanitizeText(String chunk) {
            if (chunk.isEmpty()) {
                return;
            }
            noClosingRunBefore.clear();
            String text = removeActiveReferenceDefinitions(chunk);
            HtmlMarkup.ClosingTags closingTags = new HtmlMarkup.ClosingTags(text);
            Matcher opening = HtmlMarkup.OPENING_TAG.matcher(text).useTransparentBounds(true);
            Matcher tag = HtmlMarkup.TAG.matcher(text).useTransparentBounds(true);
            Matcher autolink = AUTOLINK.matcher(text).useTransparentBounds(true);
            Matcher email = EMAIL_AUTOLINK.matcher(text).useTransparentBounds(true);
            Matcher link = LINK.matcher(text).useTransparentBounds(true);
            int i = 0;
            int length = text.length();
            while (i < length) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < length && isAsciiPunctuation(text.charAt(i + 1))) {
                    out.append(c).append(text.charAt(i + 1));
                    i += 2;
                } else if (c == '`') {
                    i = copyCodeSpanOrBackticks(text, i);
                } else if (c == '<') {
                    if (autolink.region(i, length).lookingAt()) {
                        out.append(isActiveUrl(autolink.group(1)) ? autolink.group(1) : autolink.group());
                        i = autolink.end();
                    } else if (email.region(i, length).lookingAt()) {
                        out.append(email.group());
                        i = email.end();
                    } else if (opening.region(i, length).lookingAt() && HtmlMarkup.removedWithContent(opening.group(1))
                            && closingTags.endOfClosingTag(opening.group(1), opening.end()) > 0) {
                        i = closingTags.endOfClosingTag(opening.group(1), opening.end());
                    } else if (tag.region(i, length).lookingAt()) {
                        i = tag.end();
                    } else {
                        out.append(escapeRemainingBrackets ? "&lt;" : "<");
                        i++;
                    }
                } else if ((c == '[' || c == '!') && link.region(i, length).lookingAt()
                        && isActiveUrl(link.group(2))) {
                    out.append(link.group(1));
                    i = link.end();
                } else {
                    out.append(c);
                    i++;
                }
            }
        }

        private static String removeActiveReferenceDefinitions(String text) {
            if (text.indexOf("]:") < 0) {
                return text;
            }
            Matcher m = REFERENCE_DEFINITION.matcher(text);
            StringBuilder kept = new StringBuilder(text.length());
            while (m.find()) {
                m.appendReplacement(kept, isActiveUrl(m.group(1)) ? "" : Matcher.quoteReplacement(m.group()));
            }
            m.appendTail(kept);
            return kept.toString();
        }

        /** Copies a code span verbatim, or the backtick run alone when no valid closing run follows. */
        private int copyCodeSpanOrBackticks(String text, int start) {
            int runEnd = start;
            while (runEnd < text.length() && text.charAt(runEnd) == '`') {
                runEnd++;
            }
            int runLength = runEnd - start;
            if (runEnd < noClosingRunBefore.getOrDefault(runLength, -1)) {
                out.append(text, start, runEnd);
                return runEnd;
            }
            int i = runEnd;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\n' && BLOCK_START.matcher(text).region(i + 1, text.length()).lookingAt()) {
                    break;
                }
                if (c == '`') {
                    int closeEnd = i;
                    while (closeEnd < text.length() && text.charAt(closeEnd) == '`') {
                        closeEnd++;
                    }
                    if (closeEnd - i == runLength) {
                        out.append(text, start, closeEnd);
                        return closeEnd;
                    }
                    i = closeEnd;
                } else {
                    i++;
                }
            }
            noClosingRunBefore.put(runLength, i);
            out.append(text, start, runEnd);
            return runEnd;
        }

        private static boolean isAsciiPunctuation(char c) {
            return c < 128 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
        }
    }
}
