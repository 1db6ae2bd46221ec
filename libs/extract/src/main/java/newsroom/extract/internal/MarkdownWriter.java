package newsroom.extract.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;
import org.jspecify.annotations.Nullable;

/**
 * Renders extracted content as CommonMark/GFM without any raw HTML: headings, paragraphs, nested lists, block quotes,
 * fenced code, GFM pipe tables, images and figures with captions, links, emphasis. Text is escaped so that no
 * character of the page can start Markdown or HTML syntax; only absolute http(s)/mailto links and http(s) images are
 * written, so the output is safe to render.
 */
public final class MarkdownWriter {

    private static final Pattern LINE_START_SYNTAX = Pattern.compile(
            "(?m)^(\\s{0,3})(#{1,6}(?=\\s|$)|[-+=](?=\\s|$)|-{3,}\\s*$|=+\\s*$|(\\d{1,9})([.)])(?=\\s|$))");
    /** Regular expressions of the hot paths, compiled once ({@code String.replaceAll} compiles on every call). */
    private static final Pattern BACKTICKS = Pattern.compile("`+");
    /** Elements of each kind of emphasis (parsed once). */
    private static final Evaluator STRONG = Selector.evaluatorOf("strong, b");
    private static final Evaluator EMPHASIS = Selector.evaluatorOf("em, i, cite");
    private static final Evaluator STRUCK = Selector.evaluatorOf("del, s, strike");
    private static final Pattern LANGUAGE_CLASS =
            Pattern.compile("(?:^|\\s)(?:language|lang)-([A-Za-z0-9_+#.-]{1,30})");

    private final UrlResolver.Base baseUrl;
    /** The inline run of the current block, gathered until a block or the container's end (one buffer reused). */
    private final StringBuilder inlineRun = new StringBuilder(256);

    private MarkdownWriter(@Nullable String baseUrl) {
        this.baseUrl = UrlResolver.against(baseUrl);
    }

    /**
     * @param root    content to render (its children are rendered, not the root's own tag)
     * @param baseUrl absolute URL relative links resolve against; may be null (relative links then become text)
     */
    public static String write(Element root, @Nullable String baseUrl) {
        return write(root, baseUrl, 16);
    }

    /**
     * As {@link #write(Element, String)}, with the expected length of the Markdown (the plain text's is a good
     * guess) to size the buffer once.
     */
    public static String write(Element root, @Nullable String baseUrl, int expectedLength) {
        StringBuilder out = new StringBuilder(Math.max(16, expectedLength + expectedLength / 4));
        new MarkdownWriter(baseUrl).blocks(root, out);
        return finish(out);
    }

