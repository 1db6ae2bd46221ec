package newsroom.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name (ASCII, lower case, already normalized) into its addresses. The fetcher calls it exactly once
 * per request hop and connects only to an address it has checked, so a resolver that answers differently on a
 * second call cannot redirect the connection (no DNS-rebinding window). Injectable so tests can map names to
 * loopback servers.
 */
@FunctionalInterface
public interface HostResolver {

    /** @throws UnknownHostException when the name does not resolve */
    List<InetAddress> resolve(String asciiHost) throws UnknownHostException;

    /** The JVM's resolver ({@link InetAddress#getAllByName}). */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
