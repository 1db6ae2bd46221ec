package newsroom.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchJarsTest {

    @TempDir
    Path dir;

    private static List<String> entries(Path jar) throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
        }
    }

    @Test
    void classesJarHoldsExactlyTheNamedClasses() throws Exception {
        List<String> names = entries(BenchJars.classes(dir.resolve("hello.jar"), List.of(HelloHandler.class)));

        assertThat(names).containsExactly("newsroom/local/bench/HelloHandler.class");
    }

    @Test
    void explodeUnpacksEveryEntryIntoTheFolder() throws Exception {
        Path jar = BenchJars.classes(dir.resolve("two.jar"), List.of(HelloHandler.class, Priming.class));

        Path task = BenchJars.explode(jar, dir.resolve("task"));

        assertThat(task.resolve("newsroom/local/bench/HelloHandler.class")).isRegularFile()
                .hasSameBinaryContentAs(Path.of(HelloHandler.class.getProtectionDomain().getCodeSource()
                        .getLocation().toURI()).resolve("newsroom/local/bench/HelloHandler.class"));
        assertThat(task.resolve("newsroom/local/bench/Priming.class")).isRegularFile();
    }

    @Test
    void explodeRefusesAnEntryThatEscapesTheFolder() throws Exception {
        Path jar = dir.resolve("evil.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("../escaped.class"));
            out.write(1);
            out.closeEntry();
        }

        assertThatThrownBy(() -> BenchJars.explode(jar, dir.resolve("task")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("escapes the folder");
        assertThat(dir.resolve("escaped.class")).doesNotExist();
    }
}
