package newsroom.aws;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import newsroom.core.port.SourceStateStore;
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
}
