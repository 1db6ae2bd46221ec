package newsroom.aws;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The moto server (moto 5.2.1, {@code moto_server} on the PATH) as a child process for one test class. */
final class MotoServer implements AutoCloseable {

    /** moto's fixed account id, used in every ARN it issues. */
    static final String ACCOUNT = "123456789012";

    private final ChildServer server;

    private MotoServer(ChildServer server) {
        this.server = server;
    }

    static MotoServer start() {
        String executable = findOnPath("moto_server");
        int port = TestAws.freePort();
        return new MotoServer(ChildServer.start("moto", List.of(executable, "-H", "127.0.0.1", "-p",
                Integer.toString(port)), port));
    }

    String endpoint() {
        return server.endpoint();
    }

    @Override
    public void close() {
        server.close();
    }

    /** Looks on the PATH, then in pyenv's shims (where this machine image installs moto), for a non-login shell. */
    private static String findOnPath(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.add(Path.of(System.getProperty("user.home"), ".pyenv", "shims").toString());
        for (String dir : dirs) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(name + " is not on the PATH nor in ~/.pyenv/shims: install it with "
                + "pip install 'moto[server]==5.2.1'");
    }
}
