package newsroom.core.frontmatter;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import newsroom.core.model.ArticleRejectedException;
import newsroom.core.model.RawArticle;
import newsroom.core.model.Rejection;

/**
 * Splits a Markdown file into front matter and body and parses the front matter: YAML ({@code ---}),
 * TOML ({@code +++}) or JSON ({@code {...}}), with explicit limits (64 KiB, depth 20, no aliases, no duplicate keys).
 * A UTF-8 byte order mark is ignored; CRLF and lone CR line ends become LF. Leading blank lines before the front
 * matter are allowed, as in Hugo. The body is everything after the closing delimiter line, as written.
 * Thread-safe.
 */
public final class FrontMatterParser {

    /** Largest file accepted, in bytes (5 MiB). */
    public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    /** Largest front matter accepted, in bytes (64 KiB). */
    public static final int MAX_FRONT_MATTER_BYTES = 64 * 1024;
    /** Deepest nesting of maps and lists accepted; the top-level mapping is level 1. */
    public static final int MAX_DEPTH = 20;
    /** Share of control characters above which a text file is taken for binary data. */
    static final double MAX_CONTROL_CHARACTER_SHARE = 0.10;

    static final StreamReadConstraints STREAM_LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_FRONT_MATTER_BYTES)
            .maxNumberLength(1000)
            .maxNameLength(MAX_FRONT_MATTER_BYTES)
            .maxDocumentLength(MAX_FRONT_MATTER_BYTES + 1L)
            .build();

    private static final Pattern YAML_CLOSE = Pattern.compile("(?m)^---[ \\t]*$");
    private static final Pattern TOML_CLOSE = Pattern.compile("(?m)^\\+\\+\\+[ \\t]*$");

    /** @throws ArticleRejectedException with the reason when the file cannot be read as an article */
    public RawArticle parse(byte[] file) {
        if (file.length > MAX_FILE_BYTES) {
            throw new ArticleRejectedException(Rejection.Code.TOO_LARGE, "the file has " + file.length
                    + " bytes; the limit is " + MAX_FILE_BYTES + " bytes (5 MiB)");
        }
        int start = hasByteOrderMark(file) ? 3 : 0;
        for (int i = start; i < file.length; i++) {
            if (file[i] == 0) {
                throw new ArticleRejectedException(Rejection.Code.BINARY_INPUT, "the file contains a NUL byte"
                        + " at offset " + i + "; it is binary data, not a Markdown text file");
            }
        }
        String text = decodeUtf8(file, start);
        if (text.isBlank()) {
            throw new ArticleRejectedException(Rejection.Code.EMPTY_INPUT,
                    text.isEmpty() ? "the file is empty" : "the file contains only white space");
        }
        rejectMostlyControlCharacters(text);
        return split(text.replace("\r\n", "\n").replace('\r', '\n'));
    }

    private static RawArticle split(String text) {
        int contentStart = 0;
        int line = 1;
        while (true) {
            int nl = text.indexOf('\n', contentStart);
            if (nl < 0 || !text.substring(contentStart, nl).isBlank()) {
                break;
            }
            contentStart = nl + 1;
            line++;
        }
        int lineEnd = text.indexOf('\n', contentStart);
        String firstLine = text.substring(contentStart, lineEnd < 0 ? text.length() : lineEnd).strip();
        if (firstLine.equals("---")) {
            return delimited(text, contentStart, lineEnd, line, "---", YAML_CLOSE, "YAML");
        }
        if (firstLine.equals("+++")) {
            return delimited(text, contentStart, lineEnd, line, "+++", TOML_CLOSE, "TOML");
        }
        if (firstLine.startsWith("{")) {
            int brace = text.indexOf('{', contentStart);
            JsonFrontMatterReader.Result json = JsonFrontMatterReader.read(text, brace, line);
            return new RawArticle(json.fields(), text.substring(json.bodyStart()));
        }
        String shown = firstLine.length() > 40 ? firstLine.substring(0, 40) + "…" : firstLine;
        throw new ArticleRejectedException(Rejection.Code.UNKNOWN_FRONT_MATTER, "line " + line + " is \"" + shown
                + "\", which does not open front matter: expected ---, +++ or { (YAML, TOML or JSON front matter)");
    }

    private static RawArticle delimited(String text, int openStart, int openEnd, int openLine, String delimiter,
                                        Pattern closing, String format) {
        if (openEnd < 0) {
            throw unterminated(delimiter, openLine, format);
        }
        Matcher close = closing.matcher(text);
        if (!close.find(openEnd + 1)) {
            throw unterminated(delimiter, openLine, format);
        }
        String frontMatter = text.substring(openEnd + 1, close.start());
        int bytes = frontMatter.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_FRONT_MATTER_BYTES) {
            throw frontMatterTooLarge(bytes);
        }
        int bodyStart = close.end() < text.length() ? close.end() + 1 : close.end();
        Map<String, Object> fields = format.equals("YAML")
                ? YamlFrontMatterReader.read(frontMatter, openLine + 1)
                : TomlFrontMatterReader.read(frontMatter, openLine + 1);
        return new RawArticle(fields, text.substring(bodyStart));
    }

    private static ArticleRejectedException unterminated(String delimiter, int line, String format) {
        return new ArticleRejectedException(Rejection.Code.UNTERMINATED_FRONT_MATTER, format + " front matter opened"
                + " with " + delimiter + " on line " + line + " is never closed: no line " + delimiter + " follows it");
    }

    static ArticleRejectedException frontMatterTooLarge(int bytes) {
        return new ArticleRejectedException(Rejection.Code.FRONT_MATTER_TOO_LARGE, "the front matter has "
                + (bytes < 0 ? "more than " + MAX_FRONT_MATTER_BYTES : bytes) + " bytes; the limit is "
                + MAX_FRONT_MATTER_BYTES + " bytes (64 KiB)");
    }

    /** Maps a Jackson limit to the rejection for it: nesting gives FRONT_MATTER_TOO_DEEP, sizes TOO_LARGE. */
    static ArticleRejectedException limitExceeded(StreamConstraintsException e, String format) {
        String problem = e.getOriginalMessage();
        if (problem.contains("nesting depth")) {
            return new ArticleRejectedException(Rejection.Code.FRONT_MATTER_TOO_DEEP, format
                    + " front matter nests deeper than " + MAX_DEPTH + " levels");
        }
        return new ArticleRejectedException(Rejection.Code.FRONT_MATTER_TOO_LARGE, format
                + " front matter exceeds a size limit: " + problem);
    }

    private static boolean hasByteOrderMark(byte[] file) {
        return file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF;
    }

    private static String decodeUtf8(byte[] file, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(file, start, file.length - start);
        CharBuffer out = CharBuffer.allocate(file.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new ArticleRejectedException(Rejection.Code.NOT_UTF8, "byte " + in.position()
                    + " (0x" + String.format("%02X", file[in.position()] & 0xFF) + ") is not valid UTF-8;"
                    + " save the file as UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static void rejectMostlyControlCharacters(String text) {
        int sample = Math.min(text.length(), 8192);
        int controls = 0;
        for (int i = 0; i < sample; i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                controls++;
            }
        }
        if (controls > sample * MAX_CONTROL_CHARACTER_SHARE) {
            throw new ArticleRejectedException(Rejection.Code.BINARY_INPUT, controls + " of the first " + sample
                    + " characters are control characters; this is binary data, not a Markdown text file");
        }
    }
}
