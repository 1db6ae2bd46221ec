package newsroom.aws;

import java.io.IOException;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The opaque listing cursor: base64url (no padding) of a JSON object holding the string key attributes of the
 * last item of a page (DynamoDB's {@code LastEvaluatedKey} shape). Decoding checks that the cursor belongs to the
 * same listing, so a tampered or stale cursor fails with a clear {@link IllegalArgumentException} instead of a
 * DynamoDB validation error.
 */
final class ListCursors {

    private static final int MAX_CURSOR_LENGTH = 4096;
    /** Cursors are tiny: refuse deep or huge documents before building a tree. */
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(4).maxStringLength(MAX_CURSOR_LENGTH).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    String encode(Map<String, AttributeValue> key) {
        Map<String, String> plain = new LinkedHashMap<>();
        key.forEach((name, value) -> plain.put(name, value.s()));
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(plain));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a cursor of string keys", e);
        }
    }

    /**
     * @param names     the key attributes a cursor of this listing has, exactly
     * @param pkName    the index partition attribute, whose value must be {@code partition}
     * @param skName    the index sort attribute, which must not be before {@code since} (when given)
     */
    Map<String, AttributeValue> decode(String cursor, List<String> names, String pkName, String partition,
                                       String skName, String since) {
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            throw invalid("longer than " + MAX_CURSOR_LENGTH + " characters");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
        } catch (IllegalArgumentException | IOException e) {
            throw invalid("not a cursor returned by this listing");
        }
        if (tree == null || !tree.isObject() || !new HashSet<>(names).equals(fieldNames(tree))) {
            throw invalid("not a cursor returned by this listing");
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : names) {
            JsonNode value = tree.get(name);
            if (!value.isTextual() || value.asText().isEmpty()) {
                throw invalid("not a cursor returned by this listing");
            }
            key.put(name, AttributeValue.fromS(value.asText()));
        }
        if (!key.get(DynamoTableSchema.PK).s().startsWith(DynamoArticleIndex.ARTICLE_PREFIX)
                || !partition.equals(key.get(pkName).s())) {
            throw invalid("it belongs to a listing with other filters (language)");
        }
        if (since != null && key.get(skName).s().compareTo(since) < 0) {
            throw invalid("it points before 'since'");
        }
        return key;
    }

    private static Set<String> fieldNames(JsonNode tree) {
        Set<String> names = new HashSet<>();
        tree.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("invalid cursor: " + why + "; start again without a cursor");
    }
}
