package newsroom.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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
        assertThat(store.find("big").orElseThrow().legacySeenUrls()).hasSize(500);
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
        store.save(new SourceState("s", unchanged.validators(), unchanged.legacySeenUrls(),
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

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration TTL = Duration.ofDays(30);

    @Test
    void writesEachMarkAsASmallItemWithTheTableTtl_roundedUpToTheSecond() {
        store.markSeen("s", Map.of("https://s.example/a", NOW.plusMillis(1500)));

        Map<String, AttributeValue> mark = dynalite.client().getItem(b -> b.tableName(table).key(Map.of(
                DynamoTableSchema.PK, AttributeValue.fromS("SOURCE#s"),
                DynamoTableSchema.SK, AttributeValue.fromS(DynamoSourceStateStore.seenSortKey(
                        "https://s.example/a"))))).item();
        assertThat(mark.keySet()).containsExactlyInAnyOrder(DynamoTableSchema.PK, DynamoTableSchema.SK, "expiresAt");
        assertThat(mark.get("expiresAt").n()).isEqualTo(Long.toString(NOW.getEpochSecond() + 2));
        assertThat(mark.get(DynamoTableSchema.SK).s()).matches("SEEN#[0-9a-f]{32}");
    }

    /**
     * A table saved by an earlier version: the state item holds the seen URLs itself (1,000 of ≈ 90 bytes) and there
     * is no schedule item. They are read as the state's legacy list; the poller's first successful poll writes them
     * as marks expiring a TTL after the last poll and saves the state without them: the state item shrinks from
     * ≈ 90 KB to a few hundred bytes, and the URLs stay seen until then, not after.
     */
    @Test
    void readsTheSeenUrlsOfAnEarlierVersion_andTheStateItemShrinks_onceTheyAreMarks() {
        List<String> legacy = IntStream.range(0, 1000)
                .mapToObj(i -> "https://legacy.example/news/2025/02/a-story-with-a-long-slug-number-" + i).toList();
        Instant lastPolled = NOW.minus(Duration.ofDays(2));
        dynalite.client().putItem(b -> b.tableName(table).item(Map.of(
                DynamoTableSchema.PK, AttributeValue.fromS("SOURCE#legacy"),
                DynamoTableSchema.SK, AttributeValue.fromS("SOURCE"),
                "sourceName", AttributeValue.fromS("legacy"),
                "validators", AttributeValue.fromM(Map.of("https://legacy.example/feed.xml", AttributeValue.fromM(
                        Map.of("ETag", AttributeValue.fromS("\"v1\""))))),
                "seenUrls", AttributeValue.fromL(legacy.stream().map(AttributeValue::fromS).toList()),
                "lastPolled", AttributeValue.fromS(lastPolled.toString()),
                "consecutiveFailures", AttributeValue.fromN("0"))));

        SourceState read = store.find("legacy").orElseThrow();
        assertThat(read.legacySeenUrls()).containsExactlyElementsOf(legacy);
        assertThat(read.lastPolled()).isEqualTo(lastPolled);

        // what FeedPollService does with SourcePoller's result: marks, then the state without the list
        Map<String, Instant> marks = new LinkedHashMap<>();
        legacy.forEach(url -> marks.put(url, lastPolled.plus(TTL)));
        store.markSeen("legacy", marks);
        store.save(new SourceState("legacy", read.validators(), List.of(), NOW).succeeded(NOW.plusSeconds(900)));

        assertThat(stateItem("legacy")).doesNotContainKey("seenUrls");
        assertThat(store.find("legacy").orElseThrow()).isEqualTo(new SourceState("legacy", read.validators(),
                List.of(), NOW, 0, null, NOW.plusSeconds(900)));
        assertThat(store.seen("legacy", legacy, NOW)).hasSize(1000);
        assertThat(store.seen("legacy", legacy, lastPolled.plus(TTL))).isEmpty();
    }

    /**
     * The units of one poll's calls, measured from dynalite's ConsumedCapacity (the figures of docs/scale.md): a
     * feed of 50 items, one of them new, whose state already holds only validators.
     */
    @Test
    void costsAboutHalfAReadUnitPerListedUrl_andOneWriteUnitPerNewUrl_perPoll() {
        List<String> feed = IntStream.range(0, 50).mapToObj(i -> "https://feed.example/2025/03/story-" + i).toList();
        Map<String, Instant> earlier = new HashMap<>();
        feed.subList(1, 50).forEach(url -> earlier.put(url, NOW.plus(TTL)));
        store.markSeen("feed", earlier);
        Map<String, Map<String, String>> validators = Map.of("https://feed.example/rss", Map.of("ETag", "\"v1\""));
        store.save(new SourceState("feed", validators, List.of(), NOW, 0, null, NOW));

        CapacityMeter meter = new CapacityMeter();
        try (DynamoDbClient metered = dynalite.clientWith(meter)) {
            DynamoSourceStateStore poller = new DynamoSourceStateStore(metered, table);
            SourceState previous = poller.find("feed").orElseThrow();
            assertThat(poller.seen("feed", feed, NOW)).hasSize(49).doesNotContain(feed.get(0));
            poller.markSeen("feed", Map.of(feed.get(0), NOW.plus(TTL)));
            poller.save(new SourceState("feed", Map.of("https://feed.example/rss", Map.of("ETag", "\"v2\"")),
                    previous.legacySeenUrls(), NOW.plusSeconds(900)).succeeded(NOW.plusSeconds(1800)));
        }

        System.out.println("one poll, 50 listed, 1 new: calls " + meter.calls() + ", units " + meter.units());
        assertThat(meter.calls()).isEqualTo(Map.of("GetItem", 2, "BatchGetItem", 1, "BatchWriteItem", 1,
                "PutItem", 2));
        assertThat(meter.units()).isEqualTo(Map.of("GetItem", 2.0, "BatchGetItem", 25.0, "BatchWriteItem", 1.0,
                "PutItem", 2.0));
    }

    /**
     * A sitemap of 10,000 URLs: one Query of the source's marks (about 90 bytes each), not 10,000 reads, nor 100
     * BatchGetItems of half a unit per URL; 1,000 URLs are still got each (10 BatchGetItems).
     */
    @Test
    void readsTheMarksOfTenThousandListedUrls_withAQuery_andOfAThousand_withTenBatchGets() {
        List<String> listing = IntStream.range(0, 10_000)
                .mapToObj(i -> "https://big.example/sitemap/2025/03/item-" + i).toList();
        Map<String, Instant> sent = new HashMap<>();
        for (int i = 0; i < listing.size(); i += 4) {
            sent.put(listing.get(i), NOW.plus(TTL));
        }
        store.markSeen("big", sent);

        CapacityMeter meter = new CapacityMeter();
        try (DynamoDbClient metered = dynalite.clientWith(meter)) {
            DynamoSourceStateStore poller = new DynamoSourceStateStore(metered, table);
            assertThat(poller.seen("big", listing, NOW)).hasSize(2500);
            System.out.println("10,000 listed, 2,500 marked: calls " + meter.calls() + ", units " + meter.units());
            assertThat(meter.calls()).containsOnlyKeys("Query");
            assertThat(meter.calls().get("Query")).isLessThanOrEqualTo(2);
            // 2,500 marks of < 100 bytes: ≤ 250 KB, ≤ 62 × 4 KB, half a unit each
            assertThat(meter.units().get("Query")).isLessThanOrEqualTo(31.0);

            meter.reset();
            assertThat(poller.seen("big", listing.subList(0, DynamoSourceStateStore.GET_EACH_UP_TO), NOW))
                    .hasSize(250);
            System.out.println("1,000 listed: calls " + meter.calls() + ", units " + meter.units());
            assertThat(meter.calls()).isEqualTo(Map.of("BatchGetItem", 10));
            assertThat(meter.units()).isEqualTo(Map.of("BatchGetItem", 500.0));
        }
    }

    @Test
    void writesTwentyFiveMarksPerCall_oneWriteUnitEach() {
        Map<String, Instant> marks = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            marks.put("https://w.example/" + i, NOW.plus(TTL));
        }
        CapacityMeter meter = new CapacityMeter();
        try (DynamoDbClient metered = dynalite.clientWith(meter)) {
            new DynamoSourceStateStore(metered, table).markSeen("w", marks);
        }

        assertThat(meter.calls()).isEqualTo(Map.of("BatchWriteItem", 3));
        assertThat(meter.units()).isEqualTo(Map.of("BatchWriteItem", 60.0));
        assertThat(store.seen("w", new ArrayList<>(marks.keySet()), NOW)).hasSize(60);
    }

    private Map<String, AttributeValue> stateItem(String source) {
        return dynalite.client().getItem(b -> b.tableName(table).key(Map.of(
                DynamoTableSchema.PK, AttributeValue.fromS("SOURCE#" + source),
                DynamoTableSchema.SK, AttributeValue.fromS("SOURCE")))).item();
    }
}
