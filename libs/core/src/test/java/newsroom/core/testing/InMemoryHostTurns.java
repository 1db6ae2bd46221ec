package newsroom.core.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import newsroom.core.port.HostTurns;

/**
 * {@link HostTurns} in memory, shared by several fetchers of one test as the DynamoDB table is shared by several
 * Lambda instances; passes the port's contract suite.
 */
public final class InMemoryHostTurns implements HostTurns {

    private record Turn(Instant freeAt, String holder) {
    }

    private final Map<String, Turn> turns = new HashMap<>();

    @Override
    public synchronized Optional<Busy> tryTake(String host, String holder, Instant now, Instant leaseUntil) {
        Turn turn = turns.get(host);
        if (turn != null && turn.freeAt().isAfter(now)) {
            return Optional.of(new Busy(turn.freeAt(), turn.holder() != null));
        }
        turns.put(host, new Turn(leaseUntil, holder));
        return Optional.empty();
    }

    @Override
    public synchronized void release(String host, String holder, Instant nextAllowedAt) {
        Turn turn = turns.get(host);
        if (turn != null && holder.equals(turn.holder())) {
            turns.put(host, new Turn(nextAllowedAt, null));
        }
    }
}
