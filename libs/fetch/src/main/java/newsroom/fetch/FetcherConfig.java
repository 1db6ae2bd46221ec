package newsroom.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import newsroom.core.config.InvalidConfigurationException;
import newsroom.core.port.Fetcher.ContentKind;

/**
 * Limits, timeouts and identity of the {@link SafeHttpFetcher}, read once at the edge and immutable.
 * {@link #defaults(String)} gives the documented defaults; {@link #fromMap} reads overrides from environment-style
 * variables and names the offending one when a value is bad.
 *
 * @param userAgent          sent on every request; names the bot and a contact URL
 * @param robotsAgentName    the product token matched against robots.txt groups (e.g. {@code NewsroomIngest})
 * @param connectTimeout     TCP connect (and TLS handshake) must finish within this
 * @param totalDeadline      one attempt, all redirect hops included, from connect to the last body byte
 * @param maxBodyBytes       per kind, counted after decompression
 * @param allowedPorts       explicit ports a URL may name (default 80 and 443)
 * @param perHostDelay       minimum time between two requests to the same host (robots Crawl-delay may raise it)
 * @param maxPolitenessWait  longest we wait in-process for a host; beyond it the fetch fails with HOST_BUSY
 * @param maxRedirects       redirects followed per request
 * @param maxAttempts        attempts for transient failures (connect reset, 5xx), including the first
 * @param backoffBase        first backoff; doubles per attempt, with jitter
 * @param backoffMax         cap of one backoff wait
 * @param robotsCacheTtl     how long a host's robots.txt is trusted before it is fetched again (conditionally)
 * @param defaultRetryAfter  postponement reported for a 429 that carries no usable Retry-After
 * @param allowedNetworks    special-purpose blocks the operator opened explicitly (empty by default)
 * @param runtimeApiHost     host of {@code AWS_LAMBDA_RUNTIME_API} (refused on every port), or null outside Lambda
 */
