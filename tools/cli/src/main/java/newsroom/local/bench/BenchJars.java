package newsroom.local.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Prepares what a benchmark child JVM loads besides the Lambda runtime: the hello-world deployment jar and the bench
 * entry points of the priming comparison, cut from the classes this program carries (its own shaded jar, or the
 * Maven classpath in tests), and each deployment jar unpacked as Lambda unpacks it into {@code /var/task}.
 */
final class BenchJars {

    /** A jar holding exactly the named classes of this program (no nested classes are copied). */
    static Path classes(Path target, List<Class<?>> classes) {
        Set<String> names = new HashSet<>();
        Set<Path> sources = new LinkedHashSet<>();
        for (Class<?> type : classes) {
            names.add(type.getName().replace('.', '/') + ".class");
            sources.add(codeSource(type));
        }
        return write(target, sources, names::contains);
    }

    /**
     * Unpacks a deployment jar into {@code dir}, as Lambda unpacks the package into {@code /var/task}: the function's
     * classes then load from a folder, not from inside a jar.
     */
    static Path explode(Path jar, Path dir) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Path root = Files.createDirectories(dir).toRealPath();
            for (JarEntry entry : Collections.list(file.entries())) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IllegalStateException(jar + ": entry " + entry.getName() + " escapes the folder");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + jar + " into " + dir, e);
        }
    }

    private static Path codeSource(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from", e);
        }
    }

    private static Path write(Path target, Set<Path> sources, Predicate<String> wanted) {
        Set<String> written = new HashSet<>();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target))) {
            for (Path source : sources) {
                if (Files.isDirectory(source)) {
                    copyDirectory(source, wanted, written, out);
                } else {
                    copyJar(source, wanted, written, out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        if (written.isEmpty()) {
            throw new IllegalStateException("no classes found for " + target.getFileName() + " in " + sources);
        }
        return target;
    }

    private static void copyJar(Path jar, Predicate<String> wanted, Set<String> written, JarOutputStream out)
            throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                if (!entry.isDirectory() && wanted.test(entry.getName()) && written.add(entry.getName())) {
                    try (InputStream in = file.getInputStream(entry)) {
                        put(out, entry.getName(), in);
                    }
                }
            }
        }
    }

    private static void copyDirectory(Path root, Predicate<String> wanted, Set<String> written, JarOutputStream out)
            throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/');
            if (wanted.test(name) && written.add(name)) {
                try (InputStream in = Files.newInputStream(file)) {
                    put(out, name, in);
                }
            }
        }
    }

    private static void put(JarOutputStream out, String name, InputStream in) throws IOException {
        out.putNextEntry(new JarEntry(name));
        in.transferTo(out);
        out.closeEntry();
    }
}
