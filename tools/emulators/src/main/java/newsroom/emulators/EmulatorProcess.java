package newsroom.emulators;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A local AWS stand-in run as a child process on a loopback port: moto ({@code moto_server}: S3, SQS,
 * EventBridge, DynamoDB) or dynalite (DynamoDB, pinned in {@code tools/dynalite}). The one runner of these
 * processes: {@code ./newsroom local-aws} and the AWS adapter tests both start them here. {@link #moto} and
 * {@link #dynalite} return once the port accepts connections (60 s at most); {@link #close} stops the process.
 * Output goes to a log file.
 */
public final class EmulatorProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;

    private EmulatorProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /** moto_server on the port (0 = a free one); found on the PATH or in {@code ~/.pyenv/shims}. */
    public static EmulatorProcess moto(int port, Path log) throws IOException {
        int chosen = port == 0 ? freePort() : port;
        return start("moto_server", List.of(executable("moto_server",
                "pip install 'moto[server]'"), "-H", "127.0.0.1", "-p", Integer.toString(chosen)), chosen, log);
    }

    /** dynalite's {@code cli.js} run by node, tables created and deleted at once (as the tests run it). */
    public static EmulatorProcess dynalite(Path cli, int port, Path log) throws IOException {
        int chosen = port == 0 ? freePort() : port;
        return start("dynalite", List.of(executable("node", "install Node.js 18+"), cli.toString(), "--host",
                "127.0.0.1", "--port", Integer.toString(chosen), "--createTableMs", "0", "--deleteTableMs", "0",
                "--updateTableMs", "0"), chosen, log);
    }

    private static EmulatorProcess start(String name, List<String> command, int port, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        EmulatorProcess server = new EmulatorProcess(name, process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited before listening: " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return server;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        server.close();
        throw new IOException(name + " did not listen on port " + port + " within 60 s (log: " + log + ")");
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public String name() {
        return name;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String executable(String tool, String hint) throws IOException {
        List<String> dirs =
                new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.add(Path.of(System.getProperty("user.home"), ".pyenv", "shims").toString());
        for (String dir : dirs) {
            Path candidate = Path.of(dir, tool);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IOException(tool + " is not on the PATH nor in ~/.pyenv/shims: " + hint);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
