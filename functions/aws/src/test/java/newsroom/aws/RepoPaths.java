package newsroom.aws;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root: the {@code newsroom.repo.root} property set by surefire, else walking up. */
final class RepoPaths {

    private RepoPaths() {
    }

    static Path root() {
        String property = System.getProperty("newsroom.repo.root");
        if (property != null && Files.isDirectory(Path.of(property, "tools"))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("tools/dynalite")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (no tools/dynalite above "
                + Path.of("").toAbsolutePath() + "); set -Dnewsroom.repo.root");
    }
}
