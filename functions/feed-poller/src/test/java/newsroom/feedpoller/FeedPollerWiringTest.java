package newsroom.feedpoller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import newsroom.core.config.InvalidConfigurationException;

/** The poll worker's own configuration, read from its environment. */
class FeedPollerWiringTest {

    @Test
    void keepsSeenUrlsThirtyDays_whenSeenUrlTtlDaysIsUnset() {
        assertThat(FeedPollerWiring.seenUrlTtl(Map.of())).isEqualTo(Duration.ofDays(30));
        assertThat(FeedPollerWiring.seenUrlTtl(Map.of("SEEN_URL_TTL_DAYS", " "))).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void readsSeenUrlTtlDays_inWholeDaysUpToAYear() {
        assertThat(FeedPollerWiring.seenUrlTtl(Map.of("SEEN_URL_TTL_DAYS", " 7 "))).isEqualTo(Duration.ofDays(7));
        assertThat(FeedPollerWiring.seenUrlTtl(Map.of("SEEN_URL_TTL_DAYS", "365"))).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void refusesSeenUrlTtlDays_namingTheVariable_whenItIsNoDayCountInRange() {
        for (String bad : new String[] {"0", "366", "30d", "-1"}) {
            assertThatThrownBy(() -> FeedPollerWiring.seenUrlTtl(Map.of("SEEN_URL_TTL_DAYS", bad)))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("SEEN_URL_TTL_DAYS").hasMessageContaining("1..365")
                    .hasMessageContaining("'" + bad + "'");
        }
    }
}
