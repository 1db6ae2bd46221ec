package newsroom.aws;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Counts a client's DynamoDB calls and the capacity units the endpoint says each consumed: it asks every GetItem,
 * PutItem, Query, BatchGetItem and BatchWriteItem for {@code ReturnConsumedCapacity = TOTAL} and adds up what comes
 * back, by operation. dynalite computes the units by DynamoDB's rules (item size rounded up to 4 KB for reads, 1 KB
 * for writes, half for an eventually consistent read, a missing item as one unit), so the figures are the ones
 * docs/scale.md multiplies.
 */
final class CapacityMeter implements ExecutionInterceptor {

    private final Map<String, Integer> calls = new TreeMap<>();
    private final Map<String, Double> units = new TreeMap<>();

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (request instanceof GetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof PutItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof QueryRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof BatchGetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof BatchWriteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        return request;
    }

    @Override
    public synchronized void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
        String operation = context.request().getClass().getSimpleName().replace("Request", "");
        calls.merge(operation, 1, Integer::sum);
        SdkResponse response = context.response();
        List<ConsumedCapacity> consumed = response instanceof GetItemResponse r ? single(r.consumedCapacity())
                : response instanceof PutItemResponse r ? single(r.consumedCapacity())
                : response instanceof QueryResponse r ? single(r.consumedCapacity())
                : response instanceof BatchGetItemResponse r ? r.consumedCapacity()
                : response instanceof BatchWriteItemResponse r ? r.consumedCapacity() : List.of();
        for (ConsumedCapacity c : consumed) {
            units.merge(operation, c.capacityUnits(), Double::sum);
        }
    }

    private static List<ConsumedCapacity> single(ConsumedCapacity capacity) {
        return capacity == null ? List.of() : List.of(capacity);
    }

    /** Calls so far by operation ("BatchGetItem", …). */
    synchronized Map<String, Integer> calls() {
        return Map.copyOf(calls);
    }

    /** Capacity units so far by operation: read units for reads, write units for writes. */
    synchronized Map<String, Double> units() {
        return Map.copyOf(units);
    }

    synchronized void reset() {
        calls.clear();
        units.clear();
    }
}
