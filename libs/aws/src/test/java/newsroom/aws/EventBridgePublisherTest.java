package newsroom.aws;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import newsroom.core.event.ArticleEvent;
import newsroom.core.event.DetailType;
import newsroom.core.port.EventPublisher;
import newsroom.core.port.contract.EventPublisherContract;
import newsroom.emulators.MotoServer;

/**
 * {@link EventBridgePublisher} against the moto server: a custom bus per test with a rule on our source routing
 * to an SQS queue, which is how the test reads back what the bus delivered.
 */
@ExtendWith(SharedServers.class)
class EventBridgePublisherTest extends EventPublisherContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger BUSES = new AtomicInteger();
    private static EventBridgeClient eventBridge;
    private static SqsClient sqs;
    private String observerQueueUrl;

    @BeforeAll
    static void connect(MotoServer moto) {
        AwsClients clients = TestAws.clients(Map.of("AWS_ENDPOINT_URL", moto.endpoint()));
        eventBridge = clients.eventBridge();
        sqs = clients.sqs();
    }

    @AfterAll
    static void disconnect() {
        eventBridge.close();
        sqs.close();
    }

    @Override
    protected EventPublisher newPublisher() {
        String bus = "newsroom-" + BUSES.incrementAndGet();
        eventBridge.createEventBus(b -> b.name(bus));
        observerQueueUrl = sqs.createQueue(b -> b.queueName(bus + "-observer")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(observerQueueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        eventBridge.putRule(b -> b.name("all-newsroom-events").eventBusName(bus)
                .eventPattern("{\"source\":[\"" + ArticleEvent.SOURCE + "\"]}"));
        eventBridge.putTargets(b -> b.rule("all-newsroom-events").eventBusName(bus)
                .targets(t -> t.id("observer").arn(queueArn)));
        return new EventBridgePublisher(eventBridge, bus);
    }

    @Override
    protected List<ArticleEvent> delivered(int atLeast) {
        List<ArticleEvent> events = new ArrayList<>();
        long deadline = System.nanoTime() + 5_000_000_000L;
        do {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(observerQueueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(atLeast == 0 ? 1 : 0)).messages();
            for (Message m : messages) {
                events.add(toEvent(m.body()));
                sqs.deleteMessage(b -> b.queueUrl(observerQueueUrl).receiptHandle(m.receiptHandle()));
            }
            if (messages.isEmpty() && (atLeast == 0 || events.size() >= atLeast)) {
                break;
            }
        } while (System.nanoTime() < deadline);
        return events;
    }

    @SuppressWarnings("unchecked")
    private static ArticleEvent toEvent(String envelope) {
        try {
            JsonNode json = JSON.readTree(envelope);
            return new ArticleEvent(json.get("source").asText(),
                    DetailType.fromWireName(json.get("detail-type").asText()),
                    JSON.convertValue(json.get("detail"), Map.class));
        } catch (IOException e) {
            throw new IllegalStateException("not an EventBridge envelope: " + envelope, e);
        }
    }
}
