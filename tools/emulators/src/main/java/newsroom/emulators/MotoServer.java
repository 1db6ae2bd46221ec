package newsroom.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * moto ({@code moto_server}, 5.2.1 in this machine image's Python) on a free loopback port for one test class, its
 * output under {@code target/servers/}; stopped by {@link #close()}. Used by the AWS adapter tests and the CLI's
 * invoke tests alike.
 */
public final class MotoServer implements AutoCloseable {

    /** moto's fixed account id, used in every ARN it issues. */
    public static final String ACCOUNT = "123456789012";

    private final EmulatorProcess process;

    private MotoServer(EmulatorProcess process) {
        this.process = process;
    }

    /** @throws UncheckedIOException when moto_server cannot be found or does not start listening */
    public static MotoServer start() {
        Path log = Path.of("target", "servers").resolve("moto-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime() + ".log");
        try {
            return new MotoServer(EmulatorProcess.moto(0, log));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start moto: " + e.getMessage(), e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, for {@code AWS_ENDPOINT_URL}. */
    public String endpoint() {
        return process.endpoint();
    }

    @Override
    public void close() {
        process.close();
    }
}
