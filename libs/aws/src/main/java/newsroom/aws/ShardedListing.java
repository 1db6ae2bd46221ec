package newsroom.aws;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One page of a listing index whose entries are spread over several partitions (the write shards of one listing,
 * and the unsharded partition that earlier versions wrote): every partition is queried newest first, and the
 * entries are merged by sort key. The merge reads a partition again only when its next entry could be the next
 * one of the page, so a page of {@code limit} entries costs one small query per partition plus a few refills.
 *
 * <p>Sort keys are unique and totally ordered across partitions ({@code <fixed-width UTC instant>#<id>}), so the
 * position "below sort key X" means the same in every partition: that is the whole cursor.
 */
final class ShardedListing {

    /** The entries of the page, newest first, and where the next page starts (exclusive), or null on the last. */
    record Result(List<Map<String, AttributeValue>> entries, String nextBefore) {
    }

    /**
     * How a page reads: the query's filter (null for none) with its names and values, how many entries the first
     * and every later query of a partition asks for, and how many queries a page may spend over all partitions
     * (at least one per partition) before it returns a shorter page with a cursor.
     */
    record Reads(String filter, Map<String, String> filterNames, Map<String, AttributeValue> filterValues,
                 int firstLimit, int laterLimit, int maxQueries) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final String indexName;
    private final String pkName;
    private final String skName;

    ShardedListing(DynamoDbClient dynamo, String table, String indexName, String pkName, String skName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.indexName = Objects.requireNonNull(indexName, "indexName");
        this.pkName = Objects.requireNonNull(pkName, "pkName");
        this.skName = Objects.requireNonNull(skName, "skName");
    }

    /**
     * @param partitions the index partition keys that together hold the listing
     * @param since      the lowest sort key to list (inclusive), or null
     * @param before     list only sort keys below this one (a cursor's position), or null
     */
    Result page(List<String> partitions, String since, String before, Reads reads, int limit) {
        if (reads.maxQueries() < partitions.size()) {
            throw new IllegalArgumentException("a page must be allowed one query per partition");
        }
        Map<String, String> names = new HashMap<>(reads.filterNames());
        Map<String, AttributeValue> values = new HashMap<>(reads.filterValues());
        names.put("#pk", pkName);
        String keyCondition = "#pk = :pk";
        if (since != null || before != null) {
            names.put("#sk", skName);
        }
        if (since != null && before != null) {
            keyCondition += " AND #sk BETWEEN :since AND :upper";
            values.put(":since", AttributeValue.fromS(since));
            values.put(":upper", AttributeValue.fromS(justBelow(before)));
        } else if (since != null) {
            keyCondition += " AND #sk >= :since";
            values.put(":since", AttributeValue.fromS(since));
        } else if (before != null) {
            keyCondition += " AND #sk < :before";
            values.put(":before", AttributeValue.fromS(before));
        }
        List<Partition> parts = partitions.stream().map(Partition::new).toList();
        List<Map<String, AttributeValue>> page = new ArrayList<>();
        int queries = 0;
        while (true) {
            Partition best = null;
            for (Partition p : parts) {
                if (!p.buffer.isEmpty() && (best == null || p.head().compareTo(best.head()) > 0)) {
                    best = p;
                }
            }
            String bar = best == null ? null : best.head();
            List<Partition> unread = parts.stream().filter(p -> p.mayHoldAbove(bar)).toList();
            if (!unread.isEmpty()) {
                if (queries + unread.size() > reads.maxQueries()) {
                    // out of queries: every match above the highest unread position has been returned
                    String resume = unread.stream().map(p -> p.readBelow).max(Comparator.naturalOrder()).orElseThrow();
                    return new Result(page, resume);
                }
                for (Partition p : unread) {
                    read(p, keyCondition, names, values, reads);
                    queries++;
                }
                continue;
            }
            if (best == null) {
                return new Result(page, null);
            }
            if (page.size() == limit) {
                return new Result(page, page.get(limit - 1).get(skName).s());
            }
            page.add(best.buffer.removeFirst());
        }
    }

    private void read(Partition p, String keyCondition, Map<String, String> names, Map<String, AttributeValue> values,
                      Reads reads) {
        Map<String, AttributeValue> partitionValues = new HashMap<>(values);
        partitionValues.put(":pk", AttributeValue.fromS(p.key));
        QueryResponse response = dynamo.query(QueryRequest.builder().tableName(table).indexName(indexName)
                .keyConditionExpression(keyCondition)
                .filterExpression(reads.filter())
                .expressionAttributeNames(names)
                .expressionAttributeValues(partitionValues)
                .scanIndexForward(false)
                .limit(p.reads == 0 ? reads.firstLimit() : reads.laterLimit())
                .exclusiveStartKey(p.startKey)
                .build());
        p.reads++;
        p.buffer.addAll(response.items());
        if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
            p.startKey = response.lastEvaluatedKey();
            p.readBelow = p.startKey.get(skName).s();
        } else {
            p.exhausted = true;
        }
    }

    /**
     * The greatest sort key below {@code key} among keys of its width: the last character lowered by one. Every
     * sort key has the same width (a fixed-width instant, '#', a 24-hex-digit id), so {@code BETWEEN since AND
     * justBelow(key)} selects exactly the keys in {@code [since, key)}; DynamoDB allows only one condition on a
     * sort key, and BETWEEN is inclusive.
     */
    static String justBelow(String key) {
        char last = key.charAt(key.length() - 1);
        return key.substring(0, key.length() - 1) + (char) (last - 1);
    }

    /** One partition's read state: entries read but not yet merged, and how far down it has been read. */
    private final class Partition {
        final String key;
        final Deque<Map<String, AttributeValue>> buffer = new ArrayDeque<>();
        Map<String, AttributeValue> startKey;
        /** Sort key of the last entry the partition's queries evaluated: unread entries all sort below it. */
        String readBelow;
        boolean exhausted;
        int reads;

        Partition(String key) {
            this.key = key;
        }

        String head() {
            return buffer.peekFirst().get(skName).s();
        }

        /** Whether an entry not yet read from this partition could sort above {@code bar} (null: above anything). */
        boolean mayHoldAbove(String bar) {
            return !exhausted && buffer.isEmpty() && (readBelow == null || bar == null || readBelow.compareTo(bar) > 0);
        }
    }
}
