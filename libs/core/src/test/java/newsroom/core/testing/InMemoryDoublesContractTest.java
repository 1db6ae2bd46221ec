package newsroom.core.testing;

import java.util.List;

import org.junit.jupiter.api.Nested;

import newsroom.core.event.ArticleEvent;
import newsroom.core.port.ArticleIndex;
import newsroom.core.port.EventPublisher;
import newsroom.core.port.FetchQueue;
import newsroom.core.port.FetchQueue.FetchRequest;
import newsroom.core.port.HostTurns;
import newsroom.core.port.ObjectStore;
import newsroom.core.port.RobotsTxtShare;
import newsroom.core.port.SourceStateStore;
import newsroom.core.port.contract.ArticleIndexContract;
import newsroom.core.port.contract.EventPublisherContract;
import newsroom.core.port.contract.FetchQueueContract;
import newsroom.core.port.contract.HostTurnsContract;
import newsroom.core.port.contract.ObjectStoreContract;
import newsroom.core.port.contract.RobotsTxtShareContract;
import newsroom.core.port.contract.SourceStateStoreContract;
import newsroom.core.port.contract.StoreEmitProtocolContract;

/**
 * The port contract suites that every real adapter passes (and the store/emit protocol that runs on them), run
 * against the in-memory doubles: the doubles are collaborators in the tests of services and handlers, so they must
 * behave like the adapters those run on.
 */
class InMemoryDoublesContractTest {

    @Nested
    class InMemoryArticleIndexContract extends ArticleIndexContract {
        @Override
        protected ArticleIndex newIndex() {
            return new InMemoryArticleIndex();
        }
    }

    @Nested
    class InMemoryObjectStoreContract extends ObjectStoreContract {
        @Override
        protected ObjectStore newStore() {
            return new InMemoryObjectStore();
        }
    }

    @Nested
    class InMemoryHostTurnsContract extends HostTurnsContract {
        @Override
        protected HostTurns newTurns() {
            return new InMemoryHostTurns();
        }
    }

    @Nested
    class InMemoryRobotsTxtShareContract extends RobotsTxtShareContract {
        @Override
        protected RobotsTxtShare newShare() {
            return new InMemoryRobotsTxtShare();
        }
    }

    @Nested
    class InMemorySourceStateStoreContract extends SourceStateStoreContract {
        @Override
        protected SourceStateStore newStore() {
            return new InMemorySourceStateStore();
        }
    }

    @Nested
    class RecordingEventPublisherContract extends EventPublisherContract {
        @Override
        protected EventPublisher newPublisher() {
            return new RecordingEventPublisher();
        }

        /** The double delivers synchronously: what it accepted is what the bus got. */
        @Override
        protected List<ArticleEvent> delivered(int atLeast) {
            return ((RecordingEventPublisher) publisher).published();
        }
    }

    @Nested
    class RecordingFetchQueueContract extends FetchQueueContract {
        @Override
        protected FetchQueue newQueue() {
            return new RecordingFetchQueue();
        }

        /** The double delivers synchronously: what it accepted is what a consumer would receive. */
        @Override
        protected List<FetchRequest> received(int atLeast) {
            return ((RecordingFetchQueue) queue).requests();
        }
    }

    @Nested
    class InMemoryStoreEmitProtocolContract extends StoreEmitProtocolContract {
        private final RecordingEventPublisher bus = new RecordingEventPublisher();

        @Override
        protected Adapters newAdapters() {
            return new Adapters(new InMemoryObjectStore(), new InMemoryArticleIndex(), bus);
        }

        @Override
        protected void refuseNextPublish() {
            bus.failNextPublishes(1);
        }

        @Override
        protected List<Accepted> accepted() {
            return bus.published().stream().map(e -> new Accepted(e.detailType().wireName(), e.articleId(),
                    ((Number) e.detail().get("version")).longValue())).toList();
        }
    }
}
