package newsroom.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SqsDeliveryTest {

    @Test
    void readsTheApproximateReceiveCount_whenLambdaPassedIt() {
        assertThat(SqsDelivery.receiveCount(Map.of("ApproximateReceiveCount", "3"))).isEqualTo(3);
    }

    @Test
    void countsAFirstDelivery_whenTheAttributeIsMissingOrUnreadable() {
        assertThat(SqsDelivery.receiveCount(null)).isEqualTo(1);
        assertThat(SqsDelivery.receiveCount(Map.of())).isEqualTo(1);
        assertThat(SqsDelivery.receiveCount(Map.of("ApproximateReceiveCount", "many"))).isEqualTo(1);
        assertThat(SqsDelivery.receiveCount(Map.of("ApproximateReceiveCount", "0"))).isEqualTo(1);
    }
}
