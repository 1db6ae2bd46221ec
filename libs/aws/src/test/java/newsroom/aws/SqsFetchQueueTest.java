package newsroom.aws;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import newsroom.core.model.DateHints;
import newsroom.core.port.FetchQueue;
import newsroom.core.port.FetchQueue.FetchRequest;
import newsroom.core.port.contract.FetchQueueContract;
import newsroom.emulators.MotoServer;

/** {@link SqsFetchQueue} against the moto server, a new queue per test read back with ReceiveMessage. */
@ExtendWith(SharedServers.class)
class SqsFetchQueueTest extends FetchQueueContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger QUEUES = new AtomicInteger();
    private static SqsClient sqs;
    private String queueUrl;

    @BeforeAll
    static void connect(MotoServer moto) {
        sqs = TestAws.clients(Map.of("AWS_ENDPOINT_URL_SQS", moto.endpoint())).sqs();
    }

    @AfterAll
    static void disconnect() {
        sqs.close();
    }

    @Override
    protected FetchQueue newQueue() {
        queueUrl = sqs.createQueue(b -> b.queueName("fetch-" + QUEUES.incrementAndGet())).queueUrl();
        return new SqsFetchQueue(sqs, queueUrl);
    }

    @Override
    protected List<FetchRequest> received(int atLeast) {
        List<FetchRequest> requests = new ArrayList<>();
        long deadline = System.nanoTime() + 5_000_000_000L;
        do {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0)).messages();
            for (Message m : messages) {
                requests.add(toRequest(m.body()));
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
            if (messages.isEmpty() && requests.size() >= atLeast) {
                break;
            }
        } while (System.nanoTime() < deadline);
        return requests;
    }

    private static FetchRequest toRequest(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            JsonNode listedDate = json.get("listedDate");
            return listedDate == null ? new FetchRequest(json.get("url").asText(), json.get("source").asText(), 0)
                    : new FetchRequest(json.get("url").asText(), json.get("source").asText(), 0,
                    Instant.parse(listedDate.asText()),
                    DateHints.ListedIn.fromWord(json.get("listedIn").asText()));
        } catch (IOException e) {
            throw new IllegalStateException("not a fetch request body: " + body, e);
        }
    }
}
