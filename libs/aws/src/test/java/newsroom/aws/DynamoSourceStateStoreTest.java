package newsroom.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import newsroom.core.port.SourceStateStore;
import newsroom.core.port.SourceStateStore.SourceSchedule;
import newsroom.core.port.SourceStateStore.SourceState;
import newsroom.core.port.contract.SourceStateStoreContract;

/** {@link DynamoSourceStateStore} against dynalite, a new table per test. */
@ExtendWith(SharedServers.class)
class DynamoSourceStateStoreTest extends SourceStateStoreContract {

    private final Dynalite dynalite;
    private String table;

    DynamoSourceStateStoreTest(Dynalite dynalite) {
        this.dynalite = dynalite;
    }

    @Override
    protected SourceStateStore newStore() {
        table = dynalite.newTable();
        return new DynamoSourceStateStore(dynalite.client(), table);
    }

    @Test
    void treatsAStateSavedBeforeScheduleItems_asDueNow_untilItsNextSave() {
        dynalite.client().putItem(b -> b.tableName(table).item(Map.of(
                DynamoTableSchema.PK, AttributeValue.fromS("SOURCE#legacy"),
                DynamoTableSchema.SK, AttributeValue.fromS("SOURCE"),
                "sourceName", AttributeValue.fromS("legacy"),
                "validators", AttributeValue.fromM(Map.of()),
                "seenUrls", AttributeValue.fromL(List.of(AttributeValue.fromS("https://legacy.example/1"))),
                "consecutiveFailures", AttributeValue.fromN("0"),
                "nextPollAt", AttributeValue.fromS("2099-01-01T00:00:00Z"))));

        assertThat(store.find("legacy")).isPresent();
        assertThat(store.schedules(List.of("legacy"))).isEmpty();

        store.save(store.find("legacy").orElseThrow().succeeded(Instant.parse("2025-03-01T10:00:00Z")));

        assertThat(store.schedules(List.of("legacy"))).containsEntry("legacy",
                new SourceSchedule("legacy", 0, null, Instant.parse("2025-03-01T10:00:00Z")));
    }

    @Test
    void keepsTheScheduleItemSmall_whateverTheSeenUrls() {
        List<String> seen = IntStream.range(0, 500)
                .mapToObj(i -> "https://big.example/articles/" + i).toList();
        store.save(new SourceState("big", Map.of(), seen, null, 0, null, Instant.parse("2025-03-01T10:00:00Z")));

        Map<String, AttributeValue> schedule = dynalite.client().getItem(b -> b.tableName(table).key(Map.of(
                DynamoTableSchema.PK, AttributeValue.fromS("SOURCE#big"),
                DynamoTableSchema.SK, AttributeValue.fromS("SCHEDULE")))).item();
        assertThat(schedule.keySet()).containsExactlyInAnyOrder(DynamoTableSchema.PK, DynamoTableSchema.SK,
                "consecutiveFailures", "nextPollAt");
        assertThat(store.find("big").orElseThrow().seenUrls()).hasSize(500);
    }

    @Test
    void storesTheInstantsAsRfc3339Text_andReadsTheMinuteFormEarlierVersionsWrote() {
        String table = dynalite.newTable();
        DynamoSourceStateStore store = new DynamoSourceStateStore(dynalite.client(), table);
        store.save(new SourceState("flaky", Map.of(), List.of(), Instant.parse("2025-02-12T15:15:00Z"), 1,
                "HTTP_503", Instant.parse("2025-02-12T17:15:30Z")));
        Map<String, AttributeValue> key = Map.of(DynamoTableSchema.PK, AttributeValue.fromS("SOURCE#flaky"),
                DynamoTableSchema.SK, AttributeValue.fromS(DynamoSourceStateStore.SOURCE_SK));

        Map<String, AttributeValue> item = dynalite.client().getItem(b -> b.tableName(table).key(key)).item();
        assertThat(item.get("lastPolled").s()).isEqualTo("2025-02-12T15:15:00Z");
        assertThat(item.get("nextPollAt").s()).isEqualTo("2025-02-12T17:15:30Z");

        // a table of an earlier version: the state item alone (no SCHEDULE item), its instants to the minute
        Map<String, AttributeValue> older = new HashMap<>(item);
        older.put("nextPollAt", AttributeValue.fromS("2025-03-01T00:00Z"));
        dynalite.client().putItem(b -> b.tableName(table).item(older));
        dynalite.client().deleteItem(b -> b.tableName(table).key(Map.of(
                DynamoTableSchema.PK, AttributeValue.fromS("SOURCE#flaky"),
                DynamoTableSchema.SK, AttributeValue.fromS(DynamoSourceStateStore.SCHEDULE_SK))));
        assertThat(store.find("flaky").orElseThrow().nextPollAt()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
    }

    @Test
    void rewritesOnlyTheScheduleItem_whenAPollLeavesUrlsAndValidatorsAsTheyWere() {
        List<String> seen = List.of("https://s.example/2", "https://s.example/1");
        Map<String, Map<String, String>> validators = Map.of("https://s.example/feed.xml", Map.of("ETag", "\"v1\""));
        store.save(new SourceState("s", validators, seen, Instant.parse("2025-03-01T10:00:00Z"), 0, null,
                Instant.parse("2025-03-01T10:30:00Z")));

        SourceState unchanged = store.find("s").orElseThrow();
        store.save(new SourceState("s", unchanged.validators(), unchanged.seenUrls(),
                Instant.parse("2025-03-01T10:31:00Z"), 0, null, Instant.parse("2025-03-01T11:00:00Z")));

        assertThat(stateItem("s").get("nextPollAt").s()).as("the large item is not written again")
                .isEqualTo("2025-03-01T10:30:00Z");
        assertThat(store.find("s").orElseThrow()).isEqualTo(new SourceState("s", validators, seen,
                Instant.parse("2025-03-01T10:31:00Z"), 0, null, Instant.parse("2025-03-01T11:00:00Z")));

        SourceState read = store.find("s").orElseThrow();
        store.save(new SourceState("s", read.validators(), List.of("https://s.example/3", "https://s.example/2"),
                Instant.parse("2025-03-01T11:01:00Z"), 0, null, Instant.parse("2025-03-01T11:30:00Z")));

        assertThat(stateItem("s").get("seenUrls").l()).extracting(AttributeValue::s)
                .containsExactly("https://s.example/3", "https://s.example/2");
        assertThat(store.find("s").orElseThrow().nextPollAt()).isEqualTo(Instant.parse("2025-03-01T11:30:00Z"));
    }

    @Test
    void writesTheWholeState_whenSavedWithoutAFindBefore() {
        SourceState state = new SourceState("fresh", Map.of(), List.of("https://f.example/1"), null, 0, null,
                Instant.parse("2025-03-01T10:30:00Z"));
        store.save(state);
        store.save(state);

        assertThat(stateItem("fresh").get("seenUrls").l()).hasSize(1);
        assertThat(store.find("fresh")).contains(state);
    }

    private Map<String, AttributeValue> stateItem(String source) {
        return dynalite.client().getItem(b -> b.tableName(table).key(Map.of(
                DynamoTableSchema.PK, AttributeValue.fromS("SOURCE#" + source),
                DynamoTableSchema.SK, AttributeValue.fromS("SOURCE")))).item();
    }
}
