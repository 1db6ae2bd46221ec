package newsroom.aws;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import newsroom.core.event.ArticleEvent;
import newsroom.core.port.EventPublisher;

/**
 * {@link EventPublisher} on an EventBridge bus. Sends PutEvents calls of at most {@value #MAX_ENTRIES_PER_CALL}
 * entries and less than {@value #MAX_REQUEST_BYTES} bytes (entry size computed as the PutEvents documentation
 * does). PutEvents answers HTTP 200 even when some entries fail: only those entries are sent again, and only when
 * their error is transient ({@code ThrottlingException}, {@code InternalFailure}), with the backoff of the
 * {@link RetryPolicy}. Whole-call throttling and 5xx are first retried by the SDK, then by the same policy.
 * Whatever is still not accepted is reported in one {@link EventPublishException}, never dropped.
 */
public final class EventBridgePublisher implements EventPublisher {

    public static final int MAX_ENTRIES_PER_CALL = 10;
    /** PutEvents accepts a request whose entries add up to less than 256 KB. */
    public static final int MAX_REQUEST_BYTES = 256 * 1024;

    private static final Set<String> TRANSIENT_ERRORS =
            Set.of("ThrottlingException", "InternalFailure", "InternalException", "ServiceUnavailable");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventBridgeClient eventBridge;
    private final String busName;
    private final PartialBatchRetry<Entry> batchRetry;

    public EventBridgePublisher(EventBridgeClient eventBridge, String busName) {
        this(eventBridge, busName, RetryPolicy.DEFAULT);
    }

    public EventBridgePublisher(EventBridgeClient eventBridge, String busName, RetryPolicy retry) {
        this.eventBridge = Objects.requireNonNull(eventBridge, "eventBridge");
        this.busName = Objects.requireNonNull(busName, "busName");
        this.batchRetry = new PartialBatchRetry<>(Objects.requireNonNull(retry, "retry"), Entry::describe);
    }

    @Override
    public void publish(List<ArticleEvent> events) {
        List<String> failures = new ArrayList<>();
        List<Entry> batch = new ArrayList<>();
        int batchBytes = 0;
        for (ArticleEvent event : events) {
            Entry entry = toEntry(event);
            if (entry.bytes >= MAX_REQUEST_BYTES) {
                failures.add(entry.describe("EntryTooLarge", entry.bytes + " bytes, PutEvents takes less than "
                        + MAX_REQUEST_BYTES));
                continue;
            }
            if (batch.size() == MAX_ENTRIES_PER_CALL || batchBytes + entry.bytes >= MAX_REQUEST_BYTES) {
                failures.addAll(send(batch));
                batch = new ArrayList<>();
                batchBytes = 0;
            }
            batch.add(entry);
            batchBytes += entry.bytes;
        }
        if (!batch.isEmpty()) {
            failures.addAll(send(batch));
        }
        if (!failures.isEmpty()) {
            throw new EventPublishException(failures.size() + " of " + events.size()
                    + " event(s) not accepted by event bus " + busName, failures);
        }
    }

    /**
     * SnapStart priming: a {@code PutEvents} request marshalled and signed, then stopped before transmission
     * ({@link DryRun}). Belt and braces: the entry names a bus that does not exist, which the function's role may
     * not put to, so even a request that got out would publish nothing.
     */
    void primeDryRun() {
        PutEventsRequestEntry entry = PutEventsRequestEntry.builder().eventBusName(busName + "-priming-dry-run")
                .source("newsroom.priming").detailType("PrimingDryRun").detail("{\"priming\":true}").build();
        try {
            eventBridge.putEvents(b -> b.entries(entry).overrideConfiguration(DryRun::apply));
        } catch (RuntimeException e) {
            if (!DryRun.stopped(e)) {
                throw e;
            }
            return;
        }
        throw new IllegalStateException("the PutEvents dry run was not stopped before transmission");
    }

    /** Sends one batch, resending its transient failures; returns the entries that were never accepted. */
    private List<String> send(List<Entry> batch) {
        return batchRetry.send(batch, sent -> {
            PutEventsResponse response = eventBridge.putEvents(b -> b.entries(
                    sent.stream().map(e -> e.request).toList()));
            List<PutEventsResultEntry> results = response.entries();
            List<PartialBatchRetry.EntryFailure<Entry>> failures = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                PutEventsResultEntry result = i < results.size() ? results.get(i) : null;
                if (result == null) {
                    failures.add(batchRetry.failure(sent.get(i), true, "NoResult",
                            "PutEvents returned no entry for it"));
                } else if (result.errorCode() != null) {
                    failures.add(batchRetry.failure(sent.get(i), TRANSIENT_ERRORS.contains(result.errorCode()),
                            result.errorCode(), result.errorMessage()));
                }
            }
            return failures;
        });
    }

    private Entry toEntry(ArticleEvent event) {
        String detail;
        try {
            detail = JSON.writeValueAsString(event.detail());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event detail of " + event.detailType() + " " + event.articleId()
                    + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        PutEventsRequestEntry request = PutEventsRequestEntry.builder()
                .eventBusName(busName)
                .source(event.source())
                .detailType(event.detailType().wireName())
                .detail(detail)
                .build();
        return new Entry(event, request, entrySize(request));
    }

    /** The size of one entry as the PutEvents documentation computes it. */
    static int entrySize(PutEventsRequestEntry entry) {
        int size = 0;
        if (entry.time() != null) {
            size += 14;
        }
        size += entry.source().getBytes(UTF_8).length;
        size += entry.detailType().getBytes(UTF_8).length;
        if (entry.detail() != null) {
            size += entry.detail().getBytes(UTF_8).length;
        }
        if (entry.hasResources()) {
            for (String resource : entry.resources()) {
                size += resource.getBytes(UTF_8).length;
            }
        }
        return size;
    }

    private record Entry(ArticleEvent event, PutEventsRequestEntry request, int bytes) {
        String describe(String code, String message) {
            return event.detailType() + " " + event.articleId() + ": " + code
                    + (message == null || message.isBlank() ? "" : " (" + message + ")");
        }
    }
}
