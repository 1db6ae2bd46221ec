package newsroom.local.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

import newsroom.core.event.ArticleEvent;
import newsroom.core.event.DetailType;
import newsroom.core.observe.Telemetry;
import newsroom.core.port.ArticleIndex;
import newsroom.core.port.EventPublisher;
import newsroom.core.port.ObjectStore;
import newsroom.core.port.SourceStateStore;
import newsroom.core.port.contract.ArticleIndexContract;
import newsroom.core.port.contract.EventPublisherContract;
import newsroom.core.port.contract.ObjectStoreContract;
import newsroom.core.port.contract.SourceStateStoreContract;
import newsroom.local.bus.InProcessEventBus;
import newsroom.local.bus.TemplateRules;
import newsroom.local.store.EmbeddedArticleIndex;
import newsroom.local.store.FileObjectStore;

/** The port contract suites that every AWS adapter passes, run against the embedded adapters. */
class EmbeddedAdaptersContractTest {

    @Nested
    class FileObjectStoreContract extends ObjectStoreContract {
        @TempDir
        Path site;

        @Override
        protected ObjectStore newStore() {
            return new FileObjectStore(site);
        }
    }

    @Nested
    class EmbeddedArticleIndexContract extends ArticleIndexContract {
        @TempDir
        Path dir;

        @Override
        protected ArticleIndex newIndex() {
            return new EmbeddedArticleIndex(dir);
        }
    }

    @Nested
    class EmbeddedSourceStateContract extends SourceStateStoreContract {
        @TempDir
        Path dir;

        @Override
        protected SourceStateStore newStore() {
            return new EmbeddedArticleIndex(dir);
        }
    }

    @Nested
    class InProcessEventBusContract extends EventPublisherContract {
        private static final ObjectMapper JSON = new ObjectMapper();

        @TempDir
        Path logs;

        @Override
        protected EventPublisher newPublisher() {
            return new InProcessEventBus(TemplateRules.bundled(), logs, Telemetry.silent(), Clock.systemUTC());
        }

        /** The bus's event log holds every accepted event as EventBridge would deliver it. */
        @Override
        protected List<ArticleEvent> delivered(int atLeast) {
            Path log = logs.resolve("events.jsonl");
            List<ArticleEvent> events = new ArrayList<>();
            try {
                if (!Files.exists(log)) {
                    return events;
                }
                for (String line : Files.readAllLines(log)) {
                    Map<String, Object> envelope = JSON.readValue(line, new TypeReference<>() { });
                    @SuppressWarnings("unchecked")
                    Map<String, Object> detail = (Map<String, Object>) envelope.get("detail");
                    events.add(new ArticleEvent((String) envelope.get("source"),
                            DetailType.fromWireName((String) envelope.get("detail-type")), detail));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return events;
        }
    }
}