    /** {@code withoutBlankLineRuns(out.toString()).strip() + "\n"}, with one copy instead of four. */
    static String finish(StringBuilder out) {
        removeBlankLineRuns(out);
        int end = out.length();
        while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
            end--; // no surrogate is whitespace: char by char strips as String.strip does by code point
        }
        int start = 0;
        while (start < end && Character.isWhitespace(out.charAt(start))) {
            start++;
        }
        out.setLength(end);
        return out.delete(0, start).append('\n').toString();
    }

    /** Shortens, in place, each run of three or more {@code \n} to two, as {@link #withoutBlankLineRuns}. */
    private static void removeBlankLineRuns(StringBuilder text) {
        int first = text.indexOf("\n\n\n");
        if (first < 0) {
            return;
        }
        int kept = first; // text[0, kept) is the result so far
        int newlines = 0;
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            newlines = c == '\n' ? newlines + 1 : 0;
            if (newlines <= 2) {
                text.setCharAt(kept++, c);
            }
        }
        text.setLength(kept);
    }

    /** {@code text} with each run of three or more {@code \n} shortened to two (the regex {@code \n{3,}} → "\n\n"). */
    static String withoutBlankLineRuns(String text) {
        int first = text.indexOf("\n\n\n");
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int newlines = 0;
        int copyFrom = 0; // the characters from here to i are kept, and copied in one go
        for (int i = first; i < text.length(); i++) {
            newlines = text.charAt(i) == '\n' ? newlines + 1 : 0;
            if (newlines > 2) {
                out.append(text, copyFrom, i);
                copyFrom = i + 1;
            }
        }
        return out.append(text, copyFrom, text.length()).toString();
    }

    private void blocks(Element container, StringBuilder out) {
        int start = inlineRun.length(); // 0, but for a block inside an inline run, which would begin its own
        for (int i = 0; i < container.childNodeSize(); i++) { // by index: childNodes() copies the list
            Node child = container.childNode(i);
            if (child instanceof Element element && isBlock(element)) {
                paragraph(start, out);
                block(element, out);
            } else {
                inline(child, inlineRun);
            }
        }
        paragraph(start, out);
    }

    private static boolean isBlock(Element element) {
        return TextWriter.BLOCKS.contains(element.normalName()) || element.normalName().equals("table")
                || element.normalName().equals("pre");
    }

    /** Writes the inline run gathered in {@link #inlineRun} from {@code from} on as a paragraph, and clears it. */
    private void paragraph(int from, StringBuilder out) {
        if (inlineRun.length() == from) {
            return; // nothing gathered: nothing to write
        }
        int start = out.length();
        boolean mayStartLineSyntax = tidyInline(inlineRun.substring(from), out);
        inlineRun.setLength(from);
        if (out.length() > start) {
            if (mayStartLineSyntax && mayStartLineSyntax(out, start)) { // rare: the regex on a copy
                String text = out.substring(start);
                out.setLength(start);
                out.append(escapeLineStarts(text));
            }
            out.append("\n\n");
        }
    }

    private void block(Element element, StringBuilder out) {
        String tag = element.normalName();
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                String text = tidyInline(inlineOf(element)).replace("\n", " ");
                if (!text.isEmpty()) {
                    out.append("#".repeat(tag.charAt(1) - '0')).append(' ').append(text).append("\n\n");
                }
            }
            case "ul", "ol" -> {
                list(element, out, "");
                out.append('\n');
            }
            case "blockquote" -> {
                StringBuilder inner = new StringBuilder();
                blocks(element, inner);
                String quoted = inner.toString().strip();
                if (!quoted.isEmpty()) {
                    out.append(quoted.lines().map(l -> l.isEmpty() ? ">" : "> " + l)
                            .reduce((a, b) -> a + "\n" + b).orElse("")).append("\n\n");
                }
            }
            case "pre" -> code(element, out);
            case "table" -> table(element, out);
            case "hr" -> out.append("---\n\n");
            case "figcaption", "caption" -> {
                String text = tidyInline(inlineOf(element));
                if (!text.isEmpty()) {
                    out.append('*').append(text.replace("\n", " ")).append("*\n\n");
                }
            }
            default -> blocks(element, out);
        }
    }

    private void list(Element list, StringBuilder out, String indent) {
        boolean ordered = list.normalName().equals("ol");
        int number = ordered && list.hasAttr("start") ? parseStart(list.attr("start")) : 1;
        for (Element item : list.children()) {
            if (!item.normalName().equals("li")) {
                continue;
            }
            String marker = ordered ? (number++) + ". " : "- ";
            String childIndent = indent + " ".repeat(marker.length());
            StringBuilder itemText = new StringBuilder();
            StringBuilder inline = new StringBuilder();
            List<Element> nested = new ArrayList<>();
            for (int i = 0; i < item.childNodeSize(); i++) {
                Node child = item.childNode(i);
                if (child instanceof Element e && (e.nameIs("ul") || e.nameIs("ol"))) {
                    nested.add(e);
                } else if (child instanceof Element e && isBlock(e)) {
                    StringBuilder sub = new StringBuilder();
                    block(e, sub);
                    inline.append(' ').append(sub.toString().strip().replace("\n\n", "\n"));
                } else {
                    inline(child, inline);
                }
            }
            itemText.append(escapeLineStarts(tidyInline(inline.toString())));
            out.append(indent).append(marker)
                    .append(itemText.toString().replace("\n", "\n" + childIndent)).append('\n');
            for (Element sub : nested) {
                list(sub, out, childIndent);
            }
        }
    }

    private static int parseStart(String start) {
        try {
            return Math.max(0, Integer.parseInt(start.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void code(Element pre, StringBuilder out) {
        String code = pre.wholeText().replaceAll("\\s+$", "");
        if (code.isBlank()) {
            return;
        }
        int longestRun = 0;
        Matcher ticks = BACKTICKS.matcher(code);
        while (ticks.find()) {
            longestRun = Math.max(longestRun, ticks.group().length());
        }
        String fence = "`".repeat(Math.max(3, longestRun + 1));
        Element codeElement = pre.selectFirst("code");
        Matcher language = LANGUAGE_CLASS.matcher((pre.className() + " "
                + (codeElement == null ? "" : codeElement.className())));
        out.append(fence).append(language.find() ? language.group(1) : "").append('\n')
                .append(code.replaceAll("^\\n", "")).append('\n').append(fence).append("\n\n");
    }

    private void table(Element table, StringBuilder out) {
        List<List<String>> rows = new ArrayList<>();
        for (Element row : table.select("tr")) {
            if (row.closest("table") != table) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (Element cell : row.children()) {
                if (cell.nameIs("td") || cell.nameIs("th")) {
                    cells.add(tidyInline(inlineOfCell(cell)).replace("\n", " ").replace("|", "\\|"));
                }
            }
            if (!cells.isEmpty()) {
                rows.add(cells);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        int columns = rows.stream().mapToInt(List::size).max().orElse(1);
        Element caption = table.selectFirst("caption");
        if (caption != null && !caption.text().isBlank()) {
            out.append('*').append(tidyInline(inlineOf(caption)).replace("\n", " ")).append("*\n\n");
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            out.append('|');
            for (int c = 0; c < columns; c++) {
                out.append(' ').append(c < row.size() ? row.get(c) : "").append(" |");
            }
            out.append('\n');
            if (r == 0) {
                out.append('|').append(" --- |".repeat(columns)).append('\n');
            }
        }
        out.append('\n');
    }

    private String inlineOfCell(Element cell) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cell.childNodeSize(); i++) {
            Node child = cell.childNode(i);
            if (child instanceof Element e && isBlock(e)) {
                text.append(' ').append(inlineOf(e)).append(' ');
            } else {
                inline(child, text);
            }
        }
        return text.toString();
    }

    private String inlineOf(Element element) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < element.childNodeSize(); i++) {
            Node child = element.childNode(i);
            inline(child, text);
        }
        return text.toString();
    }

    private void inline(Node node, StringBuilder out) {
        if (node instanceof TextNode text) {
            appendEscapedCollapsed(text.getWholeText(), out);
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        switch (element.normalName()) {
            case "br" -> out.append("\\\n");
            case "img" -> image(element, out);
            case "a" -> link(element, out);
            case "strong", "b" -> wrap(element, "**", STRONG, out);
            case "em", "i", "cite" -> wrap(element, "*", EMPHASIS, out);
            case "del", "s", "strike" -> wrap(element, "~~", STRUCK, out);
            case "code", "kbd", "samp", "tt" -> inlineCode(element.wholeText(), out);
            default -> {
                if (isBlock(element)) {
                    out.append(' ');
                }
                for (int i = 0; i < element.childNodeSize(); i++) {
                    Node child = element.childNode(i);
                    inline(child, out);
                }
                if (isBlock(element)) {
                    out.append(' ');
                }
            }
        }
    }

    /** Emphasis markers around the element's text; none inside an element of the same kind (already marked). */
    private void wrap(Element element, String marker, Evaluator sameKind, StringBuilder out) {
        String inner = inlineOf(element);
        String trimmed = inner.strip();
        if (trimmed.isEmpty() || element.parent() != null && element.parent().closest(sameKind) != null) {
            out.append(inner);
            return;
        }
        if (!inner.isEmpty() && Character.isWhitespace(inner.charAt(0))) {
            out.append(' ');
        }
        out.append(marker).append(trimmed).append(marker);
        if (Character.isWhitespace(inner.charAt(inner.length() - 1))) {
            out.append(' ');
        }
    }

    private static void inlineCode(String code, StringBuilder out) {
        String text = collapseRuns(code, true);
        if (text.isBlank()) {
            return;
        }
        int longestRun = 0;
        Matcher ticks = BACKTICKS.matcher(text);
        while (ticks.find()) {
            longestRun = Math.max(longestRun, ticks.group().length());
        }
        String fence = "`".repeat(longestRun + 1);
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        out.append(fence).append(pad).append(text).append(pad).append(fence);
    }

    private void link(Element a, StringBuilder out) {
        String raw = inlineOf(a);
        String inner = tidyInline(raw).replace("\n", " ");
        var url = baseUrl.link(a.attr("href"));
        if (inner.isEmpty()) {
            out.append(raw.isEmpty() ? "" : " ");
            return;
        }
        if (Character.isWhitespace(raw.charAt(0))) {
            out.append(' ');
        }
        if (url.isEmpty()) {
            out.append(inner);
        } else {
            out.append('[').append(inner).append("](").append(destination(url.get())).append(')');
        }
        if (Character.isWhitespace(raw.charAt(raw.length() - 1))) {
            out.append(' ');
        }
    }

    private void image(Element img, StringBuilder out) {
        var url = baseUrl.http(img.attr("src"));
        if (url.isEmpty()) {
            return;
        }
        String alt = escape(collapseRuns(img.attr("alt"), true).strip());
        out.append("![").append(alt).append("](").append(destination(url.get())).append(')');
    }

    /** A link destination that cannot end early or start HTML: spaces, parentheses and angle brackets encoded. */
    private static String destination(String url) {
        return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")
                .replace(">", "%3E");
    }

    /** Backslash-escapes characters that could start emphasis, links, code, HTML or entities. */
    static String escape(String text) {
        if (!hasEscapable(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '~' -> out.append('\\').append(c);
                case '&' -> out.append(isEntityStart(text, i) ? "\\&" : "&");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether {@link #escape} could change {@code text}: it holds one of the characters it looks at. */
    private static boolean hasEscapable(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '~', '&' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /**
     * Appends {@code escape(collapseRuns(text, true))} to {@code out} in one pass, without the intermediate strings.
     * The same: collapsing changes only whitespace, and an entity name holds none, so {@link #isEntityStart} answers
     * alike on the text before and after collapsing.
     */
    static void appendEscapedCollapsed(String text, StringBuilder out) {
        int n = text.length();
        int copyFrom = 0; // text[copyFrom, i) is still to be copied as it is, in one go
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c > ' ' && c != '\u00a0') {
                switch (c) {
                    case '\\', '`', '*', '_', '[', ']', '<', '>', '~' -> {
                        out.append(text, copyFrom, i).append('\\').append(c);
                        copyFrom = i + 1;
                    }
                    case '&' -> {
                        if (isEntityStart(text, i)) {
                            out.append(text, copyFrom, i).append("\\&");
                            copyFrom = i + 1;
                        }
                    }
                    default -> {
                    }
                }
            } else if (isRunChar(c, true)) {
                int end = i + 1;
                while (end < n && isRunChar(text.charAt(end), true)) {
                    end++;
                }
                if (end - i > 1 || c != ' ') { // a lone space stays as it is
                    out.append(text, copyFrom, i).append(' ');
                    copyFrom = end;
                }
                i = end - 1;
            }
        }
        if (copyFrom == 0) {
            out.append(text);
        } else {
            out.append(text, copyFrom, n);
        }
    }

    /**
     * Whether the {@code &} at {@code ampersand} starts an entity: the first {@code ;} after it, at most 32 characters
     * on, closes a name matching {@code #?[A-Za-z0-9]+}.
     */
    private static boolean isEntityStart(String text, int ampersand) {
        int semicolon = text.indexOf(';', ampersand);
        if (semicolon <= ampersand + 1 || semicolon - ampersand > 32) {
            return false;
        }
        int i = ampersand + 1;
        if (text.charAt(i) == '#') {
            i++;
        }
        if (i == semicolon) {
            return false;
        }
        for (; i < semicolon; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || (c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
                return false;
            }
        }
        return true;
    }

    static String escapeLineStarts(String text) {
        if (!mayStartLineSyntax(text)) {
            return text;
        }
        Matcher m = LINE_START_SYNTAX.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(3) != null) {
                replacement = m.group(1) + m.group(3) + "\\" + m.group(4);
            } else {
                replacement = m.group(1) + "\\" + m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Whether {@link #LINE_START_SYNTAX} can match in {@code text}: some line starts, after at most three whitespace
     * characters, with one of the characters its alternatives begin with ({@code # - + =} or a digit).
     */
    private static boolean mayStartLineSyntax(String text) {
        return mayStartLineSyntax(text, 0);
    }

    /** {@link #mayStartLineSyntax(String)} for the text of {@code text} from {@code from} on. */
    private static boolean mayStartLineSyntax(CharSequence text, int from) {
        for (int start = from; start < text.length(); start++) {
            if (start > from && !isLineTerminator(text.charAt(start - 1))) {
                continue; // where a MULTILINE ^ matches: at 0 and after a line terminator
            }
            for (int i = start; i < text.length() && i <= start + 3; i++) {
                char c = text.charAt(i);
                if (c == '#' || c == '-' || c == '+' || c == '=' || c >= '0' && c <= '9') {
                    return true;
                }
                if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') {
                    break; // not \s
                }
            }
        }
        return false;
    }

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /**
     * Each run of spaces, tabs and no-break spaces (and, with {@code lineBreaks}, of {@code \n}, {@code \r}, form
     * feeds and vertical tabs: the regex {@code [\s\u00a0]}) replaced by one space; the text itself when nothing
     * changes.
     */
    static String collapseRuns(String text, boolean lineBreaks) {
        StringBuilder out = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!isRunChar(c, lineBreaks)) {
                if (out != null) {
                    out.append(c);
                }
                i++;
                continue;
            }
            int end = i + 1;
            while (end < text.length() && isRunChar(text.charAt(end), lineBreaks)) {
                end++;
            }
            if (out == null && (end - i > 1 || c != ' ')) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(' ');
            }
            i = end;
        }
        return out == null ? text : out.toString();
    }

    private static boolean isRunChar(char c, boolean lineBreaks) {
        if (c > ' ' && c != '\u00a0') {
            return false; // most characters: decided by two comparisons
        }
        return c == ' ' || c == '\t' || c == '\u00a0'
                || lineBreaks && (c == '\n' || c == '\r' || c == '\f' || c == '\u000B');
    }

    /** Collapses spaces, trims each line of an inline run, drops empty lines and a hard break with nothing after. */
    static String tidyInline(String text) {
        StringBuilder out = new StringBuilder(text.length());
        tidyInline(text, out);
        return out.toString();
    }

    /**
     * Appends the tidy form of {@code text} to {@code out} in one pass. The same as collapsing runs of {@code [
     * \t\u00a0]} ({@link #collapseRuns} without line breaks), splitting at {@code \n}, stripping each line, dropping
     * the empty ones and those that are a lone {@code \}, joining them with {@code \n}, then removing a trailing
     * {@code \} (not {@code \\}) and the whitespace before it, again and again: a line stripped after collapsing
     * runs is the raw line without its leading and trailing run or whitespace characters, with its inner runs
     * collapsed.
     */
    /**
     * As {@link #tidyInline(String)}, appending to {@code out}; returns false when {@link #mayStartLineSyntax} is
     * sure to be false on what it appended (no line starts with {@code # - + =} or a digit, and none holds a line
     * terminator but the {@code \n} between lines), else true.
     */
    static boolean tidyInline(String text, StringBuilder out) {
        boolean mayStartLineSyntax = false;
        int outStart = out.length();
        int n = text.length();
        for (int lineStart = 0; lineStart <= n; ) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            int first = lineStart;
            while (first < lineEnd && isStripped(text.charAt(first))) {
                first++;
            }
            int last = lineEnd; // exclusive
            while (last > first && isStripped(text.charAt(last - 1))) {
                last--;
            }
            if (first < last && !(last - first == 1 && text.charAt(first) == '\\')) {
                if (out.length() > outStart) {
                    out.append('\n');
                }
                char c = text.charAt(first); // the line starts with it: not whitespace
                mayStartLineSyntax |= c == '#' || c == '-' || c == '+' || c == '=' || c >= '0' && c <= '9';
                mayStartLineSyntax |= appendCollapsed(text, first, last, out);
            }
            lineStart = lineEnd + 1;
        }
        int end = out.length();
        while (end > outStart && out.charAt(end - 1) == '\\' && (end - 1 == outStart || out.charAt(end - 2) != '\\')) {
            end--;
            while (end > outStart && Character.isWhitespace(out.charAt(end - 1))) {
                end--;
            }
        }
        out.setLength(end);
        return mayStartLineSyntax;
    }

    /**
     * Appends {@code text[from, to)} with each run of {@code [ \t\u00a0]} as one space (the ends are not in a run);
     * returns whether it holds a line terminator.
     */
    private static boolean appendCollapsed(String text, int from, int to, StringBuilder out) {
        boolean lineTerminator = false;
        int copyFrom = from; // text[copyFrom, i) is still to be copied as it is, in one go
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c > ' ' && c < '\u0085') {
                continue; // most characters: neither in a run nor a line terminator
            }
            lineTerminator |= isLineTerminator(c);
            if (isRunChar(c, false)) {
                int end = i + 1;
                while (end < to && isRunChar(text.charAt(end), false)) {
                    end++;
                }
                if (end - i > 1 || c != ' ') { // a lone space stays as it is
                    out.append(text, copyFrom, i).append(' ');
                    copyFrom = end;
                }
                i = end - 1;
            }
        }
        out.append(text, copyFrom, to);
        return lineTerminator;
    }

    /** Whether stripping a line after collapsing runs removes {@code c} at its ends: a run character or whitespace. */
    private static boolean isStripped(char c) {
        return isRunChar(c, false) || Character.isWhitespace(c);
    }
}
