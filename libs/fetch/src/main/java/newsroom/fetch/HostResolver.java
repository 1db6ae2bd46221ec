package newsroom.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Turns a host name (ASCII, lower case, already normalized) into its addresses. The fetcher calls it exactly once
 * per request hop and connects only to an address it has checked, so a resolver that answers differently on a
 * second call cannot redirect the connection (no DNS-rebinding window). Injectable so tests can map names to
 * loopback servers.
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * @throws TemporaryFailure    when the resolver could not answer for now (SERVFAIL, timeout, no server)
     * @throws UnknownHostException when the name does not exist (NXDOMAIN) or has no address
     */
    List<InetAddress> resolve(String asciiHost) throws UnknownHostException;

    /**
     * The JVM's resolver ({@link InetAddress#getAllByName}). The JDK reports every failure as
     * {@link UnknownHostException}; getaddrinfo's EAI_AGAIN ("Temporary failure in name resolution", which glibc
     * and the BSDs give for SERVFAIL and timeouts) is turned into a {@link TemporaryFailure}.
     */
    static HostResolver system() {
        return host -> {
            try {
                return List.of(InetAddress.getAllByName(host));
            } catch (UnknownHostException e) {
                throw classify(e);
            }
        };
    }

    /** A {@link TemporaryFailure} when the JDK's message carries getaddrinfo's EAI_AGAIN text, else {@code e}. */
    static UnknownHostException classify(UnknownHostException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("temporary failure in name resolution")) {
            return new TemporaryFailure(e.getMessage());
        }
        return e;
    }

    /** The resolver could not answer for now (SERVFAIL, timeout): worth trying again, like a 503. */
    final class TemporaryFailure extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        public TemporaryFailure(String detail) {
            super(detail);
        }
    }
}
