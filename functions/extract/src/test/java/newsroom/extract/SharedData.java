package newsroom.extract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the read-only shared data folder next to the repository, as the project's test rules prescribe. */
public final class SharedData {

    private SharedData() {
    }

    /** The article-extraction benchmark folder. */
    public static Path benchmark() {
        return shared().resolve("data").resolve("article-extraction-benchmark");
    }

    /** {@code <repo root>/../shared}, the root taken from {@code newsroom.repo.root} or found by walking up. */
    public static Path shared() {
        String root = System.getProperty("newsroom.repo.root");
        if (root != null && !root.isBlank()) {
            Path candidate = Paths.get(root).toAbsolutePath().normalize().resolve("../shared").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (dir.getParent() != null && Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared data folder not found: set -Dnewsroom.repo.root to the repo root");
    }
}
