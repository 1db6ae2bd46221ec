package newsroom.aws;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import newsroom.core.port.FetchQueue;

/**
 * {@link FetchQueue} on the SQS fetch queue. Sends SendMessageBatch calls of at most {@value #MAX_ENTRIES_PER_CALL}
 * messages (and at most {@value #MAX_BATCH_BYTES} bytes of bodies); each body is {@code {"url":…,"source":…}}, plus
 * {@code "listedDate"} (ISO instant) and {@code "listedIn"} ({@code feed}/{@code sitemap}) when the feed or sitemap
 * dated the URL.
 * A delay is sent as {@code DelaySeconds}, capped at SQS's maximum of {@value #MAX_DELAY_SECONDS} (a longer
 * Retry-After is honoured by the consumer, which checks politeness again). Entries SQS rejects without blaming the
 * sender are resent with the {@link RetryPolicy}; the rest, and any still failing, are reported in one
 * {@link EnqueueFailedException}.
 */
public final class SqsFetchQueue implements FetchQueue {

    public static final int MAX_ENTRIES_PER_CALL = SqsBatchSender.MAX_ENTRIES_PER_CALL;
    public static final int MAX_BATCH_BYTES = 256 * 1024;
    public static final int MAX_DELAY_SECONDS = 900;
    /** Longer URLs are refused before sending: no page worth fetching has one. */
    public static final int MAX_URL_LENGTH = 8192;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsBatchSender queue;

    public SqsFetchQueue(SqsClient sqs, String queueUrl) {
        this(sqs, queueUrl, RetryPolicy.DEFAULT);
    }

    public SqsFetchQueue(SqsClient sqs, String queueUrl, RetryPolicy retry) {
        this.queue = new SqsBatchSender(sqs, queueUrl, retry);
    }

    /** SnapStart priming: {@code GetQueueAttributes} (the approximate message count) of the queue, read-only. */
    void primeGetQueueAttributes() {
        queue.primeGetQueueAttributes();
    }

    /**
     * @throws IllegalArgumentException before sending anything, when a request has no URL or source, a URL longer
     *                                  than {@value #MAX_URL_LENGTH}, or a negative delay
     * @throws EnqueueFailedException   naming every request SQS did not accept (the others were sent)
     */
    @Override
    public void enqueue(List<FetchRequest> requests) {
        requests.forEach(SqsFetchQueue::validate);
        List<String> failures = new ArrayList<>();
        List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
        List<FetchRequest> batchRequests = new ArrayList<>();
        int batchBytes = 0;
        for (FetchRequest request : requests) {
            String body = body(request);
            int bytes = body.getBytes(UTF_8).length;
            if (batch.size() == MAX_ENTRIES_PER_CALL || batchBytes + bytes > MAX_BATCH_BYTES) {
                failures.addAll(send(batch, batchRequests));
                batch = new ArrayList<>();
                batchRequests = new ArrayList<>();
                batchBytes = 0;
            }
            batch.add(SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(batch.size()))
                    .messageBody(body)
                    .delaySeconds(Math.min(request.delaySeconds(), MAX_DELAY_SECONDS))
                    .build());
            batchRequests.add(request);
            batchBytes += bytes;
        }
        if (!batch.isEmpty()) {
            failures.addAll(send(batch, batchRequests));
        }
        if (!failures.isEmpty()) {
            throw new EnqueueFailedException(failures.size() + " of " + requests.size()
                    + " fetch request(s) not accepted by " + queue.queueUrl(), failures);
        }
    }

    /** Sends one batch, resending its transient failures; returns the requests that were never accepted. */
    private List<String> send(List<SendMessageBatchRequestEntry> batch, List<FetchRequest> requests) {
        Map<String, FetchRequest> byId = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            byId.put(batch.get(i).id(), requests.get(i));
        }
        return queue.send(batch, (entry, code, message) -> describe(byId.get(entry.id()), code, message));
    }

    private static void validate(FetchRequest request) {
        if (request.url() == null || request.url().isBlank()) {
            throw new IllegalArgumentException("fetch request without a URL (source " + request.source() + ")");
        }
        if (request.url().length() > MAX_URL_LENGTH) {
            throw new IllegalArgumentException("fetch request URL longer than " + MAX_URL_LENGTH + " characters: "
                    + request.url().substring(0, 80) + "...");
        }
        if (request.source() == null || request.source().isBlank()) {
            throw new IllegalArgumentException("fetch request without a source: " + request.url());
        }
        if (request.delaySeconds() < 0) {
            throw new IllegalArgumentException("fetch request with a negative delay: " + request.url());
        }
    }

    private static String body(FetchRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("url", request.url());
        body.put("source", request.source());
        if (request.listedDate() != null) {
            body.put("listedDate", request.listedDate().toString());
            body.put("listedIn", request.listedIn().word());
        }
        return body.toString();
    }

    private static String describe(FetchRequest request, String code, String message) {
        return request.url() + ": " + code + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }

    /** Some fetch requests were not accepted by SQS; {@link #failures()} has one "url: code (message)" each. */
    public static final class EnqueueFailedException extends RuntimeException {
        private final List<String> failures;

        public EnqueueFailedException(String message, List<String> failures) {
            super(message + ": " + failures);
            this.failures = List.copyOf(failures);
        }

        public List<String> failures() {
            return failures;
        }
    }
}
