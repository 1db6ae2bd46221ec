package newsroom.aws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import newsroom.core.port.PollQueue;

/**
 * {@link PollQueue} on the SQS poll queue: SendMessageBatch calls of at most {@value #MAX_ENTRIES_PER_CALL} bodies
 * {@code {"source":…,"dispatchedAt":…}} (a few dozen bytes each, far below the batch byte limit). Entries SQS
 * rejects without blaming the sender, and transient call failures, are resent ({@link SqsBatchSender}, as
 * {@link SqsFetchQueue} does); what still fails is reported in one {@link SqsFetchQueue.EnqueueFailedException}
 * naming the sources.
 */
public final class SqsPollQueue implements PollQueue {

    public static final int MAX_ENTRIES_PER_CALL = SqsBatchSender.MAX_ENTRIES_PER_CALL;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsBatchSender queue;

    public SqsPollQueue(SqsClient sqs, String queueUrl) {
        this(sqs, queueUrl, RetryPolicy.DEFAULT);
    }

    public SqsPollQueue(SqsClient sqs, String queueUrl, RetryPolicy retry) {
        this.queue = new SqsBatchSender(sqs, queueUrl, retry);
    }

    /** SnapStart priming: {@code GetQueueAttributes} (the approximate message count) of the queue, read-only. */
    void primeGetQueueAttributes() {
        queue.primeGetQueueAttributes();
    }

    /** The message body of a request: {@code {"source":…,"dispatchedAt":…}}. */
    public static String body(PollRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("source", request.source());
        body.put("dispatchedAt", request.dispatchedAt().toString());
        return body.toString();
    }

    @Override
    public void send(List<PollRequest> requests) {
        List<String> failures = new ArrayList<>();
        for (int from = 0; from < requests.size(); from += MAX_ENTRIES_PER_CALL) {
            failures.addAll(sendBatch(requests.subList(from, Math.min(requests.size(), from + MAX_ENTRIES_PER_CALL))));
        }
        if (!failures.isEmpty()) {
            throw new SqsFetchQueue.EnqueueFailedException(failures.size() + " of " + requests.size()
                    + " poll request(s) not accepted by " + queue.queueUrl(), failures);
        }
    }

    private List<String> sendBatch(List<PollRequest> batch) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        Map<String, String> sourceById = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            String id = Integer.toString(i);
            entries.add(SendMessageBatchRequestEntry.builder().id(id).messageBody(body(batch.get(i))).build());
            sourceById.put(id, batch.get(i).source());
        }
        return queue.send(entries, (entry, code, message) -> sourceById.get(entry.id()) + ": " + code);
    }
}
