package newsroom.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

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
    void runtimeJarHoldsTheRuntimeClientItsSerializerTheCoreInterfacesAndTheNativeClient() throws Exception {
        List<String> names = entries(BenchJars.runtime(dir.resolve("runtime.jar")));

        assertThat(names).contains(
                "com/amazonaws/services/lambda/runtime/api/client/AWSLambda.class",
                "com/amazonaws/services/lambda/runtime/serialization/PojoSerializer.class",
                "com/amazonaws/services/lambda/runtime/RequestHandler.class",
                "software/amazon/awssdk/utilslite/SdkInternalThreadLocal.class",
                "jni/libaws-lambda-jni.linux-x86_64.so");
    }

    @Test
    void runtimeJarLeavesTheFunctionsLibrariesToTheDeploymentJar() throws Exception {
        List<String> names = entries(BenchJars.runtime(dir.resolve("runtime.jar")));

        assertThat(names).noneMatch(n -> n.startsWith("com/amazonaws/services/lambda/runtime/events/"));
        assertThat(names).noneMatch(n -> n.startsWith("newsroom/"));
        assertThat(names).noneMatch(n -> n.startsWith("com/fasterxml/"));
    }

    @Test
    void classesJarHoldsExactlyTheNamedClasses() throws Exception {
        List<String> names = entries(BenchJars.classes(dir.resolve("hello.jar"), List.of(HelloHandler.class)));

        assertThat(names).containsExactly("newsroom/local/bench/HelloHandler.class");
    }
}
