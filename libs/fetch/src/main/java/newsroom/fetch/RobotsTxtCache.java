package newsroom.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.FetchException;
import newsroom.core.port.Fetcher.FetchedResource;
import newsroom.core.port.RobotsTxtShare;

/**
 * robots.txt rules per origin (scheme, host, port), parsed by crawler-commons and kept for a TTL; a stale entry is
 * refreshed with a conditional GET. Following RFC 9309: a 4xx or an unusable file means "no restrictions"; a 5xx or
 * a network failure means "assume complete disallow" for a short while, reported as a retryable ROBOTS_UNAVAILABLE;
 * a permanent failure of the host itself (TLS, malformed HTTP) is reported with its own reason.
 *
 * <p>With a {@link RobotsTxtShare} (DynamoDB on Lambda) the rules are shared by every instance: an instance without a
 * fresh entry first takes the shared file when it is younger than the TTL, and whatever it fetches it shares, so a
 * host's robots.txt is fetched about once per TTL for all instances. Failures are not shared (they expire in a
 * minute), and the share being unreachable only means fetching as without it.
 */
final class RobotsTxtCache {

    /** How long an unreachable robots.txt blocks the host before we ask again. */
    static final Duration FAILURE_TTL = Duration.ofMinutes(1);
    /** A TIMEOUT this close to the caller's deadline was the caller's budget running out (reads end ~1 ms early). */
    private static final Duration BUDGET_SLACK = Duration.ofMillis(50);

    /** Fetches a robots.txt URL through the safe fetcher (guard, redirects, limits), without a robots check. */
    @FunctionalInterface
    interface RobotsFetch {
        FetchedResource fetch(URI robotsUrl, Map<String, String> validators, long deadlineNanos)
                throws FetchException;
    }

    /** Cached rules, or the failure to report until {@code expires}; the file itself, to share it again. */
    private record Entry(BaseRobotRules rules, Instant expires, Map<String, String> validators, FetchException failure,
                         byte[] body, String contentType, boolean allowAll) {
    }

    /** Reasons that mean "there is no usable robots.txt" (RFC 9309 "unavailable"): crawl without restrictions. */
    private static final Set<FetchFailure> UNAVAILABLE = EnumSet.of(
            FetchFailure.HTTP_ERROR, FetchFailure.UNSUPPORTED_CONTENT_TYPE, FetchFailure.URL_NOT_ALLOWED,
            FetchFailure.TOO_MANY_REDIRECTS, FetchFailure.REDIRECT_LOOP, FetchFailure.BAD_REDIRECT,
            FetchFailure.TOO_LARGE);

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final String agentName;
    private final Duration ttl;
    private final Clock clock;
    private final RobotsFetch fetch;
    private final RobotsTxtShare share;

    RobotsTxtCache(String agentName, Duration ttl, Clock clock, RobotsFetch fetch) {
        this(agentName, ttl, clock, fetch, RobotsTxtShare.NONE);
    }

    RobotsTxtCache(String agentName, Duration ttl, Clock clock, RobotsFetch fetch, RobotsTxtShare share) {
        this.agentName = agentName.toLowerCase(Locale.ROOT);
        this.ttl = ttl;
        this.clock = clock;
        this.fetch = fetch;
        this.share = share;
    }

    /**
     * The rules for the target's origin, fetched if absent or expired, within the caller's deadline.
     *
     * @param deadlineNanos {@link System#nanoTime()} by which the caller must be done; a robots.txt fetch cut short
     *                      by it is reported as a retryable TIMEOUT and not remembered for the origin
     * @throws FetchException ROBOTS_UNAVAILABLE (retryable) while robots.txt cannot be reached
     */
    BaseRobotRules rulesFor(CheckedTarget target, long deadlineNanos) throws FetchException {
        String origin = target.origin();
        Entry entry = entries.get(origin);
        if (entry == null || !clock.instant().isBefore(entry.expires())) {
            synchronized (locks.computeIfAbsent(origin, o -> new Object())) {
                entry = entries.get(origin);
                if (entry == null || !clock.instant().isBefore(entry.expires())) {
                    Entry shared = fromShare(origin);
                    if (shared != null && clock.instant().isBefore(shared.expires())) {
                        entry = shared;
                    } else {
                        entry = load(origin, entry != null ? entry : shared, deadlineNanos);
                        toShare(origin, entry);
                    }
                    entries.put(origin, entry);
                }
            }
        }
        FetchException failure = entry.failure();
        if (failure != null) {
            if (!failure.retryable()) {
                // The same permanent problem (TLS, bad HTTP) would hit the page itself: report it as it is.
                throw new FetchException(failure.reason(), origin + "/robots.txt: " + failure.detail(), false, 0);
            }
            long seconds = Math.max(1, Duration.between(clock.instant(), entry.expires()).toSeconds());
            throw FetchFailure.ROBOTS_UNAVAILABLE.exception(origin + "/robots.txt: " + failure.getMessage(), seconds);
        }
        return entry.rules();
    }

    /** The shared file as an entry expiring one TTL after it was fetched, or null when none (or unreachable). */
    private Entry fromShare(String origin) {
        try {
            return share.find(origin).map(s -> new Entry(s.allowAll() ? new SimpleRobotRules(RobotRulesMode.ALLOW_ALL)
                    : parser.parseContent(origin + "/robots.txt", s.body(),
                    s.contentType() == null ? "text/plain" : s.contentType(), List.of(agentName)),
                    s.fetchedAt().plus(ttl), s.validators(), null, s.body(), s.contentType(), s.allowAll()))
                    .orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void toShare(String origin, Entry entry) {
        if (entry.failure() != null) {
            return;
        }
        try {
            share.save(new RobotsTxtShare.SharedRobotsTxt(origin, entry.allowAll(), entry.body(), entry.contentType(),
                    entry.validators(), entry.expires().minus(ttl)));
        } catch (RuntimeException e) {
            // sharing saves fetches; without it every instance fetches for itself
        }
    }

    private Entry load(String origin, Entry previous, long deadlineNanos) throws FetchException {
        URI robotsUrl = URI.create(origin + "/robots.txt");
        Map<String, String> validators = previous == null || previous.failure() != null ? Map.of()
                : previous.validators();
        Instant now = clock.instant();
        try {
            FetchedResource r = fetch.fetch(robotsUrl, validators, deadlineNanos);
            if (r.notModified() && previous != null) {
                return new Entry(previous.rules(), now.plus(ttl), r.validators(), null, previous.body(),
                        previous.contentType(), previous.allowAll());
            }
            BaseRobotRules rules = parser.parseContent(r.finalUri().toString(), r.body(),
                    r.contentType() == null ? "text/plain" : r.contentType(), List.of(agentName));
            return new Entry(rules, now.plus(ttl), r.validators(), null, r.body(), r.contentType(), false);
        } catch (FetchException e) {
            if (e.reason() == FetchFailure.TIMEOUT
                    && deadlineNanos - System.nanoTime() < BUDGET_SLACK.toNanos()) {
                // Our own budget ran out, which says nothing about the origin: nothing to remember.
                throw FetchFailure.TIMEOUT.exception(robotsUrl + ": the time budget ran out while fetching it");
            }
            if (e.reason() == FetchFailure.HOST_BUSY) {
                // our turn at the host has not come (politeness, possibly another instance's):
                // says nothing of robots.txt
                throw e;
            }
            if (UNAVAILABLE.contains(e.reason())) {
                return new Entry(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL), now.plus(ttl), Map.of(), null, null,
                        null, true);
            }
            return new Entry(null, now.plus(FAILURE_TTL), Map.of(), e, null, null, false);
        }
    }
}
