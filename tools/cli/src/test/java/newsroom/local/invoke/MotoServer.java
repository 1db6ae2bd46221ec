package newsroom.local.invoke;

import java.io.IOException;
import java.nio.file.Path;

import newsroom.local.emulate.EmulatorProcess;

/**
 * moto ({@code moto_server}, 5.2.1 in this machine image's Python) on a free loopback port for one test class, as
 * {@code newsroom local-aws} starts it; its output goes to {@code target/servers/}. Stopped by {@link #close()}.
 */
final class MotoServer implements AutoCloseable {

    private final EmulatorProcess process;

    private MotoServer(EmulatorProcess process) {
        this.process = process;
    }

    static MotoServer start() throws IOException {
        return new MotoServer(EmulatorProcess.moto(0, Path.of("target", "servers").resolve("moto-"
                + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".log")));
    }

    String endpoint() {
        return process.endpoint();
    }

    @Override
    public void close() {
        process.close();
    }
}
