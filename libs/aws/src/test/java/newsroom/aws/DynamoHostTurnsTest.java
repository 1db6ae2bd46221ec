package newsroom.aws;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import newsroom.core.port.HostTurns;
import newsroom.core.port.contract.HostTurnsContract;

/** {@link DynamoHostTurns} against dynalite, a new table per test. */
class DynamoHostTurnsTest extends HostTurnsContract {

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
    protected HostTurns newTurns() {
        return new DynamoHostTurns(dynalite.client(), dynalite.newTable());
    }
}
