package newsroom.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import newsroom.core.port.SourceStateStore;
import newsroom.core.port.SourceStateStore.SourceSchedule;
import newsroom.core.port.SourceStateStore.SourceState;

/**
 * The {@link SourceStateStore} contract every adapter must pass. Subclass it in the adapter's module and return a
 * new, empty store from {@link #newStore()} (called before each test).
 */
public abstract class SourceStateStoreContract {

    private static final Instant T0 = Instant.parse("2025-02-12T15:00:00Z");

    protected SourceStateStore store;

    /** A store that knows no source. */
    protected abstract SourceStateStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void findsNothing_whenSourceWasNeverSaved() {
        assertThat(store.find("coinlive")).isEmpty();
    }

    @Test
    void returnsEveryField_whenSavedStateIsFound() {
        SourceState state = new SourceState("coinlive",
                Map.of("https://coinlive.example/feed.xml", Map.of("ETag", "\"abc\"", "Last-Modified",
                                "Wed, 12 Feb 2025 15:10:00 GMT"),
                        "https://coinlive.example/robots.txt", Map.of("ETag", "\"r1\"")),
                List.of("https://coinlive.example/c", "https://coinlive.example/b", "https://coinlive.example/a"),
                Instant.parse("2025-02-12T15:15:00Z"));

        store.save(state);

        assertThat(store.find("coinlive")).contains(state);
    }

    @Test
    void returnsTheScheduleAndHealth_whenAFailedPollWasSaved() {
        SourceState failing = new SourceState("flaky", Map.of(), List.of("https://flaky.example/1"),
                Instant.parse("2025-02-12T15:15:00Z"), 3, "HTTP_503 (origin unavailable)",
                Instant.parse("2025-02-12T17:15:00Z"));

        store.save(failing);

        assertThat(store.find("flaky")).contains(failing);
        store.save(failing.succeeded(Instant.parse("2025-02-12T17:30:00Z")));
        assertThat(store.find("flaky").orElseThrow()).extracting(SourceState::consecutiveFailures,
                SourceState::lastError, SourceState::nextPollAt)
                .containsExactly(0, null, Instant.parse("2025-02-12T17:30:00Z"));
    }

