package newsroom.fetch;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLSocketFactory;

import crawlercommons.robots.BaseRobotRules;

import newsroom.core.observe.Telemetry;
import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher;
import newsroom.core.port.HostTurns;
import newsroom.core.port.RobotsTxtShare;
import newsroom.core.text.CharsetDetector;

/**
 * The production {@link Fetcher}: every outbound request of the product goes through it. Per request it checks
 * the URL and its resolved address ({@link UrlGuard}), obeys robots.txt and per-host politeness, connects to the
 * checked address only ({@link Http11Client}), follows at most {@code maxRedirects} redirects (each hop checked
 * again, loops detected), enforces the total deadline, the body limit after decompression and the allowed content
 * types of the kind, detects the charset, and does conditional GETs. Transient failures (connection reset, 5xx) are
 * retried with exponential backoff and jitter; 429 and 503-with-Retry-After are reported at once as retryable with
 * the server's delay so the caller can re-queue.
 *
 * <p>Thread-safe; build one per process and share it (robots.txt cache and politeness state live in it).
 */
public final class SafeHttpFetcher implements Fetcher {

    private static final System.Logger LOG = System.getLogger(SafeHttpFetcher.class.getName());

    private final FetcherConfig config;
    private final UrlGuard guard;
    private final Http11Client http;
    private final HostPoliteness politeness;
    private final RobotsTxtCache robots;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    /** Production wiring: system DNS, public addresses only, the JVM's default TLS trust store. */
    public SafeHttpFetcher(FetcherConfig config) {
        this(builder(config));
    }

    private SafeHttpFetcher(Builder b) {
        this.config = b.config;
        AddressPolicy policy = b.policy.allowingNetworks(b.config.allowedNetworks());
        if (b.config.runtimeApiHost() != null) {
            policy = policy.refusingRuntimeApi(b.config.runtimeApiHost());
        }
        this.guard = new UrlGuard(b.resolver, policy, b.config.allowedPorts());
        this.http = new Http11Client(b.tlsFactory, b.config.connectTimeout());
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.random = b.random;
        // one attempt (all redirect hops) ends by totalDeadline: a turn taken for it cannot be needed longer
        this.politeness = new HostPoliteness(b.clock, b.sleeper, b.config.maxPolitenessWait(), b.hostTurns,
                b.config.totalDeadline().plusSeconds(1));
        this.robots = new RobotsTxtCache(b.config.robotsAgentName(), b.config.robotsCacheTtl(), b.clock,
                (url, validators, deadline) -> fetchWithRetries(new Request(url, EnumSet.of(ContentKind.ROBOTS),
                        validators, false, deadline)), b.robotsShare);
    }

    /** Starts a builder; everything but the configuration has a production default. */
    public static Builder builder(FetcherConfig config) {
        return new Builder(config);
    }

    /** The private-network allow-list in force (empty by default), for the log line at start. */
    public List<AllowedNetwork> allowedNetworks() {
        return config.allowedNetworks();
    }

    /** Logs {@code fetch.allowed-networks} with the allow-list when one is set (call once, at start). */
    public void announceAllowedNetworks(Telemetry telemetry) {
        if (!config.allowedNetworks().isEmpty()) {
            telemetry.info("fetch.allowed-networks", Map.of("variable", FetcherConfig.ALLOWED_NETWORKS,
                    "networks", config.allowedNetworks().stream().map(AllowedNetwork::toString).toList()));
        }
    }

    @Override
    public FetchedResource fetch(URI uri, ContentKind kind, Map<String, String> validators) throws FetchException {
        return fetch(uri, kind, validators, NO_BUDGET);
    }

    @Override
    public FetchedResource fetch(URI uri, ContentKind kind, Map<String, String> validators, Duration budget)
            throws FetchException {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(kind, "kind");
        return fetchWithRetries(new Request(uri, EnumSet.of(kind), validators == null ? Map.of() : validators,
                kind != ContentKind.ROBOTS, deadlineFor(budget)));
    }

    @Override
    public FetchedResource fetchClassified(URI uri, Set<ContentKind> kinds) throws FetchException {
        Objects.requireNonNull(uri, "uri");
        if (kinds.isEmpty() || kinds.contains(ContentKind.ROBOTS)) {
            throw new IllegalArgumentException("kinds must be among HTML, FEED, SITEMAP, IMAGE: " + kinds);
        }
        return fetchWithRetries(new Request(uri, EnumSet.copyOf(kinds), Map.of(), true, deadlineFor(NO_BUDGET)));
    }

