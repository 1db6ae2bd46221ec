package newsroom.aws;

import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Puts many items into one table with {@code BatchWriteItem}, the write counterpart of {@link DynamoBatchGet}: at
 * most {@link #MAX_ITEMS} items a call, the items DynamoDB leaves unprocessed (throttling) put again after a jittered
 * exponential backoff ({@link DynamoBatchGet#UNPROCESSED_RETRY}), then an {@link IllegalStateException} naming how
 * many are still unwritten. Unconditional puts only
 * ({@code BatchWriteItem} takes no condition): for items whose last writer may win.
 */
final class DynamoBatchWrite {

    /** DynamoDB's limit of requests per {@code BatchWriteItem}. */
    static final int MAX_ITEMS = 25;

    private DynamoBatchWrite() {
    }

    /** @param items whole items with distinct keys (DynamoDB refuses a call that repeats one) */
    static void put(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
        put(dynamo, table, items, DynamoBatchGet.UNPROCESSED_RETRY);
    }

    /** {@link #put} with another retry policy (tests record the waits). */
    static void put(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items, RetryPolicy retry) {
        for (int from = 0; from < items.size(); from += MAX_ITEMS) {
            Map<String, List<WriteRequest>> request = Map.of(table,
                    puts(items.subList(from, Math.min(items.size(), from + MAX_ITEMS))));
            for (int round = 0; !request.isEmpty(); round++) {
                if (round == retry.maxAttempts()) {
                    throw new IllegalStateException("DynamoDB left " + request.get(table).size()
                            + " items unwritten after " + round + " BatchWriteItem calls");
                }
                if (round > 0) {
                    retry.pauseBeforeRetry(round);
                }
                Map<String, List<WriteRequest>> thisRound = request;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(thisRound));
                request = response.hasUnprocessedItems() && !response.unprocessedItems().isEmpty()
                        ? response.unprocessedItems() : Map.of();
            }
        }
    }

    /** The same {@code BatchWriteItem} of {@code items}, marshalled and signed but never sent (SnapStart priming). */
    static void dryRun(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
        try {
            dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, puts(items))).overrideConfiguration(DryRun::apply));
        } catch (RuntimeException e) {
            if (!DryRun.stopped(e)) {
                throw e;
            }
            return;
        }
        throw new IllegalStateException("the BatchWriteItem dry run was not stopped before transmission");
    }

    private static List<WriteRequest> puts(List<Map<String, AttributeValue>> items) {
        return items.stream()
                .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                .toList();
    }
}
