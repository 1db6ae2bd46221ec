package newsroom.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds files of the repository, and of the read-only {@code shared/} folder beside it, from the tests of every
 * module (they get it through core's test-jar). The repo root is the system property {@code newsroom.repo.root}
 * (set by surefire) when it holds {@code template.yaml}, else the first folder holding {@code template.yaml} and
 * {@code functions/} on the way up from the working folder.
 */
public final class RepoFiles {

    private RepoFiles() {
    }

    /** The repository root. */
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

    /** The SAM template at the repository root. */
    public static Path template() {
        return root().resolve("template.yaml");
    }

    /** A sample event of {@code events/}, as an absolute path string (what EventLoader takes). */
    public static String event(String name) {
        Path file = root().resolve("events").resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no sample event " + file);
        }
        return file.toString();
    }

    /**
     * The read-only shared data folder: {@code ../shared} beside the repository root (where CI lays it), else the
     * nearest {@code shared/} beside a folder further up (a git worktree kept below the main checkout's parent).
     * Tests read it in place; they never copy it into the repository nor write to it.
     */
    public static Path shared() {
        Path root = root();
        for (Path dir = root; dir.getParent() != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find the shared/ folder beside the repository root " + root
                + " or any folder above it");
    }

    /** A file or folder of the shared folder, e.g. {@code examples/coinlive-apple-alibaba.md}; it must exist. */
    public static Path shared(String relative) {
        Path path = shared().resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException("no " + relative + " in the shared folder " + shared());
        }
        return path;
    }
}