    /** Far enough away to never bind: each attempt's own deadline rules. */
    private static final Duration NO_BUDGET = Duration.ofDays(1);

    private static long deadlineFor(Duration budget) {
        return System.nanoTime() + Math.max(0, Math.min(budget.toNanos(), NO_BUDGET.toNanos()));
    }

    /**
     * One call: the acceptable kinds (one, or several for {@link #fetchClassified}), whether robots.txt is obeyed,
     * and the {@link System#nanoTime()} by which everything must be done.
     */
    private record Request(URI uri, Set<ContentKind> kinds, Map<String, String> validators, boolean obeyRobots,
                           long deadlineNanos) {
    }

    /** Failures worth another attempt in-process: the next one may well succeed. */
    private static final Set<FetchFailure> TRANSIENT = EnumSet.of(FetchFailure.CONNECT_FAILED,
            FetchFailure.SERVER_ERROR, FetchFailure.DNS_UNAVAILABLE, FetchFailure.UNKNOWN_HOST);

    private FetchedResource fetchWithRetries(Request request) throws FetchException {
        for (int attempt = 1; ; attempt++) {
            if (remaining(request).isZero()) {
                throw FetchFailure.TIMEOUT.exception(request.uri() + ": the time budget ran out before attempt "
                        + attempt);
            }
            try {
                return fetchFollowingRedirects(request);
            } catch (FetchException e) {
                if (!TRANSIENT.contains(e.reason())) {
                    throw e;
                }
                // NXDOMAIN is final only when it is still the answer after the retries.
                boolean retryable = e.reason() != FetchFailure.UNKNOWN_HOST;
                Duration backoff = backoff(attempt);
                if (attempt >= config.maxAttempts()) {
                    throw new FetchException(e.reason(), e.detail() + "; gave up after " + attempt + " attempts",
                            retryable, retryable ? Math.max(1, backoff.toSeconds()) : 0);
                }
                if (backoff.compareTo(remaining(request)) >= 0) {
                    throw new FetchException(e.reason(), e.detail() + "; no time left for attempt " + (attempt + 1),
                            retryable, retryable ? Math.max(1, backoff.toSeconds()) : 0);
                }
                try {
                    sleeper.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw FetchFailure.INTERRUPTED.exception("interrupted during backoff for " + request.uri());
                }
            }
        }
    }

