package newsroom.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds an article summary from the first paragraphs of its Markdown body, as plain text: heading markers,
 * block-quote and list markers, emphasis and code backticks removed, links replaced by their text, images and
 * fenced code dropped, HTML cleaned by {@link PlainText}; paragraphs joined with a space. The summary is shortened by
 * {@link #shorten} to at most {@value #MAX_LENGTH} code points (or the length asked for).
 */
public final class SummaryBuilder {

    /** Longest summary, in code points, including the ellipsis. */
    public static final int MAX_LENGTH = 300;

    private static final Pattern FENCE_OPEN = Pattern.compile(" {0,3}(`{3,}|~{3,}).*");
    private static final Pattern FENCE_CLOSE = Pattern.compile(" {0,3}(`{3,}|~{3,})[ \\t]*");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile(" {0,3}(=+|-+)[ \\t]*");
    private static final Pattern THEMATIC_BREAK = Pattern.compile(" {0,3}([-*_])(?:[ \\t]*\\1){2,}[ \\t]*");
    private static final Pattern ATX_HEADING = Pattern.compile(" {0,3}#{1,6}(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile(" {0,3}\\[[^\\]]+]:.*");
    private static final Pattern TABLE_DELIMITER_ROW =
            Pattern.compile("[ \\t]*\\|?[ \\t]*:?-+:?[ \\t]*(\\|[ \\t]*:?-+:?[ \\t]*)*\\|?[ \\t]*");
    private static final Pattern CONTAINER_MARKERS =
            Pattern.compile("^(?:[ \\t]*>[ \\t]?)*[ \\t]*(?:(?:[-*+]|\\d{1,9}[.)])[ \\t]+)?");

    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*](?:\\([^)]*\\)|\\[[^\\]]*])");
    private static final Pattern INLINE_LINK = Pattern.compile("\\[([^\\]]*)]\\((?:[^()]|\\([^()]*\\))*\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("\\[([^\\]]*)]\\[[^\\]]*]");
    private static final Pattern AUTOLINK = Pattern.compile("<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\\s<>]*)>");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)[ ]?(.+?)[ ]?\\1");
    private static final Pattern STRONG_OR_EMPHASIS = Pattern.compile("(\\*{1,3}|~~)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern UNDERSCORE_EMPHASIS =
            Pattern.compile("(?<![\\p{L}\\p{N}_])(_{1,3})(?=\\S)(.+?)(?<=\\S)\\1(?![\\p{L}\\p{N}_])");
    private static final Pattern ESCAPED_PUNCTUATION = Pattern.compile("\\\\(\\p{Punct})");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:–—-]+$");

    private SummaryBuilder() {
    }

    /** The summary of a Markdown body; empty when the body has no text. */
    public static String fromMarkdown(String markdown) {
        return fromMarkdown(markdown, MAX_LENGTH);
    }

    /** The summary of a Markdown body in at most {@code maxLength} code points; empty when the body has no text. */
    public static String fromMarkdown(String markdown, int maxLength) {
        List<String> paragraphs = paragraphs(markdown, 8 * maxLength);
        StringBuilder text = new StringBuilder();
        for (String paragraph : paragraphs) {
            String plain = inlineToPlainText(paragraph);
            if (!plain.isEmpty()) {
                text.append(text.length() == 0 ? "" : " ").append(plain);
            }
            if (text.length() > maxLength) {
                break;
            }
        }
        return shorten(PlainText.clean(text.toString()), maxLength);
    }

    /** A sentence end at or after this share of the limit is a better place to stop than a word boundary. */
    private static final double MIN_SENTENCE_SHARE = 0.5;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"'”’»)]*(?=\\s)");

    /**
     * {@code text} when it has at most {@code maxLength} code points; else its longest prefix ending a sentence
     * ({@code .}, {@code !}, {@code ?} before a space) when that keeps at least half the limit, else its longest
     * prefix ending at a word boundary followed by {@code …}. Never longer than {@code maxLength}; applying it twice
     * changes nothing.
     */
    public static String shorten(String text, int maxLength) {
        if (text.codePointCount(0, text.length()) <= maxLength) {
            return text;
        }
        int limit = text.offsetByCodePoints(0, maxLength);
        Matcher sentence = SENTENCE_END.matcher(text);
        sentence.region(0, Math.min(text.length(), limit + 1));
        int sentenceEnd = -1;
        while (sentence.find()) {
            if (sentence.end() <= limit) {
                sentenceEnd = sentence.end();
            }
        }
        if (sentenceEnd > 0 && text.codePointCount(0, sentenceEnd) >= maxLength * MIN_SENTENCE_SHARE) {
            return text.substring(0, sentenceEnd);
        }
        return cut(text, maxLength);
    }

    /**
     * {@code text} when it has at most {@code maxLength} code points, else its longest prefix ending at a word
     * boundary that leaves room for a trailing {@code …} (a single long word is cut where it must).
     */
    public static String cut(String text, int maxLength) {
        if (text.codePointCount(0, text.length()) <= maxLength) {
            return text;
        }
        int limit = text.offsetByCodePoints(0, maxLength - 1);
        int space = text.lastIndexOf(' ', limit);
        String head = space > 0 ? text.substring(0, space) : text.substring(0, limit);
        return TRAILING_PUNCTUATION.matcher(head).replaceAll("") + "…";
    }

    private static List<String> paragraphs(String markdown, int rawTextBudget) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int rawLength = 0;
        String fence = null;
        for (String line : markdown.split("\n")) {
            if (fence != null) {
                Matcher close = FENCE_CLOSE.matcher(line);
                if (close.matches() && close.group(1).charAt(0) == fence.charAt(0)
                        && close.group(1).length() >= fence.length()) {
                    fence = null;
                }
                continue;
            }
            Matcher open = FENCE_OPEN.matcher(line);
            Matcher heading = ATX_HEADING.matcher(line);
            if (open.matches()) {
                fence = open.group(1);
                flush(current, paragraphs, rawTextBudget);
            } else if (line.isBlank() || THEMATIC_BREAK.matcher(line).matches() && current.length() == 0
                    || SETEXT_UNDERLINE.matcher(line).matches() && current.length() > 0) {
                flush(current, paragraphs, rawTextBudget);
            } else if (heading.matches()) {
                flush(current, paragraphs, rawTextBudget);
                current.append(heading.group(1) == null ? "" : heading.group(1));
                flush(current, paragraphs, rawTextBudget);
            } else if (!REFERENCE_DEFINITION.matcher(line).matches() && !TABLE_DELIMITER_ROW.matcher(line).matches()) {
                String content = CONTAINER_MARKERS.matcher(line).replaceFirst("").strip();
                current.append(current.length() == 0 ? "" : " ").append(content);
                rawLength += content.length();
            }
            if (rawLength > rawTextBudget) {
                break;
            }
        }
        flush(current, paragraphs, rawTextBudget);
        return paragraphs;
    }

    private static void flush(StringBuilder current, List<String> paragraphs, int rawTextBudget) {
        if (!current.toString().isBlank()) {
            String paragraph = current.toString();
            paragraphs.add(paragraph.length() > rawTextBudget ? paragraph.substring(0, rawTextBudget) : paragraph);
        }
        current.setLength(0);
    }

    private static String inlineToPlainText(String paragraph) {
        String text = IMAGE.matcher(paragraph).replaceAll("");
        text = INLINE_LINK.matcher(text).replaceAll("$1");
        text = REFERENCE_LINK.matcher(text).replaceAll("$1");
        text = AUTOLINK.matcher(text).replaceAll("$1");
        text = CODE_SPAN.matcher(text).replaceAll("$2");
        for (int round = 0; round < 3; round++) {
            text = STRONG_OR_EMPHASIS.matcher(text).replaceAll("$2");
            text = UNDERSCORE_EMPHASIS.matcher(text).replaceAll("$2");
        }
        text = ESCAPED_PUNCTUATION.matcher(text).replaceAll("$1");
        return PlainText.clean(text);
    }
}
