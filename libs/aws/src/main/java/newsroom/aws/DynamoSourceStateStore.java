package newsroom.aws;

import static newsroom.aws.DynamoTableSchema.PK;
import static newsroom.aws.DynamoTableSchema.SK;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import newsroom.core.model.Rfc3339;
import newsroom.core.port.SourceStateStore;

/**
 * {@link SourceStateStore} in the same single table as the index: one item per source, {@code pk = SOURCE#<name>},
 * {@code sk = SOURCE}, replaced whole on {@link #save} (one poller runs per schedule, so last writer wins).
 */
public final class DynamoSourceStateStore implements SourceStateStore {

    static final String SOURCE_PREFIX = "SOURCE#";
    static final String SOURCE_SK = "SOURCE";
    /** SnapStart priming reads this key (inside {@code SOURCE#}, the only keys the poller's role may read). */
    static final String PRIMING_PK = SOURCE_PREFIX + "PRIMING#sentinel";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSourceStateStore(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Optional<SourceState> find(String sourceName) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(sourceName))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, String>> validators = new HashMap<>();
        item.get("validators").m().forEach((url, headers) -> {
            Map<String, String> values = new HashMap<>();
            headers.m().forEach((header, value) -> values.put(header, value.s()));
            validators.put(url, values);
        });
        List<String> seen = item.get("seenUrls").l().stream().map(AttributeValue::s).toList();
        AttributeValue failures = item.get("consecutiveFailures");
        return Optional.of(new SourceState(item.get("sourceName").s(), validators, seen, instant(item, "lastPolled"),
                failures == null ? 0 : Integer.parseInt(failures.n()), string(item, "lastError"),
                instant(item, "nextPollAt")));
    }

    private static @Nullable Instant instant(Map<String, AttributeValue> item, String name) {
        String text = string(item, name);
        return text == null ? null : Rfc3339.parseInstant(text);
    }

    private static @Nullable String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    @Override
    public void save(SourceState state) {
        Map<String, AttributeValue> item = new HashMap<>(key(state.sourceName()));
        item.put("sourceName", AttributeValue.fromS(state.sourceName()));
        Map<String, AttributeValue> validators = new HashMap<>();
        state.validators().forEach((url, headers) -> {
            Map<String, AttributeValue> values = new HashMap<>();
            headers.forEach((header, value) -> values.put(header, AttributeValue.fromS(value)));
            validators.put(url, AttributeValue.fromM(values));
        });
        item.put("validators", AttributeValue.fromM(validators));
        item.put("seenUrls", AttributeValue.fromL(state.seenUrls().stream().map(AttributeValue::fromS).toList()));
        if (state.lastPolled() != null) {
            item.put("lastPolled", AttributeValue.fromS(Rfc3339.format(state.lastPolled())));
        }
        item.put("consecutiveFailures", AttributeValue.fromN(Integer.toString(state.consecutiveFailures())));
        if (state.lastError() != null) {
            item.put("lastError", AttributeValue.fromS(state.lastError()));
        }
        if (state.nextPollAt() != null) {
            item.put("nextPollAt", AttributeValue.fromS(Rfc3339.format(state.nextPollAt())));
        }
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** SnapStart priming: a {@code GetItem} of {@link #PRIMING_PK}, read-only; it finds nothing. */
    void primeGetItem() {
        dynamo.getItem(b -> b.tableName(table).key(Map.of(PK, AttributeValue.fromS(PRIMING_PK),
                SK, AttributeValue.fromS(SOURCE_SK))));
    }

    private static Map<String, AttributeValue> key(String sourceName) {
        if (sourceName == null || sourceName.isBlank()) {
            throw new IllegalArgumentException("source name must not be blank");
        }
        return Map.of(PK, AttributeValue.fromS(SOURCE_PREFIX + sourceName), SK, AttributeValue.fromS(SOURCE_SK));
    }
}