    private static Duration remaining(Request request) {
        long left = request.deadlineNanos() - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** Exponential backoff with "equal jitter": half the step fixed, half random, capped. */
    private Duration backoff(int attempt) {
        long step = Math.min(config.backoffMax().toMillis(),
                config.backoffBase().toMillis() * (1L << Math.min(20, attempt - 1)));
        long half = step / 2;
        return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
    }

    private FetchedResource fetchFollowingRedirects(Request request) throws FetchException {
        // The attempt's deadline starts once the first politeness wait is over; the call's budget bounds both.
        long deadline = 0;
        boolean started = false;
        Set<URI> visited = new HashSet<>();
        URI requested = request.uri();
        URI current = requested;
        for (int hop = 0; ; hop++) {
            CheckedTarget target = guard.check(current);
            if (!visited.add(target.uri())) {
                throw FetchFailure.REDIRECT_LOOP.exception(requested + " redirects back to " + target.uri());
            }
            Duration hostDelay = config.perHostDelay();
            if (request.obeyRobots()) {
                BaseRobotRules rules = robots.rulesFor(target, request.deadlineNanos());
                if (!rules.isAllowed(target.uri().toString())) {
                    throw FetchFailure.ROBOTS_DISALLOWED.exception(target.uri() + " is disallowed by "
                            + target.origin() + "/robots.txt for " + config.robotsAgentName());
                }
                if (rules.getCrawlDelay() > 0) {
                    hostDelay = max(hostDelay, Duration.ofMillis(rules.getCrawlDelay()));
                }
            }
            Duration left = Duration.ofNanos(Math.max(0, request.deadlineNanos() - System.nanoTime()));
            try (HostPoliteness.Permit permit = politeness.acquire(target.host(), hostDelay, left)) {
                if (!started) {
                    long attemptDeadline = System.nanoTime() + config.totalDeadline().toNanos();
                    deadline = attemptDeadline - request.deadlineNanos() > 0 ? request.deadlineNanos()
                            : attemptDeadline;
                    started = true;
                }
                try (Http11Client.Response response = http.get(target, requestHeaders(request.kinds(),
                        request.validators()), deadline)) {
                    int status = response.status;
                    if (isRedirect(status)) {
                        if (hop >= config.maxRedirects()) {
                            throw FetchFailure.TOO_MANY_REDIRECTS.exception(requested + " redirected more than "
                                    + config.maxRedirects() + " times");
                        }
                        current = redirectTarget(target, response.header("location"));
                        continue;
                    }
                    if (status == 304) {
                        return new FetchedResource(requested, target.uri(), 304, null, null, new byte[0], true,
                                validatorsOf(response, request.validators()), singleKind(request));
                    }
                    try {
                        failOnErrorStatus(target, response);
                    } catch (FetchException e) {
                        if (e.retryAfterSeconds() > 0 && e.reason() == FetchFailure.RATE_LIMITED) {
                            // the host asked for a pause: every instance honours it, not only this one
                            permit.holdOff(Duration.ofSeconds(e.retryAfterSeconds()));
                        }
                        throw e;
                    }
                    return success(requested, target, request.kinds(), response);
                }
            }
        }
    }

    private static ContentKind singleKind(Request request) {
        return request.kinds().size() == 1 ? request.kinds().iterator().next() : null;
    }

    private FetchedResource success(URI requested, CheckedTarget target, Set<ContentKind> kinds,
                                    Http11Client.Response response) throws FetchException {
        String contentType = response.header("content-type");
        String mediaType = ContentTypes.mediaType(contentType);
        String where = target.uri().toString();
        ContentKind[] decided = new ContentKind[1];
        Http11Client.Body body;
        if (kinds.size() == 1) {
            ContentKind kind = kinds.iterator().next();
            if (!ContentTypes.allowed(kind, mediaType)) {
                throw FetchFailure.UNSUPPORTED_CONTENT_TYPE.exception(where + ": content type '"
                        + (mediaType.isEmpty() ? "(none)" : mediaType) + "' is not accepted for " + kind);
            }
            decided[0] = kind;
            // RFC 9309 lets a crawler parse only the first 500 KiB of robots.txt: truncation there is expected.
            boolean truncate = kind == ContentKind.ROBOTS;
            body = response.readBody(config.maxBodyBytes(kind), truncate, where);
        } else {
            // One GET: the type and the first bytes decide the kind once, and that kind's limit holds the rest.
            long maxLimit = kinds.stream().mapToLong(config::maxBodyBytes).max().orElseThrow();
            body = response.readBody(maxLimit, DocumentKinds.SNIFF_BYTES, head -> {
                decided[0] = DocumentKinds.classify(mediaType, head, kinds, where);
                return config.maxBodyBytes(decided[0]);
            }, false, where);
        }
        ContentKind kind = decided[0];
        if (body.truncated()) {
            LOG.log(Level.INFO, "{0}: truncated to {1} bytes", target.uri(), config.maxBodyBytes(kind));
        }
        String charset = null;
        if (ContentTypes.isText(kind, mediaType)) {
            boolean markup = kind != ContentKind.ROBOTS;
            CharsetDetector.Detection detection = CharsetDetector.detect(body.bytes(), contentType, markup);
            if (detection.warning() != null) {
                LOG.log(Level.WARNING, "{0}: {1}", target.uri(), detection.warning());
            }
            charset = detection.charset().name();
        }
        return new FetchedResource(requested, target.uri(), response.status, mediaType.isEmpty() ? null : mediaType,
                charset, body.bytes(), false, validatorsOf(response, Map.of()), kind);
    }

    private void failOnErrorStatus(CheckedTarget target, Http11Client.Response response) throws FetchException {
        int status = response.status;
        if (status >= 200 && status < 300) {
            return;
        }
        String where = target.uri() + ": HTTP " + status;
        if (status == 429 || status == 503 && response.header("retry-after") != null) {
            long seconds = retryAfterSeconds(response.header("retry-after"));
            throw FetchFailure.RATE_LIMITED.exception(where + ", retry after " + seconds + " s", seconds);
        }
        if (status >= 500 || status == 408) {
            throw FetchFailure.SERVER_ERROR.exception(where);
        }
        throw FetchFailure.HTTP_ERROR.exception(where);
    }

    /** Delta-seconds or an HTTP date; absent or unparseable: the configured default. */
    private long retryAfterSeconds(String header) {
        if (header != null) {
            String value = header.trim();
            if (value.matches("[0-9]{1,9}")) {
                return Long.parseLong(value);
            }
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(clock.instant(), at.toInstant()).toSeconds());
            } catch (DateTimeParseException e) {
                LOG.log(Level.DEBUG, "unparseable Retry-After ''{0}''", value);
            }
        }
        return config.defaultRetryAfter().toSeconds();
    }

    private static URI redirectTarget(CheckedTarget from, String location) throws FetchException {
        if (location == null || location.isBlank()) {
            throw FetchFailure.BAD_REDIRECT.exception(from.uri() + " redirects without a Location header");
        }
        try {
            return from.uri().resolve(new URI(location.trim().replace(" ", "%20")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw FetchFailure.BAD_REDIRECT.exception(from.uri() + " redirects to an invalid URL");
        }
    }

    private Map<String, String> requestHeaders(Set<ContentKind> kinds, Map<String, String> validators) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", config.userAgent());
        headers.put("Accept", kinds.size() > 1 ? "text/html, application/xhtml+xml, application/rss+xml, "
                + "application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
                : switch (kinds.iterator().next()) {
            case HTML -> "text/html, application/xhtml+xml;q=0.9";
            case FEED -> "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
                    + "application/xml;q=0.8, text/xml;q=0.8";
            case SITEMAP -> "application/xml, text/xml;q=0.9, application/gzip;q=0.8, text/plain;q=0.5";
            case ROBOTS -> "text/plain";
            case IMAGE -> "image/jpeg, image/png, image/gif, image/webp;q=0.9, image/*;q=0.5";
        });
        headers.put("Accept-Encoding", "gzip, deflate");
        String etag = validators.get(ETAG);
        if (etag != null) {
            headers.put("If-None-Match", etag);
        }
        String lastModified = validators.get(LAST_MODIFIED);
        if (lastModified != null) {
            headers.put("If-Modified-Since", lastModified);
        }
        return headers;
    }

    /** Validator keys in {@link FetchedResource#validators()} and in the map passed to {@link #fetch}. */
    public static final String ETAG = "ETag";
    public static final String LAST_MODIFIED = "Last-Modified";

    private static Map<String, String> validatorsOf(Http11Client.Response response, Map<String, String> fallback) {
        Map<String, String> out = new LinkedHashMap<>();
        String etag = response.header("etag");
        String lastModified = response.header("last-modified");
        if (etag != null) {
            out.put(ETAG, etag);
        }
        if (lastModified != null) {
            out.put(LAST_MODIFIED, lastModified);
        }
        return out.isEmpty() ? fallback : out;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * Wires a fetcher. Tests replace the resolver, the address policy (only through
     * {@link AddressPolicy#allowingForTests}), the TLS trust, the clock, the sleeper and the jitter source.
     */
    public static final class Builder {
        private final FetcherConfig config;
        private HostResolver resolver = HostResolver.system();
        private AddressPolicy policy = AddressPolicy.publicOnly();
        private SSLSocketFactory tlsFactory = (SSLSocketFactory) SSLSocketFactory.getDefault();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.threadSleep();
        private RandomGenerator random = RandomGenerator.getDefault();
        private HostTurns hostTurns = HostTurns.IN_PROCESS;
        private RobotsTxtShare robotsShare = RobotsTxtShare.NONE;

        private Builder(FetcherConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        public Builder resolver(HostResolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        public Builder addressPolicy(AddressPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder tlsSocketFactory(SSLSocketFactory factory) {
            this.tlsFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Turns at a host shared with the other instances (DynamoDB on Lambda); default {@code IN_PROCESS}, where
         * this fetcher is the only one.
         */
        public Builder hostTurns(HostTurns turns) {
            this.hostTurns = Objects.requireNonNull(turns, "turns");
            return this;
        }

        /** robots.txt files shared with the other instances (DynamoDB on Lambda); default {@code NONE}. */
        public Builder robotsShare(RobotsTxtShare share) {
            this.robotsShare = Objects.requireNonNull(share, "share");
            return this;
        }

        public SafeHttpFetcher build() {
            return new SafeHttpFetcher(this);
        }
    }
}
