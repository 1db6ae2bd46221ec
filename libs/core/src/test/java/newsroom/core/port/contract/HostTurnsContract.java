package newsroom.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import newsroom.core.port.HostTurns;

/** The contract of {@link HostTurns}, run against every adapter. */
public abstract class HostTurnsContract {

    private static final Instant T0 = Instant.parse("2025-02-12T15:15:00Z");

    protected HostTurns turns;

    protected abstract HostTurns newTurns();

    @BeforeEach
    void setUp() {
        turns = newTurns();
    }

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    @Test
    void givesAFreeHostToTheFirstTaker() {
        assertThat(turns.tryTake("a.example", "one", T0, at(20_000))).isEmpty();
    }

    @Test
    void refusesASecondTakerWhileTheTurnIsHeld_sayingWhenTheLeaseEnds() {
        turns.tryTake("a.example", "one", T0, at(20_000));

        assertThat(turns.tryTake("a.example", "two", at(100), at(20_100)))
                .contains(new HostTurns.Busy(at(20_000), true));
    }

    @Test
    void keepsHostsApart() {
        turns.tryTake("a.example", "one", T0, at(20_000));

        assertThat(turns.tryTake("b.example", "two", at(100), at(20_100))).isEmpty();
    }

    @Test
    void honoursTheNextAllowedStartOfARelease_forEveryTaker() {
        turns.tryTake("a.example", "one", T0, at(20_000));
        turns.release("a.example", "one", at(5_000));

        assertThat(turns.tryTake("a.example", "two", at(4_999), at(24_999)))
                .contains(new HostTurns.Busy(at(5_000), false));
        assertThat(turns.tryTake("a.example", "two", at(5_000), at(25_000))).isEmpty();
    }

    @Test
    void letsAnotherTakeOver_whenTheHoldersLeaseRanOut() {
        turns.tryTake("a.example", "one", T0, at(20_000));

        assertThat(turns.tryTake("a.example", "two", at(20_000), at(40_000))).isEmpty();
    }

    @Test
    void ignoresTheReleaseOfAHolderWhoseLeaseWasTakenOver() {
        turns.tryTake("a.example", "one", T0, at(20_000));
        turns.tryTake("a.example", "two", at(20_000), at(40_000));

        turns.release("a.example", "one", at(20_001));

        assertThat(turns.tryTake("a.example", "three", at(20_002), at(40_002)))
                .contains(new HostTurns.Busy(at(40_000), true));
    }
}
