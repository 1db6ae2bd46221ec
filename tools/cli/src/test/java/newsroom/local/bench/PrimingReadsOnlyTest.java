package newsroom.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import newsroom.local.invoke.RuntimeClasspath;
import newsroom.local.runtime.LocalRuntimeApi;

/**
 * Each production handler's SnapStart hook, run as the bench runs it ({@code Primed*} entry point, real runtime
 * interface client, SDK against the loopback {@link AwsStub}), makes one read per SDK client it warms and no write:
 * the calls the stub receives between the child's start and its first event are exactly the expected reads.
 */
class PrimingReadsOnlyTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ingest-api      | S3 HEAD /bench-content/content/.priming-sentinel, DynamoDB_20120810.GetItem, "
                + "AmazonSQS.GetQueueAttributes",
        "poll-dispatcher | S3 HEAD /bench-content/config/sources.yaml, DynamoDB_20120810.BatchGetItem, "
                + "AmazonSQS.GetQueueAttributes",
        "feed-poller     | S3 HEAD /bench-content/config/sources.yaml, DynamoDB_20120810.GetItem, "
                + "DynamoDB_20120810.BatchGetItem, DynamoDB_20120810.Query, AmazonSQS.GetQueueAttributes",
        "article-fetcher | S3 HEAD /bench-content/content/.priming-sentinel, DynamoDB_20120810.GetItem, "
                + "AmazonSQS.GetQueueAttributes",
        "translation     | S3 HEAD /bench-content/content/.priming-sentinel, DynamoDB_20120810.GetItem",
        "thumbnail       | S3 HEAD /bench-content/static/thumbnails/.priming-sentinel, DynamoDB_20120810.GetItem",
    })
    void primingHookMakesOnlyTheExpectedReads_andNoWrite(String name, String expectedReads) throws IOException {
        ColdStartBench bench = new ColdStartBench(BenchCommand.findRepo(), dir,
                new PrintStream(OutputStream.nullOutputStream()));
        ColdStartBench.Function function = bench.functions().stream().filter(f -> f.name().equals(name))
                .findFirst().orElseThrow();
        try (AwsStub aws = new AwsStub(Map.of(ColdStartBench.BUCKET + "/" + ColdStartBench.SOURCES_KEY,
                ColdStartBench.sourcesFile()))) {
            Map<String, String> environment = new LinkedHashMap<>(bench.environment(aws));
            environment.put(Priming.VARIABLE, "true");

            LambdaChild.Run run = new LambdaChild(Path.of(System.getProperty("java.home"), "bin", "java"), dir)
                    .run(name, classpath(), function.primedEntryPoint().getName(), environment, function.event(), 0,
                            false);

            assertThat(run.firstOutcome().kind()).isEqualTo(LocalRuntimeApi.Outcome.Kind.RESPONSE);
            long firstDelivered = run.firstOutcome().deliveredNanos();
            List<AwsStub.Call> priming = aws.calls().stream().filter(c -> c.nanos() < firstDelivered).toList();
            assertThat(priming).noneMatch(AwsStub.Call::isWrite);
            assertThat(priming).extracting(c -> c.operation().startsWith("S3 ") ? c.operation() + " " + c.path()
                    : c.operation()).containsExactly(expectedReads.split(", "));
            assertThat(Files.readString(dir.resolve(name + ".log"))).doesNotContain("priming.incomplete");
        }
    }

    /** The runtime client first, then this module's test classpath (the handlers, unshaded). */
    private static List<Path> classpath() {
        List<Path> classpath = new ArrayList<>(RuntimeClasspath.locate());
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .forEach(classpath::add);
        return classpath;
    }
}
