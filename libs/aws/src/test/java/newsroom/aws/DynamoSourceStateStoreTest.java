package newsroom.aws;

import org.junit.jupiter.api.extension.ExtendWith;

import newsroom.core.port.SourceStateStore;
import newsroom.core.port.contract.SourceStateStoreContract;

/** {@link DynamoSourceStateStore} against dynalite, a new table per test. */
@ExtendWith(SharedServers.class)
class DynamoSourceStateStoreTest extends SourceStateStoreContract {

    private final Dynalite dynalite;

    DynamoSourceStateStoreTest(Dynalite dynalite) {
        this.dynalite = dynalite;
    }

    @Override
    protected SourceStateStore newStore() {
        return new DynamoSourceStateStore(dynalite.client(), dynalite.newTable());
    }
}
