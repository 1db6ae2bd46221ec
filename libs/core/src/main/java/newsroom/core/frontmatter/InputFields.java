package newsroom.core.frontmatter;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of one input article, matched by key case-insensitively (as Hugo does), each taken at most once, and the
 * values bound for {@code params}: fields nothing claimed, and values that lost to a higher-priority key.
 * Not thread-safe; one instance per normalization.
 */
final class InputFields {

    /** One input field: its position in the input, its key as written, its value. */
    record Field(int index, String key, Object value) {
        String lowerKey() {
            return key.toLowerCase(Locale.ROOT);
        }
    }

    private final List<Field> fields = new ArrayList<>();
    private final BitSet taken = new BitSet();
    private final List<Field> forParams = new ArrayList<>();

    InputFields(Map<String, Object> input) {
        int index = 0;
        for (Map.Entry<String, Object> entry : input.entrySet()) {
            fields.add(new Field(index++, entry.getKey(), entry.getValue()));
        }
    }

    /**
     * Claims the fields whose key is one of {@code lowerCaseNames}, ordered by the position of their name in that
     * list (priority), then by input order.
     */
    List<Field> take(List<String> lowerCaseNames) {
        List<Field> matches = new ArrayList<>();
        for (Field field : fields) {
            if (!taken.get(field.index()) && lowerCaseNames.contains(field.lowerKey())) {
                matches.add(field);
                taken.set(field.index());
            }
        }
        matches.sort(Comparator.comparingInt((Field f) -> lowerCaseNames.indexOf(f.lowerKey())));
        return matches;
    }

    List<Field> take(String lowerCaseName) {
        return take(List.of(lowerCaseName));
    }

    /** Claims and returns every field not taken yet, in input order. */
    List<Field> takeRest() {
        List<Field> rest = new ArrayList<>();
        for (Field field : fields) {
            if (!taken.get(field.index())) {
                rest.add(field);
                taken.set(field.index());
            }
        }
        return rest;
    }

    /** Sends a value to {@code params} under the key and at the input position of {@code field}. */
    void toParams(Field field) {
        toParams(field, field.value());
    }

    /** Sends {@code value} to {@code params} under the key and at the input position of {@code field}. */
    void toParams(Field field, Object value) {
        forParams.add(new Field(field.index(), field.key(), value));
    }

    /** Sends the field to {@code params} unless its value is empty (null, blank, empty list or map). */
    void toParamsUnlessEmpty(Field field) {
        if (!isEmpty(field.value())) {
            toParams(field);
        }
    }

    /**
     * The params map: the entries of the input's own {@code params} map first, then every value sent here, in input
     * order. A key already present gets a suffix ({@code _2}, {@code _3}, ...) so that nothing is overwritten.
     */
    Map<String, Object> params(Map<String, Object> inputParams) {
        Map<String, Object> params = new LinkedHashMap<>(inputParams);
        forParams.sort(Comparator.comparingInt(Field::index));
        for (Field field : forParams) {
            String key = field.key();
            for (int n = 2; params.containsKey(key); n++) {
                key = field.key() + "_" + n;
            }
            params.put(key, field.value());
        }
        return params;
    }

    static boolean isEmpty(Object value) {
        return value == null
                || value instanceof String s && s.isBlank()
                || value instanceof Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty();
    }

    static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }
}
