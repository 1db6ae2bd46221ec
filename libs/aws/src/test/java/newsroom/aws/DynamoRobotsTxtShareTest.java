package newsroom.aws;

import org.junit.jupiter.api.extension.ExtendWith;

import newsroom.core.port.RobotsTxtShare;
import newsroom.core.port.contract.RobotsTxtShareContract;

/** {@link DynamoRobotsTxtShare} against dynalite, a new table per test. */
@ExtendWith(SharedServers.class)
class DynamoRobotsTxtShareTest extends RobotsTxtShareContract {

    private final Dynalite dynalite;

    DynamoRobotsTxtShareTest(Dynalite dynalite) {
        this.dynalite = dynalite;
    }

    @Override
    protected RobotsTxtShare newShare() {
        return new DynamoRobotsTxtShare(dynalite.client(), dynalite.newTable());
    }
}
