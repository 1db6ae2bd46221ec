package newsroom.aws;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** What an SQS-triggered handler reads of a message's delivery, the same way in every function. */
public final class SqsDelivery {

    private SqsDelivery() {
    }

    /**
     * The message's {@code ApproximateReceiveCount} (1 on its first delivery), from the attributes Lambda passes with
     * it; 1 when absent or unreadable, so a test event without attributes counts as a first delivery.
     */
    public static int receiveCount(@Nullable Map<String, String> attributes) {
        String count = attributes == null ? null : attributes.get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Math.max(1, Integer.parseInt(count.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
