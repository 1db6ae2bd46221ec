package newsroom.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import newsroom.core.port.PollQueue.PollRequest;
import newsroom.emulators.MotoServer;

/** {@link AwsAdapters}: each client built on first use and shared by the adapters of its service. */
@ExtendWith(SharedServers.class)
class AwsAdaptersTest {

    @Test
    void buildsNoClient_untilAnAdapterIsAskedFor() {
        AwsAdapters adapters = AwsAdapters.of(TestAws.clients(Map.of()));

        assertThat(adapters.clientsBuilt()).isEmpty();
    }

    @Test
    void buildsOneClientPerService_sharedByItsAdapters_andOnlyTheServicesUsed() {
        AwsAdapters adapters = AwsAdapters.of(TestAws.clients(Map.of()));

        adapters.articleIndex();
        adapters.hostTurns();
        adapters.robotsShare();
        adapters.sourceStates();
        assertThat(adapters.clientsBuilt()).containsExactly("dynamodb");

        adapters.contentStore();
        adapters.fetchQueue();
        adapters.pollQueue("http://127.0.0.1:1/000000000000/poll");
        assertThat(adapters.clientsBuilt()).containsExactly("dynamodb", "s3", "sqs");
    }

    @Test
    void returnsTheSameAdapter_everyTimeItIsAskedFor() {
        AwsAdapters adapters = AwsAdapters.of(TestAws.clients(Map.of()));

        assertThat(adapters.contentStore()).isSameAs(adapters.contentStore());
        assertThat(adapters.events()).isSameAs(adapters.events());
        assertThat(adapters.translator()).isSameAs(adapters.translator());
        assertThat(adapters.clientsBuilt()).containsExactly("s3", "eventbridge", "translate");
    }

    @Test
    void contentStoreReadsTheConfiguredBucket_atTheConfiguredEndpoint() throws Exception {
        try (FakeAwsEndpoint s3 = new FakeAwsEndpoint()) {
            s3.respondWith(request -> new FakeAwsEndpoint.Response(200, "text/plain", Map.of(),
                    "sources: []".getBytes(StandardCharsets.UTF_8)));
            AwsAdapters adapters = AwsAdapters.of(TestAws.clients(Map.of("AWS_ENDPOINT_URL_S3", s3.endpoint(),
                    "CONTENT_BUCKET", "newsroom-content")));

            assertThat(adapters.contentStore().get("config/sources.yaml"))
                    .hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8))
                            .isEqualTo("sources: []"));
            assertThat(s3.requests()).extracting(FakeAwsEndpoint.Request::path)
                    .containsExactly("/newsroom-content/config/sources.yaml");
        }
    }

    @Test
    void pollQueue_sendsToTheUrlItIsGiven_evenAfterAnotherUrl(MotoServer moto) {
        AwsAdapters adapters = AwsAdapters.of(TestAws.clients(Map.of("AWS_ENDPOINT_URL_SQS", moto.endpoint())));
        try (SqsClient sqs = TestAws.clients(Map.of("AWS_ENDPOINT_URL_SQS", moto.endpoint())).sqs()) {
            String first = sqs.createQueue(b -> b.queueName("adapters-poll-first")).queueUrl();
            String second = sqs.createQueue(b -> b.queueName("adapters-poll-second")).queueUrl();
            Instant tick = Instant.parse("2025-02-12T15:15:00Z");

            adapters.pollQueue(first).send(List.of(new PollRequest("alpha", tick)));
            adapters.pollQueue(second).send(List.of(new PollRequest("beta", tick)));

            assertThat(bodies(sqs, first)).containsExactly(SqsPollQueue.body(new PollRequest("alpha", tick)));
            assertThat(bodies(sqs, second)).containsExactly(SqsPollQueue.body(new PollRequest("beta", tick)));
            assertThat(adapters.clientsBuilt()).containsExactly("sqs");
        }
    }

    private static List<String> bodies(SqsClient sqs, String queueUrl) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()
                .stream().map(Message::body).toList();
    }
}
