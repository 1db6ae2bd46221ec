package newsroom.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import newsroom.core.port.SourceStateStore;
import newsroom.core.port.SourceStateStore.SourceState;
import newsroom.core.port.contract.SourceStateStoreContract;

/** {@link DynamoSourceStateStore} against dynalite, a new table per test. */
class DynamoSourceStateStoreTest extends SourceStateStoreContract {

    private static Dynalite dynalite;

    @BeforeAll
    static void startDynalite() {
        dynalite = Dynalite.start();
    }

    @AfterAll
    static void stopDynalite() {
        dynalite.close();
    }

    @Override
    protected SourceStateStore newStore() {
        return new DynamoSourceStateStore(dynalite.client(), dynalite.newTable());
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

        Map<String, AttributeValue> older = new HashMap<>(item);
        older.put("nextPollAt", AttributeValue.fromS("2025-03-01T00:00Z"));
        dynalite.client().putItem(b -> b.tableName(table).item(older));
        assertThat(store.find("flaky").orElseThrow().nextPollAt()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
    }
}
