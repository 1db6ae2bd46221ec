package newsroom.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Accumulates one DynamoDB update or condition expression with its name and value placeholders, so attribute names
 * (including map keys such as a language or an image URL) never need escaping by hand. Not thread-safe; one per call.
 */
final class DynamoUpdate {

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();
    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final List<String> adds = new ArrayList<>();

    /** A placeholder for an attribute name or map key; the same name gets the same placeholder. */
    String name(String attribute) {
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (e.getValue().equals(attribute)) {
                return e.getKey();
            }
        }
        String placeholder = "#n" + names.size();
        names.put(placeholder, attribute);
        return placeholder;
    }

    /** A placeholder for the path {@code attribute.key} into a map attribute. */
    String path(String attribute, String key) {
        return name(attribute) + "." + name(key);
    }

    String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    /** SET the attribute, or REMOVE it when {@code value} is null. */
    DynamoUpdate set(String attribute, AttributeValue value) {
        if (value == null) {
            removes.add(name(attribute));
        } else {
            sets.add(name(attribute) + " = " + value(value));
        }
        return this;
    }

    /** SET a path (built with {@link #path}) to a value. */
    DynamoUpdate setPath(String path, AttributeValue value) {
        sets.add(path + " = " + value(value));
        return this;
    }

    /** SET the attribute only when it does not exist yet (keeps what is stored). */
    DynamoUpdate setIfAbsent(String attribute, AttributeValue initial) {
        String n = name(attribute);
        sets.add(n + " = if_not_exists(" + n + ", " + value(initial) + ")");
        return this;
    }

    DynamoUpdate remove(String attribute) {
        removes.add(name(attribute));
        return this;
    }

    /** ADD elements to a set attribute (creating it if needed). */
    DynamoUpdate addToSet(String attribute, AttributeValue elements) {
        adds.add(name(attribute) + " " + value(elements));
        return this;
    }

    String expression() {
        StringBuilder b = new StringBuilder();
        if (!sets.isEmpty()) {
            b.append("SET ").append(String.join(", ", sets));
        }
        if (!removes.isEmpty()) {
            b.append(b.isEmpty() ? "" : " ").append("REMOVE ").append(String.join(", ", removes));
        }
        if (!adds.isEmpty()) {
            b.append(b.isEmpty() ? "" : " ").append("ADD ").append(String.join(", ", adds));
        }
        return b.toString();
    }

    Map<String, String> names() {
        return names;
    }

    /** The value placeholders, or null when there are none (DynamoDB rejects an empty map). */
    Map<String, AttributeValue> valuesOrNull() {
        return values.isEmpty() ? null : values;
    }
}
