package newsroom.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root and the read-only {@code shared/} folder beside it, for tests. */
public final class RepoFiles {

    private RepoFiles() {
    }

    public static Path root() {
        String property = System.getProperty("newsroom.repo.root");
        if (property != null && Files.isRegularFile(Path.of(property, "template.yaml"))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("template.yaml")) && Files.isDirectory(p.resolve("functions"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root (template.yaml) from " + Path.of("").toAbsolutePath());
    }

    /** {@code ../shared} next to the repository (present on developer machines and in CI). */
    public static Path shared() {
        for (Path p = root(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("examples"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find the shared/ folder next to " + root());
    }
}
