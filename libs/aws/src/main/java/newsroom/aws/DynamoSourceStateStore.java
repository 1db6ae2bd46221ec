package newsroom.aws;

import static newsroom.aws.DynamoTableSchema.PK;
import static newsroom.aws.DynamoTableSchema.SK;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * {@link SourceStateStore} in the same single table as the index: per source, the state item {@code pk =
 * SOURCE#<name>}, {@code sk = SOURCE}, and a small copy of its schedule and health, {@code sk = SCHEDULE}, for the
 * dispatcher's batched reads; both replaced whole on {@link #save}, state first (one poller runs per source and due
 * time, so last writer wins; a crash between the two leaves the schedule behind, which only polls the source early).
 */
public final class DynamoSourceStateStore implements SourceStateStore {

    static final String SOURCE_PREFIX = "SOURCE#";
    static final String SOURCE_SK = "SOURCE";
    /** Sort key of a source's small schedule item: a copy of the state's schedule and health, for the dispatcher. */
    static final String SCHEDULE_SK = "SCHEDULE";
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
        return Optional.of(new SourceState(item.get("sourceName").s(), validators, seen, instant(item, "lastPolled"),
                failures(item), string(item, "lastError"), instant(item, "nextPollAt")));
    }

    /**
     * {@code BatchGetItem}s of up to 100 sources' {@code SCHEDULE} items, eventually consistent: each costs half a
     * read unit, where reading the state items would cost up to 12 (DynamoDB charges a read by the item's size, not by
     * the projection, and a state item holds up to ≈ 90 KB of {@code seenUrls}). A schedule read a moment stale only
     * sends a source once more, which the poll's conditional GET and {@code seenUrls} make harmless. A source whose
     * state was saved before schedule items existed has none, so it is absent (due now) until its next poll saves one.
     */
    @Override
    public Map<String, SourceSchedule> schedules(List<String> sourceNames) {
        List<Map<String, AttributeValue>> keys = sourceNames.stream().map(name -> key(name, SCHEDULE_SK)).toList();
        Map<String, Map<String, AttributeValue>> byPk = DynamoBatchGet.byPartitionKey(dynamo, table, keys, false,
                null);
        Map<String, SourceSchedule> schedules = new LinkedHashMap<>();
        for (String name : sourceNames) {
            Map<String, AttributeValue> item = byPk.get(SOURCE_PREFIX + name);
            if (item != null) {
                schedules.put(name, new SourceSchedule(name, failures(item), string(item, "lastError"),
                        instant(item, "nextPollAt")));
            }
        }
        return schedules;
    }

    private static int failures(Map<String, AttributeValue> item) {
        AttributeValue failures = item.get("consecutiveFailures");
        return failures == null ? 0 : Integer.parseInt(failures.n());
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
        Map<String, AttributeValue> health = new HashMap<>();
        health.put("consecutiveFailures", AttributeValue.fromN(Integer.toString(state.consecutiveFailures())));
        if (state.lastError() != null) {
            health.put("lastError", AttributeValue.fromS(state.lastError()));
        }
        if (state.nextPollAt() != null) {
            health.put("nextPollAt", AttributeValue.fromS(Rfc3339.format(state.nextPollAt())));
        }
        item.putAll(health);
        Map<String, AttributeValue> schedule = new HashMap<>(key(state.sourceName(), SCHEDULE_SK));
        schedule.putAll(health);
        dynamo.putItem(b -> b.tableName(table).item(item));
        dynamo.putItem(b -> b.tableName(table).item(schedule));
    }

    /** SnapStart priming: a {@code GetItem} of {@link #PRIMING_PK}, read-only; it finds nothing. */
    void primeGetItem() {
        dynamo.getItem(b -> b.tableName(table).key(Map.of(PK, AttributeValue.fromS(PRIMING_PK),
                SK, AttributeValue.fromS(SOURCE_SK))));
    }

    /** SnapStart priming: {@link #schedules} of {@link #PRIMING_PK}'s source, read-only; it finds nothing. */
    void primeScheduleReads() {
        schedules(List.of(PRIMING_PK.substring(SOURCE_PREFIX.length())));
    }

    private static Map<String, AttributeValue> key(String sourceName) {
        return key(sourceName, SOURCE_SK);
    }

    private static Map<String, AttributeValue> key(String sourceName, String sortKey) {
        if (sourceName == null || sourceName.isBlank()) {
            throw new IllegalArgumentException("source name must not be blank");
        }
        return Map.of(PK, AttributeValue.fromS(SOURCE_PREFIX + sourceName), SK, AttributeValue.fromS(sortKey));
    }
}
