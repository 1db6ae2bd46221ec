package newsroom.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * One SQS queue as both queue adapters ({@link SqsFetchQueue}, {@link SqsPollQueue}) send to it: SendMessageBatch
 * calls through {@link PartialBatchRetry} (a sender fault, a bad request, fails for good; anything else is resent),
 * and the read-only SnapStart priming call.
 */
final class SqsBatchSender {

    /** SQS's limit of entries per SendMessageBatch. */
    static final int MAX_ENTRIES_PER_CALL = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final RetryPolicy retry;

    SqsBatchSender(SqsClient sqs, String queueUrl, RetryPolicy retry) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    String queueUrl() {
        return queueUrl;
    }

    /** SnapStart priming: {@code GetQueueAttributes} (the approximate message count) of the queue, read-only. */
    void primeGetQueueAttributes() {
        sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    /**
     * One SendMessageBatch of at most {@value #MAX_ENTRIES_PER_CALL} entries, resending its transient failures.
     *
     * @return the description of every entry never accepted; empty when all were
     */
    List<String> send(List<SendMessageBatchRequestEntry> batch,
                      PartialBatchRetry.Describer<SendMessageBatchRequestEntry> describer) {
        PartialBatchRetry<SendMessageBatchRequestEntry> batchRetry = new PartialBatchRetry<>(retry, describer);
        return batchRetry.send(batch, sent -> {
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(sent));
            Map<String, SendMessageBatchRequestEntry> sentById = sent.stream()
                    .collect(Collectors.toMap(SendMessageBatchRequestEntry::id, Function.identity()));
            List<PartialBatchRetry.EntryFailure<SendMessageBatchRequestEntry>> failures = new ArrayList<>();
            for (BatchResultErrorEntry failed : response.failed()) {
                failures.add(batchRetry.failure(sentById.get(failed.id()), !Boolean.TRUE.equals(failed.senderFault()),
                        failed.code(), failed.message()));
            }
            return failures;
        });
    }
}
