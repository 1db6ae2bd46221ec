package newsroom.aws;

import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The opaque listing cursor: base64url (no padding) of {@code {"listing": <listing>, "before": <sort key>}}, where
 * {@code listing} names the index partition family ({@code ALL}, or {@code LANG#<language key>}) and {@code before}
 * is the index sort key of the last article returned. A sort key is one position in the total order of a listing,
 * whatever shard holds it, so the cursor stays valid when the shard count grows. Decoding checks that the cursor
 * belongs to the same listing and lies within {@code since}, so a tampered or stale cursor fails with a clear
 * {@link IllegalArgumentException} instead of a DynamoDB validation error.
 */
final class ListCursors {

    private static final int MAX_CURSOR_LENGTH = 4096;
    private static final Set<String> FIELDS = Set.of("listing", "before");
    /** {@link DynamoArticleIndex#sortKey}: a fixed-width UTC instant, '#', the 24-hex-digit article id. */
    private static final Pattern SORT_KEY =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z#[0-9a-f]{24}");
    /** Cursors are tiny: refuse deep or huge documents before building a tree. */
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(4).maxStringLength(MAX_CURSOR_LENGTH).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    String encode(String listing, String before) {
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("listing", listing);
        plain.put("before", before);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(plain));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a cursor of two strings", e);
        }
    }

    /**
     * @param listing the partition family of the query, which the cursor must name
     * @param since   the query's sortable {@code since}, or null; the cursor must not point before it
     * @return the sort key the next page starts below (exclusive)
     */
    String decode(String cursor, String listing, String since) {
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            throw invalid("longer than " + MAX_CURSOR_LENGTH + " characters");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
        } catch (IllegalArgumentException | IOException e) {
            throw invalid("not a cursor returned by this listing");
        }
        if (tree == null || !tree.isObject() || tree.size() != FIELDS.size()
                || !FIELDS.stream().allMatch(f -> tree.hasNonNull(f) && tree.get(f).isTextual())
                || !SORT_KEY.matcher(tree.get("before").asText()).matches()) {
            throw invalid("not a cursor returned by this listing");
        }
        if (!listing.equals(tree.get("listing").asText())) {
            throw invalid("it belongs to a listing with other filters (language)");
        }
        String before = tree.get("before").asText();
        if (since != null && before.compareTo(since) < 0) {
            throw invalid("it points before 'since'");
        }
        return before;
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("invalid cursor: " + why + "; start again without a cursor");
    }
}
