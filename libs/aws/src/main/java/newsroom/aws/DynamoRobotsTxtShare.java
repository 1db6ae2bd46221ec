package newsroom.aws;

import static newsroom.aws.DynamoTableSchema.PK;
import static newsroom.aws.DynamoTableSchema.SK;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import newsroom.core.port.RobotsTxtShare;

/**
 * {@link RobotsTxtShare} in the single table: one item per origin, {@code pk = ROBOTS#<origin>}, {@code sk = ROBOTS},
 * with {@code allowAll} (BOOL), {@code body} (B), {@code contentType}, {@code validators} (M of S), {@code fetchedAt}
 * (S) and {@code expiresAt} (the table's TTL: a day after the fetch). A file larger than {@link #MAX_BODY_BYTES} is
 * not shared (the item limit is 400 KB; RFC 9309's parse limit is 500 KiB): instances then keep their own copy.
 * One consistent GetItem per instance and origin per TTL, one PutItem per fetch.
 */
public final class DynamoRobotsTxtShare implements RobotsTxtShare {

    static final String PREFIX = "ROBOTS#";
    static final String ROBOTS_SK = "ROBOTS";
    public static final int MAX_BODY_BYTES = 350 * 1024;
    static final Duration KEEP = Duration.ofDays(1);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRobotsTxtShare(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Optional<SharedRobotsTxt> find(String origin) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(origin))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> validators = new HashMap<>();
        AttributeValue v = item.get("validators");
        if (v != null && v.hasM()) {
            v.m().forEach((name, value) -> validators.put(name, value.s()));
        }
        AttributeValue body = item.get("body");
        AttributeValue type = item.get("contentType");
        return Optional.of(new SharedRobotsTxt(origin, Boolean.TRUE.equals(item.get("allowAll").bool()),
                body == null ? null : body.b().asByteArray(), type == null ? null : type.s(), validators,
                Instant.parse(item.get("fetchedAt").s())));
    }

    @Override
    public void save(SharedRobotsTxt robots) {
        byte[] body = robots.body();
        if (body.length > MAX_BODY_BYTES) {
            return;
        }
        Map<String, AttributeValue> item = new HashMap<>(key(robots.origin()));
        item.put("allowAll", AttributeValue.fromBool(robots.allowAll()));
        if (body.length > 0) {
            item.put("body", AttributeValue.fromB(SdkBytes.fromByteArray(body)));
        }
        if (robots.contentType() != null) {
            item.put("contentType", AttributeValue.fromS(robots.contentType()));
        }
        Map<String, AttributeValue> validators = new HashMap<>();
        robots.validators().forEach((name, value) -> validators.put(name, AttributeValue.fromS(value)));
        item.put("validators", AttributeValue.fromM(validators));
        item.put("fetchedAt", AttributeValue.fromS(robots.fetchedAt().toString()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(robots.fetchedAt().plus(KEEP).getEpochSecond())));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> key(String origin) {
        if (origin == null || origin.isBlank()) {
            throw new IllegalArgumentException("origin must not be blank");
        }
        return Map.of(PK, AttributeValue.fromS(PREFIX + origin), SK, AttributeValue.fromS(ROBOTS_SK));
    }
}
