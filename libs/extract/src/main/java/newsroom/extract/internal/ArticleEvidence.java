package newsroom.extract.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The JSON-LD {@code articleBody} as evidence: which blocks of the page carry the article's text. Compared by
 * 4-token shingles, so markup, spacing and punctuation differences do not matter. The text itself is never copied
 * into the output from here. One instance per page and thread: it remembers the shares it has computed.
 *
 * <p>A token is a run of letters, numbers and underscores (the regex {@code [\p{L}\p{N}_]+}). Tokens are numbered
 * as they are first met (the body's first, then, per text, the ones the body lacks), so a shingle is four numbers
 * compared and hashed as such, not four strings, and kept in a table of ints, not as an object each.
 */
final class ArticleEvidence {

    private static final IntPredicate TOKEN_CHAR = ArticleEvidence::isTokenChar;

    /** The body's distinct tokens, numbered from 0 in order of appearance. */
    private final Vocabulary vocabulary;
    private final ShingleSet shingles;
    /** {@link #share} by text: the passes and the cleaner ask again about the same blocks. */
    private final Map<String, Double> shares = new HashMap<>();

    private ArticleEvidence(Vocabulary vocabulary, ShingleSet shingles) {
        this.vocabulary = vocabulary;
        this.shingles = shingles;
    }

    /** Evidence from the JSON-LD {@code articleBody}, or none. */
    static ArticleEvidence of(Optional<String> articleBody) {
        Vocabulary vocabulary = new Vocabulary();
        if (articleBody.isEmpty()) {
            return new ArticleEvidence(vocabulary, new ShingleSet(0));
        }
        int[] ids = numbered(articleBody.get(), vocabulary, true);
        ShingleSet shingles = new ShingleSet(ids.length);
        addShingles(ids, shingles);
        return new ArticleEvidence(vocabulary, shingles);
    }

    /** Whether there is no evidence (no JSON-LD body, or one without words). */
    boolean isEmpty() {
        return shingles.size() == 0;
    }

    /** Share of the text's distinct 4-token shingles that occur in the article body; 0 for text without tokens. */
    double share(String text) {
        return shares.computeIfAbsent(text, this::measureShare);
    }

    private double measureShare(String text) {
        int[] ids = numbered(text, vocabulary, false);
        ShingleSet textShingles = new ShingleSet(ids.length);
        addShingles(ids, textShingles);
        if (textShingles.size() == 0) {
            return 0;
        }
        return (double) textShingles.foundIn(shingles) / textShingles.size();
    }

    /** Adds the distinct 4-token windows of {@code ids} to {@code set}; 1–3 tokens give one shorter window. */
    private static void addShingles(int[] ids, ShingleSet set) {
        for (int i = 0; i + 4 <= ids.length; i++) {
            set.add(ids[i], ids[i + 1], ids[i + 2], ids[i + 3]);
        }
        if (ids.length > 0 && ids.length < 4) {
            set.add(ids[0], ids.length > 1 ? ids[1] : -1, ids.length > 2 ? ids[2] : -1, -1);
        }
    }

    /**
     * The numbers of the {@link #tokens} of {@code text}, in order, found without a string per token. With {@code
     * learn}, the tokens the vocabulary lacks join it (numbered on from its size, in order of first appearance);
     * without, it stays as it is and they are numbered after its tokens, in order of first appearance.
     */
    private static int[] numbered(String text, Vocabulary vocabulary, boolean learn) {
        int[] ids = new int[16];
        int count = 0;
        Vocabulary unknown = null;
        int end = 0;
        for (int start = TextRuns.runStart(text, 0, TOKEN_CHAR); start >= 0;
             start = TextRuns.runStart(text, end, TOKEN_CHAR)) {
            end = TextRuns.runEnd(text, start, TOKEN_CHAR);
            int hash = 0;
            for (int i = start; i < end; i++) {
                hash = 31 * hash + text.charAt(i);
            }
            int id = vocabulary.idOf(text, start, end, hash, learn);
            if (id < 0) {
                if (unknown == null) {
                    unknown = new Vocabulary();
                }
                id = vocabulary.size() + unknown.idOf(text, start, end, hash, true);
            }
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
            }
            ids[count++] = id;
        }
        return Arrays.copyOf(ids, count);
    }

    /** The tokens of {@code text}: what the regex {@code [\p{L}\p{N}_]+} finds, in order. */
    static List<String> tokens(String text) {
        return TextRuns.of(text, TOKEN_CHAR);
    }

    /** Whether {@code c} is a letter ({@code \p{L}}), a number ({@code \p{N}}) or {@code _}. */
    private static boolean isTokenChar(int c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /**
     * Distinct tokens numbered from 0 in order of addition, looked up by a stretch of a text and its hash ({@code
     * String.hashCode} of the stretch), so that a token already known costs no string: open addressing with linear
     * probing, kept less than half full.
     */
    private static final class Vocabulary {
        private String[] keys = new String[16];
        private int[] hashes = new int[16];
        private int[] ids = new int[16];
        private int size;

        int size() {
            return size;
        }

        /**
         * The number of the token {@code text[start, end)}, whose hash is {@code hash}; if it is not there, with
         * {@code add} it is added with the number {@link #size()}, without it the answer is -1.
         */
        int idOf(String text, int start, int end, int hash, boolean add) {
            int slot = slotOf(keys, hashes, text, start, end, hash);
            if (keys[slot] != null) {
                return ids[slot];
            }
            if (!add) {
                return -1;
            }
            keys[slot] = text.substring(start, end);
            hashes[slot] = hash;
            ids[slot] = size;
            if (++size * 2 >= keys.length) {
                grow();
            }
            return size - 1;
        }

        private static int slotOf(String[] keys, int[] hashes, String text, int start, int end, int hash) {
            int mask = keys.length - 1;
            int mixed = hash * 0x9E3779B9; // spread the low bits the mask keeps
            int slot = (mixed ^ mixed >>> 16) & mask;
            int length = end - start;
            while (keys[slot] != null && !(hashes[slot] == hash && keys[slot].length() == length
                    && keys[slot].regionMatches(0, text, start, length))) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            String[] newKeys = new String[keys.length * 2];
            int[] newHashes = new int[newKeys.length];
            int[] newIds = new int[newKeys.length];
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != null) {
                    int slot = slotOf(newKeys, newHashes, keys[i], 0, keys[i].length(), hashes[i]);
                    newKeys[slot] = keys[i];
                    newHashes[slot] = hashes[i];
                    newIds[slot] = ids[i];
                }
            }
            keys = newKeys;
            hashes = newHashes;
            ids = newIds;
        }
    }

    /**
     * A set of shingles, each up to four token numbers (-1 where a shorter window has none; the first is always a
     * token, so at least 0): open addressing with linear probing over one int array, four ints per slot, a slot
     * whose first int is {@link #FREE} being free. Kept less than half full.
     */
    private static final class ShingleSet {
        private static final int FREE = -1;
        private static final int MAX_PRESIZE = 4096;
        private int[] slots;
        private int mask;
        private int size;
        /** The slot indexes in use, in order of insertion (for {@link #foundIn}). */
        private int[] used;

        /**
         * A set sized for about {@code expected} shingles, up to 4,096 (a long text of few distinct shingles takes
         * no more memory than they need: the table grows with the shingles, not the tokens).
         */
        ShingleSet(int expected) {
            // a power of two, more than twice the shingles expected
            int capacity = Integer.highestOneBit(Math.min(Math.max(4, expected), MAX_PRESIZE) * 2 - 1) * 2;
            slots = new int[capacity * 4];
            Arrays.fill(slots, FREE);
            mask = capacity - 1;
            used = new int[capacity / 2];
        }

        int size() {
            return size;
        }

        /** Adds the shingle unless it is there. */
        void add(int first, int second, int third, int fourth) {
            int slot = slotOf(first, second, third, fourth);
            if (slots[slot * 4] != FREE) {
                return;
            }
            slots[slot * 4] = first;
            slots[slot * 4 + 1] = second;
            slots[slot * 4 + 2] = third;
            slots[slot * 4 + 3] = fourth;
            used[size++] = slot;
            if (size * 2 >= mask + 1) {
                grow();
            }
        }

        /** How many of this set's shingles {@code other} holds. */
        int foundIn(ShingleSet other) {
            int found = 0;
            for (int i = 0; i < size; i++) {
                int at = used[i] * 4;
                int slot = other.slotOf(slots[at], slots[at + 1], slots[at + 2], slots[at + 3]);
                if (other.slots[slot * 4] != FREE) {
                    found++;
                }
            }
            return found;
        }

        /** The slot holding the shingle, or the free slot where it would go. */
        private int slotOf(int first, int second, int third, int fourth) {
            int hash = ((first * 31 + second) * 31 + third) * 31 + fourth;
            hash *= 0x9E3779B9; // spread the low bits the mask keeps
            int slot = (hash ^ hash >>> 16) & mask;
            while (true) {
                int at = slot * 4;
                if (slots[at] == FREE || slots[at] == first && slots[at + 1] == second && slots[at + 2] == third
                        && slots[at + 3] == fourth) {
                    return slot;
                }
                slot = (slot + 1) & mask;
            }
        }

        private void grow() {
            int[] oldSlots = slots;
            int[] oldUsed = used;
            int count = size;
            int capacity = (mask + 1) * 2;
            slots = new int[capacity * 4];
            Arrays.fill(slots, FREE);
            mask = capacity - 1;
            used = new int[capacity / 2];
            size = 0;
            for (int i = 0; i < count; i++) {
                int at = oldUsed[i] * 4;
                add(oldSlots[at], oldSlots[at + 1], oldSlots[at + 2], oldSlots[at + 3]);
            }
        }
    }
}
