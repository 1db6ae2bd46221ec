package newsroom.extract.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A list of lower-case ASCII words looked for in a value (a class or id name, a {@code rel}) ignoring case, as
 * {@code value.toLowerCase(Locale.ROOT).contains(word)} answers for any of them (what a {@code [class~=(?i)a|b]}
 * query answers), in one pass over the value instead of one search per word.
 *
 * <p>Contract: {@link #foundIn} gives exactly the answer of the lower-case copy's {@code contains}. An ASCII value
 * (nearly every class name) is searched in windows as long as the shortest word, Wu-Manber style: the last two
 * characters of a window, looked up in a table, say how far the next window can start without passing a word's
 * start, and only a window that ends in the pair a word's start ends with is compared with the words starting with
 * its first letter; so most positions of a value are never read. A value with a character past ASCII among those
 * read is lower-cased and searched word by word, as the words may then match letters that lower-case to ASCII (the
 * Kelvin sign, the dotted capital I); one that is not read cannot hold a word's character: the windows passed over
 * are ruled out by the two ASCII characters read. Immutable and thread-safe.
 */
final class WordSearch {

    /** Slots of the pair table {@link #moves}: a power of two, larger than the pairs of any word list here. */
    private static final int PAIR_SLOTS = 1024;

    /** The words by their first character (ASCII). */
    private final String[][] byFirst = new String[128][];

    private final List<String> words;
    /** The length of the shortest word: a shorter value holds none (see {@link #foundIn}). */
    private final int shortest;
    /**
     * By {@link #pairSlot} of two lower-case characters: how far the window may move when it ends in them, the
     * smallest distance from such a pair in a word's first {@link #shortest} characters to their end (0: a word's
     * start ends in the pair here), else {@code shortest - 1}. Pairs sharing a slot share the smallest distance, so a
     * collision only shortens a move. Used when the shortest word has two characters or more.
     */
    private final byte[] moves = new byte[PAIR_SLOTS];

    private WordSearch(List<String> words) {
        this.words = List.copyOf(words);
        this.shortest = this.words.stream().mapToInt(String::length).min().orElse(0);
        List<List<String>> lists = new ArrayList<>();
        for (int c = 0; c < byFirst.length; c++) {
            lists.add(new ArrayList<>());
        }
        for (String word : this.words) {
            if (word.isEmpty() || !word.chars().allMatch(c -> c < 128 && (c < 'A' || c > 'Z'))) {
                throw new IllegalArgumentException("not a non-empty lower-case ASCII word: " + word);
            }
            lists.get(word.charAt(0)).add(word);
        }
        for (int c = 0; c < byFirst.length; c++) {
            byFirst[c] = lists.get(c).isEmpty() ? null : lists.get(c).toArray(String[]::new);
        }
        if (shortest >= 2) {
            Arrays.fill(moves, (byte) Math.min(shortest - 1, Byte.MAX_VALUE));
            for (String word : this.words) {
                for (int end = 1; end < shortest; end++) {
                    int slot = pairSlot(word.charAt(end - 1), word.charAt(end));
                    moves[slot] = (byte) Math.min(moves[slot], shortest - 1 - end);
                }
            }
        }
    }

    /** @param words non-empty lower-case ASCII words */
    static WordSearch of(List<String> words) {
        return new WordSearch(words);
    }

    /** Whether the value holds one of the words, ignoring case. */
    boolean foundIn(String value) {
        // each character lower-cases to at most one ASCII character (the dotted capital I gives "i" and a combining
        // dot), so a word spans at least as many characters of the value as it has: a shorter value holds none
        if (value.length() < shortest) {
            return false;
        }
        return shortest >= 2 ? foundByWindows(value) : foundAtEachPosition(value);
    }

    /**
     * The window {@code [end - shortest + 1, end]} moves along the value by the {@link #moves} of its last two
     * characters: a word starting inside the move would have its own first {@code shortest} characters end on a pair
     * the table rules out there. Where the move is 0 the words starting at the window are compared, then it moves on
     * by one.
     */
    private boolean foundByWindows(String value) {
        int length = value.length();
        for (int end = shortest - 1; end < length; ) {
            char before = value.charAt(end - 1);
            char last = value.charAt(end);
            if ((before | last) >= 128) {
                return foundInLowerCase(value);
            }
            int move = moves[pairSlot(lower(before), lower(last))];
            if (move == 0) {
                int start = end - shortest + 1;
                char first = value.charAt(start);
                if (first >= 128) {
                    return foundInLowerCase(value);
                }
                int found = comparedWithWordsAt(value, start, first);
                if (found != 0) {
                    return found > 0 || foundInLowerCase(value);
                }
                move = 1;
            }
            end += move;
        }
        return false;
    }

    /** Every position compared with the words starting with its letter: for a list with a one-letter word. */
    private boolean foundAtEachPosition(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 128) {
                return foundInLowerCase(value);
            }
            int found = comparedWithWordsAt(value, i, c);
            if (found != 0) {
                return found > 0 || foundInLowerCase(value);
            }
        }
        return false;
    }

    private boolean foundInLowerCase(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link #comparedAt} for each word starting with {@code first} (ASCII, the character of {@code value} at
     * {@code at}): the first answer that is not 0, else 0.
     */
    private int comparedWithWordsAt(String value, int at, char first) {
        String[] candidates = byFirst[lower(first)];
        if (candidates != null) {
            for (String word : candidates) {
                int found = comparedAt(value, at, word);
                if (found != 0) {
                    return found;
                }
            }
        }
        return 0;
    }

    /**
     * 1 when the ASCII lower case of {@code value} holds {@code word} at {@code at}, 0 when not, -1 when a character
     * past ASCII is met before a mismatch (the lower-case copy must answer).
     */
    private static int comparedAt(String value, int at, String word) {
        if (at + word.length() > value.length()) {
            return 0;
        }
        for (int k = 1; k < word.length(); k++) {
            char c = value.charAt(at + k);
            if (c >= 128) {
                return -1;
            }
            if (lower(c) != word.charAt(k)) {
                return 0;
            }
        }
        return 1;
    }

    /** The slot of two lower-case ASCII characters in {@link #moves}. */
    private static int pairSlot(char first, char second) {
        return (first * 31 + second) & (PAIR_SLOTS - 1);
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
