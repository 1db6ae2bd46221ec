package newsroom.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test wiring for the fetcher: loopback allowance, a name map resolver, and a sleeper that records waits. */
final class TestFetchers {

    static final String CONTACT = "https://newsroom.example/bot";

    private TestFetchers() {
    }

    /** Resolves names from a fixed map (IP literals as values); unknown names do not resolve. */
    static HostResolver resolver(Map<String, String> names) {
        return host -> {
            String value = names.get(host);
            if (value == null) {
                throw new UnknownHostException(host);
            }
            List<InetAddress> out = new ArrayList<>();
            for (String literal : value.split(",")) {
                out.add(InetAddress.getByName(literal.contains(":") ? "[" + literal + "]" : literal));
            }
            return out;
        };
    }

    /** Records requested waits instead of waiting. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }

    /** Defaults plus the given ports, no per-host delay, a short deadline. */
    static FetcherConfig config(int... ports) {
        Set<Integer> allowed = new HashSet<>(Set.of(80, 443));
        for (int p : ports) {
            allowed.add(p);
        }
        return FetcherConfig.defaults(CONTACT).withAllowedPorts(allowed)
                .withPoliteness(Duration.ZERO, Duration.ofSeconds(30))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    /** Loopback 127.0.0.1 allowed explicitly (127.0.0.2 and ::1 stay forbidden: they play internal services). */
    static AddressPolicy loopbackForTests() {
        return AddressPolicy.publicOnly().allowingForTests("127.0.0.1/32");
    }
}
