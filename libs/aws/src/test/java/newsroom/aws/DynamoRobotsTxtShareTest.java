package newsroom.aws;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import newsroom.core.port.RobotsTxtShare;
import newsroom.core.port.contract.RobotsTxtShareContract;

/** {@link DynamoRobotsTxtShare} against dynalite, a new table per test. */
class DynamoRobotsTxtShareTest extends RobotsTxtShareContract {

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
    protected RobotsTxtShare newShare() {
        return new DynamoRobotsTxtShare(dynalite.client(), dynalite.newTable());
    }
}