public record FetcherConfig(String userAgent, String robotsAgentName, Duration connectTimeout, Duration totalDeadline,
                            Map<ContentKind, Long> maxBodyBytes, Set<Integer> allowedPorts, Duration perHostDelay,
                            Duration maxPolitenessWait, int maxRedirects, int maxAttempts, Duration backoffBase,
                            Duration backoffMax, Duration robotsCacheTtl, Duration defaultRetryAfter,
                            List<AllowedNetwork> allowedNetworks, @Nullable String runtimeApiHost) {

    /** Product token and version in the default User-Agent. */
    public static final String BOT_NAME = "NewsroomIngest";
    public static final String BOT_VERSION = "0.1";

    public FetcherConfig {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(robotsAgentName, "robotsAgentName");
        if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("userAgent must be printable ASCII: " + userAgent);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(totalDeadline, "totalDeadline");
        requireNotNegative(perHostDelay, "perHostDelay");
        requireNotNegative(maxPolitenessWait, "maxPolitenessWait");
        requireNotNegative(backoffBase, "backoffBase");
        requireNotNegative(backoffMax, "backoffMax");
        requirePositive(robotsCacheTtl, "robotsCacheTtl");
        requirePositive(defaultRetryAfter, "defaultRetryAfter");
        EnumMap<ContentKind, Long> limits = new EnumMap<>(ContentKind.class);
        for (ContentKind kind : ContentKind.values()) {
            Long limit = maxBodyBytes.get(kind);
            if (limit == null || limit < 1) {
                throw new IllegalArgumentException("maxBodyBytes needs a positive limit for " + kind);
            }
            limits.put(kind, limit);
        }
        maxBodyBytes = Map.copyOf(limits);
        allowedPorts = Set.copyOf(allowedPorts);
        allowedNetworks = List.copyOf(allowedNetworks);
        for (int port : allowedPorts) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("not a TCP port: " + port);
            }
        }
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException("maxRedirects must be 0..20, was " + maxRedirects);
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be 1..10, was " + maxAttempts);
        }
    }

    /**
     * The documented defaults, with a User-Agent {@code NewsroomIngest/0.1 (+contactUrl)}.
     *
     * @param contactUrl an http(s) page that says who runs the bot and how to reach them
     */
    public static FetcherConfig defaults(String contactUrl) {
        return new FetcherConfig(userAgentFor(contactUrl), BOT_NAME, Duration.ofSeconds(5), Duration.ofSeconds(20),
                Map.of(ContentKind.HTML, 5L << 20,
                        ContentKind.FEED, 10L << 20,
                        ContentKind.SITEMAP, 50L << 20,
                        ContentKind.ROBOTS, 500L << 10,
                        ContentKind.IMAGE, 20L << 20),
                Set.of(80, 443), Duration.ofSeconds(1), Duration.ofSeconds(30), 5, 3, Duration.ofMillis(500),
                Duration.ofSeconds(10), Duration.ofHours(24), Duration.ofSeconds(60), List.of(), null);
    }

    /**
     * Reads the configuration from variables (Lambda environment or a properties map); absent ones keep their
     * defaults. {@code NEWSROOM_FETCH_CONTACT_URL} is required. Durations are in milliseconds, sizes in bytes,
     * ports comma-separated: {@code NEWSROOM_FETCH_CONNECT_TIMEOUT_MS}, {@code NEWSROOM_FETCH_DEADLINE_MS},
     * {@code NEWSROOM_FETCH_HOST_DELAY_MS}, {@code NEWSROOM_FETCH_MAX_WAIT_MS}, {@code NEWSROOM_FETCH_ALLOWED_PORTS},
     * {@code NEWSROOM_FETCH_MAX_HTML_BYTES} (and _FEED_, _SITEMAP_, _ROBOTS_, _IMAGE_),
     * {@code NEWSROOM_FETCH_MAX_ATTEMPTS}.
     *
     * @throws InvalidConfigurationException naming the variable and what was expected
     */
    public static FetcherConfig fromMap(Map<String, String> variables) {
        return fromMap(variables, null);
    }

    /**
     * Like {@link #fromMap(Map)}, but {@code NEWSROOM_FETCH_CONTACT_URL} may be absent: then {@code fallbackContact}
     * is used (the CLI's project page). Every other variable is read either way. Also reads
     * {@code NEWSROOM_FETCH_ALLOWED_NETWORKS} (comma-separated {@link AllowedNetwork} entries) and the host of
     * {@code AWS_LAMBDA_RUNTIME_API}, which is refused on every port.
     */
    public static FetcherConfig fromMap(Map<String, String> variables, String fallbackContact) {
        String contact = variables.get("NEWSROOM_FETCH_CONTACT_URL");
        if ((contact == null || contact.isBlank()) && fallbackContact != null) {
            contact = fallbackContact;
        }
        if (contact == null || contact.isBlank()) {
            throw new InvalidConfigurationException("NEWSROOM_FETCH_CONTACT_URL is required: an http(s) URL that says"
                    + " who runs the bot (sent in the User-Agent)");
        }
        FetcherConfig d;
        try {
            d = defaults(contact.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("NEWSROOM_FETCH_CONTACT_URL: " + e.getMessage());
        }
        EnumMap<ContentKind, Long> limits = new EnumMap<>(d.maxBodyBytes());
        for (ContentKind kind : ContentKind.values()) {
            String name = "NEWSROOM_FETCH_MAX_" + kind.name() + "_BYTES";
            limits.put(kind, number(variables, name, d.maxBodyBytes().get(kind), 1, 1L << 31));
        }
        Set<Integer> ports = d.allowedPorts();
        String rawPorts = variables.get("NEWSROOM_FETCH_ALLOWED_PORTS");
        if (rawPorts != null && !rawPorts.isBlank()) {
            try {
                ports = Arrays.stream(rawPorts.split("\\s*,\\s*")).map(String::trim)
                        .map(Integer::valueOf).collect(Collectors.toSet());
            } catch (NumberFormatException e) {
                throw new InvalidConfigurationException("NEWSROOM_FETCH_ALLOWED_PORTS: expected comma-separated port "
                        + "numbers, was '" + rawPorts + "'");
            }
        }
        try {
            return new FetcherConfig(d.userAgent(), d.robotsAgentName(),
                    millis(variables, "NEWSROOM_FETCH_CONNECT_TIMEOUT_MS", d.connectTimeout()),
                    millis(variables, "NEWSROOM_FETCH_DEADLINE_MS", d.totalDeadline()),
                    limits, ports,
                    millis(variables, "NEWSROOM_FETCH_HOST_DELAY_MS", d.perHostDelay()),
                    millis(variables, "NEWSROOM_FETCH_MAX_WAIT_MS", d.maxPolitenessWait()),
                    d.maxRedirects(),
                    (int) number(variables, "NEWSROOM_FETCH_MAX_ATTEMPTS", d.maxAttempts(), 1, 10),
                    d.backoffBase(), d.backoffMax(), d.robotsCacheTtl(), d.defaultRetryAfter(),
                    networks(variables.get(ALLOWED_NETWORKS)), runtimeApiHost(variables.get("AWS_LAMBDA_RUNTIME_API")));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("fetcher configuration: " + e.getMessage());
        }
    }

    /** The variable holding the private-network allow-list. */
    public static final String ALLOWED_NETWORKS = "NEWSROOM_FETCH_ALLOWED_NETWORKS";

    private static List<AllowedNetwork> networks(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        try {
            return AllowedNetwork.parseAll(List.of(raw));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(ALLOWED_NETWORKS + ": " + e.getMessage());
        }
    }

    /** Host part of {@code host:port} / {@code [v6]:port}; null when absent; must be an IP literal. */
    private static String runtimeApiHost(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim();
        String host = value.startsWith("[") ? value.substring(1, Math.max(1, value.indexOf(']')))
                : value.contains(":") ? value.substring(0, value.lastIndexOf(':')) : value;
        if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            throw new InvalidConfigurationException("AWS_LAMBDA_RUNTIME_API: expected an IP address and port, was '"
                    + value + "'");
        }
        return host;
    }

    /** A copy whose allow-list also holds these entries (e.g. the site config's {@code fetchAllowedNetworks}). */
    public FetcherConfig withAllowedNetworks(List<AllowedNetwork> more) {
        List<AllowedNetwork> all = new ArrayList<>(allowedNetworks);
        all.addAll(more);
        return new FetcherConfig(userAgent, robotsAgentName, connectTimeout, totalDeadline, maxBodyBytes, allowedPorts,
                perHostDelay, maxPolitenessWait, maxRedirects, maxAttempts, backoffBase, backoffMax, robotsCacheTtl,
                defaultRetryAfter, all, runtimeApiHost);
    }

    /** A copy with other per-host politeness settings. */
    public FetcherConfig withPoliteness(Duration hostDelay, Duration maxWait) {
        return new FetcherConfig(userAgent, robotsAgentName, connectTimeout, totalDeadline, maxBodyBytes, allowedPorts,
                hostDelay, maxWait, maxRedirects, maxAttempts, backoffBase, backoffMax, robotsCacheTtl,
                defaultRetryAfter, allowedNetworks, runtimeApiHost);
    }

    /** A copy with other timeouts. */
    public FetcherConfig withTimeouts(Duration connect, Duration deadline) {
        return new FetcherConfig(userAgent, robotsAgentName, connect, deadline, maxBodyBytes, allowedPorts,
                perHostDelay, maxPolitenessWait, maxRedirects, maxAttempts, backoffBase, backoffMax, robotsCacheTtl,
                defaultRetryAfter, allowedNetworks, runtimeApiHost);
    }

    /** A copy with another body limit for one kind. */
    public FetcherConfig withMaxBodyBytes(ContentKind kind, long limit) {
        EnumMap<ContentKind, Long> limits = new EnumMap<>(maxBodyBytes);
        limits.put(kind, limit);
        return new FetcherConfig(userAgent, robotsAgentName, connectTimeout, totalDeadline, limits, allowedPorts,
                perHostDelay, maxPolitenessWait, maxRedirects, maxAttempts, backoffBase, backoffMax, robotsCacheTtl,
                defaultRetryAfter, allowedNetworks, runtimeApiHost);
    }

    /** A copy allowing other explicit ports (tests use the ephemeral port of their loopback server). */
    public FetcherConfig withAllowedPorts(Set<Integer> ports) {
        return new FetcherConfig(userAgent, robotsAgentName, connectTimeout, totalDeadline, maxBodyBytes, ports,
                perHostDelay, maxPolitenessWait, maxRedirects, maxAttempts, backoffBase, backoffMax, robotsCacheTtl,
                defaultRetryAfter, allowedNetworks, runtimeApiHost);
    }

    /** The limit for one kind. */
    public long maxBodyBytes(ContentKind kind) {
        return maxBodyBytes.get(kind);
    }

    private static String userAgentFor(String contactUrl) {
        URI uri;
        try {
            uri = URI.create(Objects.requireNonNull(contactUrl, "contactUrl"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("contact URL is not a URL: " + contactUrl, e);
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
            throw new IllegalArgumentException("contact URL must be an absolute http(s) URL: " + contactUrl);
        }
        return BOT_NAME + "/" + BOT_VERSION + " (+" + uri.toASCIIString() + ")";
    }

    private static Duration millis(Map<String, String> variables, String name, Duration fallback) {
        return Duration.ofMillis(number(variables, name, fallback.toMillis(), 0, 3_600_000));
    }

    private static long number(Map<String, String> variables, String name, long fallback, long min, long max) {
        String raw = variables.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value < min || value > max) {
                throw new InvalidConfigurationException(name + ": " + value + " is outside " + min + ".." + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(name + ": expected a whole number, was '" + raw + "'");
        }
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void requireNotNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
