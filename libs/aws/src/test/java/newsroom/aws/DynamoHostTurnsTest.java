package newsroom.aws;

import org.junit.jupiter.api.extension.ExtendWith;

import newsroom.core.port.HostTurns;
import newsroom.core.port.contract.HostTurnsContract;

/** {@link DynamoHostTurns} against dynalite, a new table per test. */
@ExtendWith(SharedServers.class)
class DynamoHostTurnsTest extends HostTurnsContract {

    private final Dynalite dynalite;

    DynamoHostTurnsTest(Dynalite dynalite) {
        this.dynalite = dynalite;
    }

    @Override
    protected HostTurns newTurns() {
        return new DynamoHostTurns(dynalite.client(), dynalite.newTable());
    }
}
