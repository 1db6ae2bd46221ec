package newsroom.aws;

import static newsroom.aws.DynamoTableSchema.PK;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads many items of one table by key with {@code BatchGetItem}: at most {@link #MAX_KEYS} keys a call, the keys
 * DynamoDB leaves unprocessed (throttling, the 16 MB response cap) asked again after a jittered exponential backoff,
 * as AWS asks of batch callers, at most {@link #UNPROCESSED_RETRY}'s attempts in all, then an
 * {@link IllegalStateException} naming how many are still unread.
 */
final class DynamoBatchGet {

    /** DynamoDB's limit of keys per {@code BatchGetItem}. */
    static final int MAX_KEYS = 100;
    /**
     * How the batch helpers ask again for what DynamoDB left unprocessed: 8 calls at most, waits capped at
     * 50 ms · 2^(retry−1) and 1 s (at most about 3.2 s of waiting in all).
     */
    static final RetryPolicy UNPROCESSED_RETRY =
            new RetryPolicy(8, Duration.ofMillis(50), Duration.ofSeconds(1), RetryPolicy.Sleeper.THREAD);

    private DynamoBatchGet() {
    }

    /**
     * @param projection the attributes to read (a projection expression over names that need no placeholders), or
     *                   null for whole items
     * @return the items found, by their partition key value; a key with no item is absent
     */
    static Map<String, Map<String, AttributeValue>> byPartitionKey(DynamoDbClient dynamo, String table,
            List<Map<String, AttributeValue>> keys, boolean consistentRead, @Nullable String projection) {
        Map<String, Map<String, AttributeValue>> byPk = new HashMap<>();
        for (Map<String, AttributeValue> item : items(dynamo, table, keys, consistentRead, projection)) {
            byPk.put(item.get(PK).s(), item);
        }
        return byPk;
    }

    /**
     * @param keys distinct keys (DynamoDB refuses a call that repeats one)
     * @return the items found, in no particular order; a key with no item has none
     */
    static List<Map<String, AttributeValue>> items(DynamoDbClient dynamo, String table,
            List<Map<String, AttributeValue>> keys, boolean consistentRead, @Nullable String projection) {
        return items(dynamo, table, keys, consistentRead, projection, UNPROCESSED_RETRY);
    }

    /** {@link #items} with another retry policy (tests record the waits). */
    static List<Map<String, AttributeValue>> items(DynamoDbClient dynamo, String table,
            List<Map<String, AttributeValue>> keys, boolean consistentRead, @Nullable String projection,
            RetryPolicy retry) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += MAX_KEYS) {
            KeysAndAttributes.Builder asked = KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + MAX_KEYS)))
                    .consistentRead(consistentRead);
            if (projection != null) {
                asked.projectionExpression(projection);
            }
            Map<String, KeysAndAttributes> request = Map.of(table, asked.build());
            for (int round = 0; !request.isEmpty(); round++) {
                if (round == retry.maxAttempts()) {
                    throw new IllegalStateException("DynamoDB left " + request.get(table).keys().size()
                            + " items unread after " + round + " BatchGetItem calls");
                }
                if (round > 0) {
                    retry.pauseBeforeRetry(round);
                }
                Map<String, KeysAndAttributes> thisRound = request;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(thisRound));
                items.addAll(response.responses().getOrDefault(table, List.of()));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return items;
    }
}
