package newsroom.aws;

import static newsroom.aws.DynamoTableSchema.PK;
import static newsroom.aws.DynamoTableSchema.SK;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import newsroom.core.port.HostTurns;

/**
 * {@link HostTurns} in the single table: one item per host, {@code pk = HOST#<host>}, {@code sk = HOST}, with
 * {@code freeAt} (epoch milliseconds from which the host may be taken), {@code holder} (while taken) and
 * {@code expiresAt} (epoch seconds, the table's TTL attribute: an idle host's item disappears after a day).
 * A take is one conditional UpdateItem ({@code freeAt <= now}); a refused take reads {@code freeAt} back with a
 * consistent GetItem (dynalite and older SDK paths do not return the item on a failed condition). A release is one
 * UpdateItem conditional on still being the holder. Cost per fetch: two writes, plus one write and one read per
 * refused take (docs/fetching.md).
 */
public final class DynamoHostTurns implements HostTurns {

    static final String HOST_PREFIX = "HOST#";
    static final String HOST_SK = "HOST";
    /** An idle host's item is removed by the TTL this long after its last use. */
    static final Duration KEEP_IDLE = Duration.ofDays(1);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoHostTurns(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Optional<Busy> tryTake(String host, String holder, Instant now, Instant leaseUntil) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(host))
                    .updateExpression("SET freeAt = :lease, holder = :me, expiresAt = :ttl")
                    .conditionExpression("attribute_not_exists(freeAt) OR freeAt <= :now")
                    .expressionAttributeValues(Map.of(
                            ":lease", number(leaseUntil.toEpochMilli()),
                            ":me", AttributeValue.fromS(holder),
                            ":ttl", number(leaseUntil.plus(KEEP_IDLE).getEpochSecond()),
                            ":now", number(now.toEpochMilli()))));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(host))
                    .consistentRead(true)).item();
            AttributeValue freeAt = item == null ? null : item.get("freeAt");
            // released and free again between the two calls: report "free now", the caller simply tries again
            return Optional.of(new Busy(freeAt == null ? now : Instant.ofEpochMilli(Long.parseLong(freeAt.n())),
                    item != null && item.containsKey("holder")));
        }
    }

    @Override
    public void release(String host, String holder, Instant nextAllowedAt) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(host))
                    .updateExpression("SET freeAt = :next, expiresAt = :ttl REMOVE holder")
                    .conditionExpression("holder = :me")
                    .expressionAttributeValues(Map.of(
                            ":next", number(nextAllowedAt.toEpochMilli()),
                            ":ttl", number(nextAllowedAt.plus(KEEP_IDLE).getEpochSecond()),
                            ":me", AttributeValue.fromS(holder))));
        } catch (ConditionalCheckFailedException e) {
            // our lease ran out and another instance holds the host now: its turn stands
        }
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static Map<String, AttributeValue> key(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        return Map.of(PK, AttributeValue.fromS(HOST_PREFIX + host), SK, AttributeValue.fromS(HOST_SK));
    }
}