    @Test
    void returnsOnlyScheduleAndHealth_ofSavedSources_whenSchedulesAreAskedForMany() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            names.add("feed-" + i);
        }
        for (int i = 0; i < 150; i += 3) {
            store.save(new SourceState(names.get(i), Map.of(), List.of("https://s.example/" + i), null, i % 2,
                    i % 2 == 0 ? null : "HTTP_503 (origin unavailable)",
                    Instant.parse("2025-02-12T17:00:00Z").plusSeconds(i)));
        }
        store.save(new SourceState("never-scheduled", Map.of(), List.of(), null));

        List<String> asked = new ArrayList<>(names);
        asked.add("never-scheduled");
        Map<String, SourceSchedule> schedules = store.schedules(asked);

        assertThat(schedules).hasSize(51);
        assertThat(schedules).doesNotContainKey("feed-1");
        assertThat(schedules.get("feed-3")).isEqualTo(new SourceSchedule("feed-3", 1, "HTTP_503 (origin unavailable)",
                Instant.parse("2025-02-12T17:00:03Z")));
        assertThat(schedules.get("feed-147")).isEqualTo(new SourceSchedule("feed-147", 1,
                "HTTP_503 (origin unavailable)", Instant.parse("2025-02-12T17:02:27Z")));
        assertThat(schedules.get("feed-0")).isEqualTo(new SourceSchedule("feed-0", 0, null,
                Instant.parse("2025-02-12T17:00:00Z")));
        assertThat(schedules.get("never-scheduled")).isEqualTo(new SourceSchedule("never-scheduled", 0, null, null));
        assertThat(store.schedules(List.of())).isEmpty();
    }

    @Test
    void keepsAnEarlierVersionsSeenUrlsInOrder_whenTheyAreNotSorted() {
        List<String> seen = List.of("https://s.example/z", "https://s.example/a", "https://s.example/m");
        store.save(new SourceState("s", Map.of(), seen, null));

        assertThat(store.find("s").orElseThrow().legacySeenUrls()).containsExactlyElementsOf(seen);
    }

    @Test
    void seesNothing_whenNothingWasMarked_andAsksNothingForNoUrls() {
        assertThat(store.seen("s", List.of("https://s.example/1"), T0)).isEmpty();
        assertThat(store.seen("s", List.of(), T0)).isEmpty();
        store.markSeen("s", Map.of());
        assertThat(store.seen("s", List.of("https://s.example/1"), T0)).isEmpty();
    }

    @Test
    void seesAMarkedUrl_untilItsExpiry_andNotFromThen() {
        store.markSeen("s", Map.of("https://s.example/a", T0.plusSeconds(60),
                "https://s.example/b", T0.plusSeconds(3600)));

        List<String> asked = List.of("https://s.example/a", "https://s.example/b", "https://s.example/c");
        assertThat(store.seen("s", asked, T0)).containsExactlyInAnyOrder("https://s.example/a",
                "https://s.example/b");
        assertThat(store.seen("s", asked, T0.plusSeconds(59))).contains("https://s.example/a");
        assertThat(store.seen("s", asked, T0.plusSeconds(60))).containsExactly("https://s.example/b");
        assertThat(store.seen("s", asked, T0.plusSeconds(3600))).isEmpty();
    }

    @Test
    void keepsTheLaterExpiry_whenAUrlIsMarkedAgain() {
        store.markSeen("s", Map.of("https://s.example/a", T0.plusSeconds(60)));
        store.markSeen("s", Map.of("https://s.example/a", T0.plusSeconds(600)));

        assertThat(store.seen("s", List.of("https://s.example/a"), T0.plusSeconds(300)))
                .containsExactly("https://s.example/a");
    }

    @Test
    void keepsTheMarksOfSourcesApart_andApartFromTheirStates() {
        store.markSeen("a", Map.of("https://shared.example/1", T0.plusSeconds(60)));
        SourceState b = new SourceState("b", Map.of("https://b.example/feed", Map.of("ETag", "\"1\"")), List.of(),
                T0, 0, null, T0.plusSeconds(900));
        store.save(b);

        assertThat(store.seen("a", List.of("https://shared.example/1"), T0)).containsExactly(
                "https://shared.example/1");
        assertThat(store.seen("b", List.of("https://shared.example/1"), T0)).isEmpty();
        assertThat(store.find("a")).isEmpty();
        assertThat(store.find("b")).contains(b);
        assertThat(store.schedules(List.of("a", "b"))).containsOnlyKeys("b");
    }

    @Test
    void findsTheMarkedUrls_amongOneHundredAndFifty_includingLongAndNonAsciiOnes() {
        List<String> asked = new ArrayList<>();
        Map<String, Instant> marked = new HashMap<>();
        for (int i = 0; i < 150; i++) {
            String url = i % 50 == 7 ? "https://s.example/" + "long-".repeat(400) + i
                    : i % 50 == 8 ? "https://s.example/nachrichten/straße-" + i : "https://s.example/" + i;
            asked.add(url);
            if (i % 3 != 0) {
                marked.put(url, T0.plusSeconds(3600));
            }
        }

        store.markSeen("s", marked);

        assertThat(store.seen("s", asked, T0)).containsExactlyInAnyOrderElementsOf(marked.keySet());
    }

    @Test
    void findsTheMarkedUrls_ofAListingOfTenThousand() {
        List<String> asked = new ArrayList<>();
        Map<String, Instant> marked = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            String url = "https://big.example/sitemap-item/" + i;
            asked.add(url);
            if (i % 8 == 0) {
                marked.put(url, T0.plusSeconds(i % 16 == 0 ? 3600 : 30));
            }
        }
        store.markSeen("big", marked);
        store.markSeen("other", Map.of("https://big.example/sitemap-item/1", T0.plusSeconds(3600)));

        Set<String> expected = new HashSet<>();
        marked.forEach((url, until) -> {
            if (until.isAfter(T0.plusSeconds(60))) {
                expected.add(url);
            }
        });
        assertThat(store.seen("big", asked, T0.plusSeconds(60))).hasSize(625)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void rejectsMarks_whenSourceNameIsBlank() {
        assertThatThrownBy(() -> store.markSeen(" ", Map.of("https://s.example/1", T0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void returnsEmptyState_whenNothingWasRecordedYet() {
        SourceState empty = new SourceState("s", Map.of(), List.of(), null);

        store.save(empty);

        assertThat(store.find("s")).contains(empty);
    }

    @Test
    void replacesWholeState_whenSavedAgain() {
        store.save(new SourceState("s", Map.of("https://s.example/feed", Map.of("ETag", "\"1\"")),
                List.of("https://s.example/1"), Instant.parse("2025-02-12T15:15:00Z")));
        SourceState second = new SourceState("s", Map.of("https://s.example/sitemap.xml", Map.of("ETag", "\"2\"")),
                List.of("https://s.example/2"), Instant.parse("2025-02-12T15:30:00Z"));

        store.save(second);

        assertThat(store.find("s")).contains(second);
    }

    @Test
    void keepsSourcesApart_whenSeveralAreSaved() {
        SourceState a = new SourceState("a", Map.of(), List.of("https://a.example/1"),
                Instant.parse("2025-02-12T15:15:00Z"));
        SourceState b = new SourceState("b", Map.of(), List.of("https://b.example/1"),
                Instant.parse("2025-02-12T15:16:00Z"));

        store.save(a);
        store.save(b);

        assertThat(store.find("a")).contains(a);
        assertThat(store.find("b")).contains(b);
    }

    @Test
    void rejectsSave_whenSourceNameIsBlank() {
        assertThatThrownBy(() -> store.save(new SourceState(" ", Map.of(), List.of(), null)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
