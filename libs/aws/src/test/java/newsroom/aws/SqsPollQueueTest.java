package newsroom.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import newsroom.core.port.PollQueue.PollRequest;
import newsroom.emulators.MotoServer;

/** {@link SqsPollQueue} against the moto server, read back with ReceiveMessage. */
@ExtendWith(SharedServers.class)
class SqsPollQueueTest {

    private static final Instant TICK = Instant.parse("2025-02-12T15:15:00Z");
    private static SqsClient sqs;

    @BeforeAll
    static void connect(MotoServer moto) {
        sqs = TestAws.clients(Map.of("AWS_ENDPOINT_URL_SQS", moto.endpoint())).sqs();
    }

    @AfterAll
    static void disconnect() {
        sqs.close();
    }

    @Test
    void sendsOneMessagePerSource_inBatchesOfTen() {
        String url = sqs.createQueue(b -> b.queueName("poll-batches")).queueUrl();
        List<PollRequest> requests = IntStream.range(0, 23).mapToObj(i -> new PollRequest("s" + i, TICK)).toList();

        new SqsPollQueue(sqs, url).send(requests);

        List<String> bodies = new ArrayList<>();
        for (int round = 0; round < 20 && bodies.size() < 23; round++) {
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()) {
                bodies.add(m.body());
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
        assertThat(bodies).containsExactlyInAnyOrderElementsOf(requests.stream().map(SqsPollQueue::body).toList());
        assertThat(bodies).contains("{\"source\":\"s7\",\"dispatchedAt\":\"2025-02-12T15:15:00Z\"}");
    }

    @Test
    void namesTheSources_whenTheQueueDoesNotExist(MotoServer moto) {
        SqsPollQueue queue = new SqsPollQueue(sqs, moto.endpoint() + "/123456789012/no-such-queue",
                new RetryPolicy(1, Duration.ZERO, Duration.ZERO, RetryPolicy.Sleeper.THREAD));

        assertThatThrownBy(() -> queue.send(List.of(new PollRequest("alpha", TICK))))
                .isInstanceOf(SqsFetchQueue.EnqueueFailedException.class).hasMessageContaining("alpha");
    }
}
