package newsroom.core.translate;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared read-only data folder: {@code newsroom.repo.root}/../shared, else a {@code shared/} up the tree. */
final class SharedData {

    private SharedData() {
    }

    static Path file(String relative) {
        String root = System.getProperty("newsroom.repo.root");
        if (root != null) {
            Path candidate = Path.of(root).resolve("../shared").normalize();
            if (Files.isRegularFile(candidate.resolve(relative))) {
                return candidate.resolve(relative);
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared data file " + relative + " not found from newsroom.repo.root="
                + root + " or above " + Path.of("").toAbsolutePath());
    }
}
