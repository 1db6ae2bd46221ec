package newsroom.local.invoke;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the Lambda runtime interface client (RIC) and its dependencies are, for the child JVM's classpath. The
 * build copies them to {@code tools/cli/target/lambda-runtime/} beside the CLI jar; when that folder is
 * absent (tests, an IDE) they are the jars this JVM loaded the same classes from. The function's own classes never
 * come from here: its shaded jar goes first and the folder holds nothing else.
 */
public final class RuntimeClasspath {

    public static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** One class of each jar the RIC needs: the client, its serialization library, lambda-core, utils-lite. */
    private static final List<String> MARKERS = List.of(MAIN_CLASS,
            "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
            "com.amazonaws.services.lambda.runtime.Context",
            "software.amazon.awssdk.utilslite.SdkInternalThreadLocal");

    private RuntimeClasspath() {
    }

    /** The runtime client's jars, for the child JVM's classpath before the function's own classes. */
    public static List<Path> locate() {
        Path cliJar = codeSource(RuntimeClasspath.class);
        Path copied = cliJar.getParent().resolve("lambda-runtime");
        if (Files.isDirectory(copied)) {
            try (Stream<Path> jars = Files.list(copied)) {
                List<Path> found = jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
                if (!found.isEmpty()) {
                    return found;
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + copied + ": " + e.getMessage());
            }
        }
        Set<Path> paths = new LinkedHashSet<>();
        for (String marker : MARKERS) {
            try {
                paths.add(codeSource(Class.forName(marker)));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the Lambda runtime interface client is not on the classpath ("
                        + marker + " missing); rebuild with mvn package");
            }
        }
        return new ArrayList<>(paths);
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the jar of " + type.getName(), e);
        }
    }
}
