package newsroom.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;

import newsroom.core.observe.Telemetry;
import newsroom.core.port.EventPublisher;
import newsroom.core.port.contract.StoreEmitProtocolContract;
import newsroom.local.bus.InProcessEventBus;
import newsroom.local.store.EmbeddedArticleIndex;
import newsroom.local.store.FileObjectStore;

/**
 * The store/emit protocol contract on the embedded adapters: the folder object store, the embedded index and the
 * in-process bus, whose event log ({@code events.jsonl}) tells what it accepted. The in-process bus never refuses
 * an event, so a refused publish is a failure raised in front of it, as a bus outage would reach the service.
 */
class StoreEmitProtocolTest extends StoreEmitProtocolContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path site;

    private boolean refuseNext;

    @Override
    protected Adapters newAdapters() {
        InProcessEventBus bus = new InProcessEventBus(List.of(), eventLogDir(), Telemetry.silent(), Clock.systemUTC());
        EventPublisher refusingBus = events -> {
            if (refuseNext) {
                refuseNext = false;
                throw new EventPublisher.EventPublishException("bus unavailable",
                        events.stream().map(e -> e.detailType() + " " + e.articleId() + ": unavailable").toList());
            }
            bus.publish(events);
        };
        return new Adapters(new FileObjectStore(site), new EmbeddedArticleIndex(site.resolve(".newsroom/index")),
                refusingBus);
    }

    @Override
    protected void refuseNextPublish() {
        refuseNext = true;
    }

    @Override
    protected List<Accepted> accepted() {
        Path log = eventLogDir().resolve("events.jsonl");
        try {
            if (!Files.exists(log)) {
                return List.of();
            }
            return Files.readAllLines(log).stream().map(StoreEmitProtocolTest::accepted).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Accepted accepted(String line) {
        try {
            JsonNode event = JSON.readTree(line);
            JsonNode detail = event.get("detail");
            return new Accepted(event.get("detail-type").asText(), detail.get("articleId").asText(),
                    detail.get("version").asLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path eventLogDir() {
        return site.resolve(".newsroom");
    }
}
