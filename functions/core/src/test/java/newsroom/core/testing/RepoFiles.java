package newsroom.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds files of the repository from tests: the repo root from the system property {@code newsroom.repo.root} (set
 * by surefire), else found by walking up from the working folder to the one holding {@code template.yaml}.
 */
public final class RepoFiles {

    private RepoFiles() {
    }

    public static Path root() {
        String property = System.getProperty("newsroom.repo.root");
        if (property != null && Files.isRegularFile(Path.of(property, "template.yaml"))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("functions"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (no template.yaml above "
                + Path.of("").toAbsolutePath() + "); set -Dnewsroom.repo.root");
    }

    /** A sample event of {@code events/}, as an absolute path string (what EventLoader takes). */
    public static String event(String name) {
        Path file = root().resolve("events").resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no sample event " + file);
        }
        return file.toString();
    }

    public static Path template() {
        return root().resolve("template.yaml");
    }
}
