package newsroom.core.frontmatter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;

import newsroom.core.date.DateParser;
import newsroom.core.model.CanonicalFrontMatter;

/**
 * Writes an article as stored: {@code ---\n}, the front matter as YAML, {@code ---\n}, then a blank line and the
 * body (nothing after the closing line when the body is empty). The YAML is produced by SnakeYAML's emitter, one
 * event per value: strings always double-quoted, booleans, numbers and null bare, lists in block style with the dash
 * indented two spaces, empty lists {@code []}, non-ASCII characters as they are, no line folding. Null canonical
 * fields are omitted; {@code params} is written only when it has entries. Thread-safe.
 */
public final class FrontMatterWriter {

    private static final ImplicitTuple PLAIN = new ImplicitTuple(true, false);
    private static final ImplicitTuple QUOTED = new ImplicitTuple(false, true);
    /** Keys that read back as the same string when written without quotes (YAML 1.2 core schema). */
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Pattern RESERVED_WORD = Pattern.compile("true|True|TRUE|false|False|FALSE|null|Null|NULL");

    private FrontMatterWriter() {
    }

    /** The complete Markdown file. */
    public static String write(CanonicalFrontMatter frontMatter, String body) {
        StringWriter out = new StringWriter();
        out.write("---\n");
        DumperOptions options = new DumperOptions();
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        options.setAllowUnicode(true);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        Emitter emitter = new Emitter(out, options);
        emit(emitter, new StreamStartEvent(null, null));
        emit(emitter, new DocumentStartEvent(null, null, false, null, Map.of()));
        emitMap(emitter, fieldsInOrder(frontMatter));
        emit(emitter, new DocumentEndEvent(null, null, false));
        emit(emitter, new StreamEndEvent(null, null));
        out.write("---\n");
        if (!body.isEmpty()) {
            out.write("\n");
            out.write(body);
        }
        return out.toString();
    }

    /** The fields in output order, null ones left out. */
    static Map<String, Object> fieldsInOrder(CanonicalFrontMatter fm) {
        Map<String, Object> fields = new LinkedHashMap<>();
        CanonicalFrontMatter.Header header = fm.header();
        CanonicalFrontMatter.Taxonomy taxonomy = fm.taxonomy();
        CanonicalFrontMatter.ThemeFlags theme = fm.theme();
        fields.put("title", header.title());
        fields.put("date", DateParser.format(header.date()));
        putUnlessNull(fields, "summary", header.summary());
        fields.put("categories", taxonomy.categories());
        fields.put("lang", taxonomy.lang());
        fields.put("translations", taxonomy.translations());
        fields.put("tags", taxonomy.tags());
        putUnlessNull(fields, "menu", theme.menu());
        putUnlessNull(fields, "thumbnail", fm.thumbnail());
        putUnlessNull(fields, "lead", theme.lead());
        putUnlessNull(fields, "comments", theme.comments());
        putUnlessNull(fields, "authorbox", theme.authorbox());
        putUnlessNull(fields, "pager", theme.pager());
        putUnlessNull(fields, "toc", theme.toc());
        putUnlessNull(fields, "mathjax", theme.mathjax());
        putUnlessNull(fields, "sidebar", theme.sidebar());
        putUnlessNull(fields, "widgets", theme.widgets());
        fields.put("slug", header.slug());
        putUnlessNull(fields, "lastmod", header.lastmod() == null ? null : DateParser.format(header.lastmod()));
        putUnlessNull(fields, "author", header.author());
        if (fm.source() != null) {
            Map<String, Object> source = new LinkedHashMap<>();
            putUnlessNull(source, "url", fm.source().url());
            putUnlessNull(source, "canonical", fm.source().canonical());
            fields.put("source", source);
        }
        fm.hugo().forEach(fields::putIfAbsent);
        if (!fm.params().isEmpty()) {
            fields.put("params", fm.params());
        }
        return fields;
    }

    private static void putUnlessNull(Map<String, Object> fields, String key, @Nullable Object value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    private static void emitMap(Emitter emitter, Map<?, ?> map) {
        emit(emitter, new MappingStartEvent(null, null, true, null, null, DumperOptions.FlowStyle.BLOCK));
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            boolean plain = PLAIN_KEY.matcher(key).matches() && !RESERVED_WORD.matcher(key).matches();
            emitScalar(emitter, key, !plain);
            emitValue(emitter, entry.getValue());
        }
        emit(emitter, new MappingEndEvent(null, null));
    }

    private static void emitValue(Emitter emitter, Object value) {
        if (value instanceof Map<?, ?> map) {
            emitMap(emitter, map);
        } else if (value instanceof List<?> list) {
            emit(emitter, new SequenceStartEvent(null, null, true, null, null, DumperOptions.FlowStyle.BLOCK));
            for (Object item : list) {
                emitValue(emitter, item);
            }
            emit(emitter, new SequenceEndEvent(null, null));
        } else if (value == null) {
            emitScalar(emitter, "null", false);
        } else if (value instanceof Boolean || value instanceof Number) {
            emitScalar(emitter, bare(value), false);
        } else {
            emitScalar(emitter, value.toString(), true);
        }
    }

    /** Booleans and numbers as the YAML reader reads them back: decimals in BigDecimal form, .inf and .nan. */
    private static String bare(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                return ".nan";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? ".inf" : "-.inf";
            }
            return new BigDecimal(value.toString()).toString();
        }
        return value.toString();
    }

    private static void emitScalar(Emitter emitter, String text, boolean quoted) {
        emit(emitter, new ScalarEvent(null, null, quoted ? QUOTED : PLAIN, text, null, null,
                quoted ? DumperOptions.ScalarStyle.DOUBLE_QUOTED : DumperOptions.ScalarStyle.PLAIN));
    }

    private static void emit(Emitter emitter, Event event) {
        try {
            emitter.emit(event);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a StringWriter cannot fail", e);
        }
    }
}
