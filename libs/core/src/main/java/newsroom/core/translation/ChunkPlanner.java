package newsroom.core.translation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups segments into translator requests of at most {@code maxBytes} UTF-8 bytes: whole paragraphs when they fit,
 * else lines and sentences, else words, else (for a single word longer than a request) UTF-8-safe pieces.
 * Protected spans are never split. Between requests, the protected spans and the whitespace at the edges stay as
 * they are ({@link Part#verbatim}); parts with no letter in them are not sent at all.
 */
final class ChunkPlanner {

    /** The smallest request size that always fits a placeholder and some prose. */
    static final int MIN_REQUEST_BYTES = 64;

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？…]+[\"'”’)\\]]*\\s+");
    private static final Pattern WORD_END = Pattern.compile("\\s+");
    private static final int PARAGRAPHS = 0;
    private static final int SENTENCES = 1;
    private static final int WORDS = 2;
    private static final int BYTES = 3;

    private final int maxBytes;

    ChunkPlanner(int maxBytes) {
        if (maxBytes < MIN_REQUEST_BYTES) {
            throw new IllegalArgumentException("translator request limit " + maxBytes + " bytes is below the minimum "
                    + MIN_REQUEST_BYTES);
        }
        this.maxBytes = maxBytes;
    }

    /** One piece of the output: a request to translate, or text kept as it is. */
    record Part(Chunk chunk, String verbatim) {
        static Part of(Chunk chunk) {
            return new Part(chunk, null);
        }

        static Part verbatimOf(String text) {
            return new Part(null, text);
        }

        boolean isChunk() {
            return chunk != null;
        }
    }

    /** The parts, in order; their texts (chunks' segments, verbatim strings) concatenate to the segments' text. */
    List<Part> plan(List<Segment> segments) {
        List<Part> parts = new ArrayList<>();
        for (List<Segment> group : pack(segments, PARAGRAPHS)) {
            addTrimmed(group, parts);
        }
        return parts;
    }

    private List<List<Segment>> pack(List<Segment> segments, int level) {
        List<List<Segment>> groups = new ArrayList<>();
        List<Segment> current = new ArrayList<>();
        long currentBytes = 0;
        int currentPlaceholders = 0;
        for (List<Segment> unit : split(segments, level)) {
            long unitBytes = requestBytes(unit, currentPlaceholders);
            if (currentBytes + unitBytes <= maxBytes) {
                current.addAll(unit);
                currentBytes += unitBytes;
                currentPlaceholders += placeholders(unit);
                continue;
            }
            if (!current.isEmpty()) {
                groups.add(current);
                current = new ArrayList<>();
            }
            unitBytes = requestBytes(unit, 0);
            currentBytes = 0;
            currentPlaceholders = 0;
            if (unitBytes <= maxBytes) {
                current.addAll(unit);
                currentBytes = unitBytes;
                currentPlaceholders = placeholders(unit);
            } else if (level == BYTES) {
                throw new IllegalStateException("a piece of " + unit + " does not fit in " + maxBytes + " bytes");
            } else {
                groups.addAll(pack(unit, level + 1));
            }
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    private static int placeholders(List<Segment> segments) {
        return (int) segments.stream().filter(s -> !s.isText()).count();
    }

    /**
     * The UTF-8 size these segments add to a request whose next placeholder is {@code firstPlaceholder}: the same
     * count as {@link Chunk#request()} produces, without building the string.
     */
    private static long requestBytes(List<Segment> segments, int firstPlaceholder) {
        long bytes = 0;
        int placeholder = firstPlaceholder;
        for (Segment segment : segments) {
            if (segment.isText()) {
                bytes += segment.text().codePoints().map(ChunkPlanner::utf8Length).sum();
            } else {
                bytes += 2 + String.valueOf(placeholder++).length() + (segment.breaksLine() ? 2 : 0);
            }
        }
        return bytes;
    }

    /** The units of one level: each a run of segments that must stay together at that level. */
    private List<List<Segment>> split(List<Segment> segments, int level) {
        List<List<Segment>> units = new ArrayList<>();
        List<Segment> current = new ArrayList<>();
        for (Segment segment : segments) {
            boolean boundary = switch (level) {
                case PARAGRAPHS -> segment.kind() == Segment.Kind.BLOCK;
                case SENTENCES -> segment.breaksLine();
                default -> !segment.isText();
            };
            if (boundary) {
                addIfNotEmpty(current, units);
                units.add(List.of(segment));
                current = new ArrayList<>();
            } else if (segment.isText() && level >= SENTENCES) {
                List<String> pieces = level == BYTES ? byteSizedPieces(segment.text())
                        : piecesEndingWith(level == SENTENCES ? SENTENCE_END : WORD_END, segment.text());
                for (int i = 0; i < pieces.size(); i++) {
                    if (i > 0 || level >= WORDS) {
                        addIfNotEmpty(current, units);
                        current = new ArrayList<>();
                    }
                    current.add(new Segment(pieces.get(i), Segment.Kind.TEXT));
                }
            } else {
                current.add(segment);
            }
        }
        addIfNotEmpty(current, units);
        return units;
    }

    private static void addIfNotEmpty(List<Segment> unit, List<List<Segment>> units) {
        if (!unit.isEmpty()) {
            units.add(unit);
        }
    }

    /** Cuts after each match of {@code end} (a sentence end with its spaces, a run of spaces). */
    private static List<String> piecesEndingWith(Pattern end, String text) {
        List<String> pieces = new ArrayList<>();
        Matcher matcher = end.matcher(text);
        int start = 0;
        while (matcher.find()) {
            if (matcher.end() < text.length()) {
                pieces.add(text.substring(start, matcher.end()));
                start = matcher.end();
            }
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    /** Splits at code point boundaries into pieces of at most {@code maxBytes} UTF-8 bytes. */
    private List<String> byteSizedPieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int size = utf8Length(codePoint);
            if (bytes + size > maxBytes) {
                pieces.add(text.substring(start, i));
                start = i;
                bytes = 0;
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    /**
     * Moves protected spans and whitespace at the group's edges out of the request, so that every request starts
     * and ends with prose and nothing the translator might trim or add at the edges can change the output.
     */
    private static void addTrimmed(List<Segment> group, List<Part> parts) {
        Deque<Segment> inner = new ArrayDeque<>(group);
        List<Part> head = new ArrayList<>();
        Deque<Part> tail = new ArrayDeque<>();
        while (!inner.isEmpty()) {
            Segment first = inner.removeFirst();
            String prose = first.isText() ? first.text().stripLeading() : "";
            String edge = first.text().substring(0, first.text().length() - prose.length());
            if (!edge.isEmpty()) {
                head.add(Part.verbatimOf(edge));
            }
            if (!prose.isEmpty()) {
                inner.addFirst(new Segment(prose, Segment.Kind.TEXT));
                break;
            }
        }
        while (!inner.isEmpty()) {
            Segment last = inner.removeLast();
            String prose = last.isText() ? last.text().stripTrailing() : "";
            String edge = last.text().substring(prose.length());
            if (!edge.isEmpty()) {
                tail.addFirst(Part.verbatimOf(edge));
            }
            if (!prose.isEmpty()) {
                inner.addLast(new Segment(prose, Segment.Kind.TEXT));
                break;
            }
        }
        parts.addAll(head);
        if (inner.stream().anyMatch(s -> s.isText() && hasLetter(s.text()))) {
            parts.add(Part.of(new Chunk(new ArrayList<>(inner))));
        } else {
            inner.forEach(s -> parts.add(Part.verbatimOf(s.text())));
        }
        parts.addAll(tail);
    }

    static boolean hasLetter(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }
}
