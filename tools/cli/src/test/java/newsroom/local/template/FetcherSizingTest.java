package newsroom.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import newsroom.articlefetcher.ArticleFetcherHandler;
import newsroom.core.testing.RepoFiles;

/**
 * The article fetcher's batch size, timeout and the fetch queue's visibility timeout are sized together: a batch of
 * slow origins, each message run to its own deadline, ends inside the timeout, and SQS does not hand a message to a
 * second invocation while the first may still work on it.
 */
class FetcherSizingTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(RepoFiles.template());

    @Test
    void aWholeBatchOfMessagesRunToTheirDeadlines_fitsInTheTimeout_andTheVisibilityTimeoutCoversSixTimeouts() {
        JsonNode function = TEMPLATE.resource("ArticleFetcherFunction").path("Properties");
        int timeout = function.path("Timeout").asInt();
        int batchSize = function.path("Events").path("FetchRequests").path("Properties").path("BatchSize").asInt();
        int visibility = TEMPLATE.resource("FetchQueue").path("Properties").path("VisibilityTimeout").asInt();

        assertThat(batchSize).isPositive();
        assertThat((long) timeout).isGreaterThanOrEqualTo(ArticleFetcherHandler.timeoutNeededFor(batchSize)
                .toSeconds());
        assertThat(visibility).isGreaterThanOrEqualTo(6 * timeout);
    }
}
