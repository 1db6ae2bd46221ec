package newsroom.core.frontmatter;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the read-only shared data folder ({@code <repo>/../shared}) that tests read but never copy. */
final class SharedData {

    private SharedData() {
    }

    /** The file under the shared folder, e.g. {@code examples/coinlive-apple-alibaba.md}. */
    static Path path(String relative) {
        return folder().resolve(relative);
    }

    private static Path folder() {
        String repoRoot = System.getProperty("newsroom.repo.root");
        if (repoRoot != null) {
            Path shared = Path.of(repoRoot).resolve("../shared").normalize();
            if (Files.isDirectory(shared)) {
                return shared;
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path sibling = dir.resolveSibling("shared");
            if (Files.isDirectory(sibling)) {
                return sibling;
            }
        }
        throw new IllegalStateException("no shared/ folder next to the repository (set -Dnewsroom.repo.root)");
    }
}
