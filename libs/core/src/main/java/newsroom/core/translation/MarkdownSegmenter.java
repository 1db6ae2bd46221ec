package newsroom.core.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits Markdown into prose and protected spans ({@link Segment}s) so that only prose reaches a translator.
 * Concatenating the result gives the input back exactly, for any input.
 *
 * <p>Protected, as whole blocks: fenced code (``` and ~~~), indented code, Hugo {@code highlight} shortcode
 * blocks, HTML blocks and comments, link reference definitions, thematic breaks and setext underlines, table
 * delimiter rows, blank lines. Protected inside a line: code spans, autolinks and bare URLs, link and image targets
 * ({@code ](…)}, {@code ][…]}) and brackets, inline HTML, HTML entities, backslash escapes, Hugo shortcodes, table
 * pipes, braces (so that prose can never be mistaken for a placeholder), line indentation and block markers
 * ({@code >}, list markers, {@code #}), trailing whitespace and line ends.
 *
 * <p>Known limits, all on the safe side (left untranslated, never damaged): an indented paragraph after a blank
 * line (a list continuation) is taken for indented code; code fences inside block quotes are not recognised as
 * fences but their lines are still split at the line structure; a code span spanning lines is not recognised.
 * Stateless and thread-safe.
 */
final class MarkdownSegmenter {

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern HIGHLIGHT_OPEN = Pattern.compile("^\\s*\\{\\{[<%]\\s*highlight\\b");
    private static final Pattern HIGHLIGHT_CLOSE = Pattern.compile("\\{\\{[<%]\\s*/highlight\\s*[%>]}}");
    private static final Pattern INDENTED_CODE = Pattern.compile("^(?: {4}|\\t)");
    private static final Pattern HTML_COMMENT_OPEN = Pattern.compile("^ {0,3}<!--");
    private static final Pattern HTML_BLOCK = Pattern.compile("^ {0,3}</?[A-Za-z][A-Za-z0-9-]*(?:[\\s/>]|$)");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+]:\\s*\\S");
    private static final Pattern RULE = Pattern.compile("^ {0,3}(?:(?:[-*_][ \\t]*){3,}|=+[ \\t]*|-{2,}[ \\t]*)$");
    private static final Pattern SHORTCODE_CLOSE = Pattern.compile("[%>]}}");
    private static final Pattern TABLE_DELIMITER =
            Pattern.compile("^[ \\t]*\\|?[ \\t]*:?-+:?[ \\t]*(?:\\|[ \\t]*:?-+:?[ \\t]*)+\\|?[ \\t]*$");
    private static final Pattern LINE_PREFIX = Pattern.compile(
            "^[ \\t]*(?:>[ \\t]?)*[ \\t]*(?:(?:#{1,6}|[-*+]|\\d{1,9}[.)])(?:[ \\t]+|$))?(?:\\[[ xX]][ \\t]+)?");
    private static final Pattern TRAILING_WHITESPACE = Pattern.compile("[ \\t]+$");

    private static final Pattern INLINE = Pattern.compile(String.join("|",
            "(?<ticks>`+).*?(?<!`)\\k<ticks>(?!`)",                                 // code span
            "<!--.*?-->",                                                           // HTML comment
            "<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\\s]*|[^<>\\s@]+@[^<>\\s@]+)>",   // autolink
            "</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>",                            // inline HTML tag
            "\\{\\{[<%].*?[%>]}}",                                                  // Hugo shortcode
            "]\\((?:[^()]|\\([^()]*\\))*\\)",                                       // link or image target
            "]\\[[^\\]]*]",                                                         // reference link label
            "!?\\[|]",                                                              // link text brackets
            "(?:https?|ftp)://[^\\s<>\\[\\](){}|]*[^\\s<>\\[\\](){}|.,;:!?'\"]",      // bare URL
            "&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});",   // HTML entity
            "\\\\[!-/:-@\\[-`{-~]",                                                 // backslash escape
            "[{}]",                                                                 // braces: placeholder syntax
            "[ \\t]*\\|[ \\t]*"));                                                  // table cell pipe

    /** Splits {@code markdown}; the segments' texts concatenate to {@code markdown}. */
    List<Segment> segment(String markdown) {
        SegmentList out = new SegmentList();
        List<String> lines = splitLines(markdown);
        boolean previousBlank = true;
        int i = 0;
        while (i < lines.size()) {
            String content = withoutTerminator(lines.get(i));
            int end;
            Matcher fence = FENCE.matcher(content);
            if (fence.find()) {
                end = closingFence(lines, i, fence.group(1));
            } else if (HIGHLIGHT_OPEN.matcher(content).find()) {
                end = firstLineMatching(lines, i, HIGHLIGHT_CLOSE) + 1;
            } else if (content.isBlank()) {
                end = i + 1;
            } else if (previousBlank && INDENTED_CODE.matcher(content).find()) {
                end = indentedCodeEnd(lines, i);
            } else if (HTML_COMMENT_OPEN.matcher(content).find()) {
                end = firstLineMatching(lines, i, Pattern.compile("-->")) + 1;
            } else if (HTML_BLOCK.matcher(content).find()) {
                end = nextBlankLine(lines, i);
            } else if (opensShortcode(content)) {
                end = firstLineMatching(lines, i + 1, SHORTCODE_CLOSE) + 1;
            } else if (REFERENCE_DEFINITION.matcher(content).find() || RULE.matcher(content).find()
                    || TABLE_DELIMITER.matcher(content).find()) {
                end = i + 1;
            } else {
                addTextLine(lines.get(i), out);
                previousBlank = false;
                i++;
                continue;
            }
            out.add(String.join("", lines.subList(i, end)), Segment.Kind.BLOCK);
            previousBlank = withoutTerminator(lines.get(end - 1)).isBlank();
            i = end;
        }
        return out.segments;
    }

    private static void addTextLine(String line, SegmentList out) {
        String content = withoutTerminator(line);
        Matcher prefix = LINE_PREFIX.matcher(content);
        int start = prefix.lookingAt() ? prefix.end() : 0;
        Matcher trailing = TRAILING_WHITESPACE.matcher(content);
        int end = trailing.find(start) ? trailing.start() : content.length();
        out.add(content.substring(0, start), Segment.Kind.LINE);
        Matcher inline = INLINE.matcher(content).region(start, end);
        int position = start;
        while (inline.find()) {
            out.add(content.substring(position, inline.start()), Segment.Kind.TEXT);
            out.add(inline.group(), Segment.Kind.INLINE);
            position = inline.end();
        }
        out.add(content.substring(position, end), Segment.Kind.TEXT);
        out.add(line.substring(end), Segment.Kind.LINE);
    }

    /** True when the line opens a Hugo shortcode it does not close (its parameters go on over the next lines). */
    private static boolean opensShortcode(String line) {
        int open = Math.max(line.lastIndexOf("{{<"), line.lastIndexOf("{{%"));
        int close = Math.max(line.lastIndexOf(">}}"), line.lastIndexOf("%}}"));
        return open >= 0 && open > close;
    }

    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    private static String withoutTerminator(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return line.substring(0, end);
    }

    /** Index after the closing fence (same character, at least as long), or the end when it is never closed. */
    private static int closingFence(List<String> lines, int open, String fence) {
        Pattern closing = Pattern.compile("^ {0,3}" + Pattern.quote(fence.substring(0, 1)) + "{" + fence.length()
                + ",}[ \\t]*$");
        for (int j = open + 1; j < lines.size(); j++) {
            if (closing.matcher(withoutTerminator(lines.get(j))).find()) {
                return j + 1;
            }
        }
        return lines.size();
    }

    /** Index of the first line from {@code from} on that matches, or the last line when none does. */
    private static int firstLineMatching(List<String> lines, int from, Pattern pattern) {
        for (int j = from; j < lines.size(); j++) {
            if (pattern.matcher(lines.get(j)).find()) {
                return j;
            }
        }
        return lines.size() - 1;
    }

    private static int nextBlankLine(List<String> lines, int from) {
        int j = from + 1;
        while (j < lines.size() && !withoutTerminator(lines.get(j)).isBlank()) {
            j++;
        }
        return j;
    }

    private static int indentedCodeEnd(List<String> lines, int from) {
        int j = from + 1;
        while (j < lines.size()) {
            String content = withoutTerminator(lines.get(j));
            if (!content.isBlank() && !INDENTED_CODE.matcher(content).find()) {
                break;
            }
            j++;
        }
        return j;
    }

    /** Appends segments, merging neighbours of the same family (prose; inline spans; line and block structure). */
    private static final class SegmentList {
        private final List<Segment> segments = new ArrayList<>();

        void add(String text, Segment.Kind kind) {
            if (text.isEmpty()) {
                return;
            }
            if (!segments.isEmpty()) {
                Segment last = segments.get(segments.size() - 1);
                if (family(last.kind()) == family(kind)) {
                    Segment.Kind merged = last.kind().compareTo(kind) >= 0 ? last.kind() : kind;
                    segments.set(segments.size() - 1, new Segment(last.text() + text, merged));
                    return;
                }
            }
            segments.add(new Segment(text, kind));
        }

        private static int family(Segment.Kind kind) {
            return switch (kind) {
                case TEXT -> 0;
                case INLINE -> 1;
                case LINE, BLOCK -> 2;
            };
        }
    }
}
