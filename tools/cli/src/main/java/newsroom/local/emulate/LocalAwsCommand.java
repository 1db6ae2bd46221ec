package newsroom.local.emulate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import newsroom.emulators.EmulatorProcess;
import newsroom.local.Arguments;
import newsroom.local.UsageException;
import newsroom.local.invoke.InvokeCommand;

/**
 * {@code newsroom local-aws [--env-file FILE] [--stack NAME] [--moto-port N] [--dynamo-port N]}: starts the local
 * emulators, creates the stack's resources from template.yaml ({@link LocalStack}), writes the environment file and
 * prints how to use it with {@code newsroom invoke --env} and {@code sam local invoke --env-vars}; then runs until
 * stopped (Ctrl-C). Exit status: 0 after a clean stop, 1 when an emulator cannot start, 2 usage.
 */
public final class LocalAwsCommand {

    public static final String USAGE = String.join("\n",
            "usage: newsroom local-aws [--env-file FILE] [--stack NAME] [--moto-port N] [--dynamo-port N]",
            "  --env-file     where to write the environment (default local-env.json)",
            "  --stack        the stack name the resource names are made from (default newsroom-local)",
            "  --moto-port    moto_server's port: S3, SQS, EventBridge (default 5000; 0 = any free port)",
            "  --dynamo-port  dynalite's port: DynamoDB (default 4567; 0 = any free port)",
            "Needs moto_server (pip install 'moto[server]'), and for DynamoDB dynalite"
                    + " (npm ci --prefix tools/dynalite;",
            "without it DynamoDB runs on moto too). Runs until Ctrl-C; the emulators keep state in memory only.");

    private LocalAwsCommand() {
    }

    /**
     * @param untilStopped blocks while the emulators should run (the CLI waits for Ctrl-C; tests return at once)
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Path template, Runnable untilStopped) {
        return Arguments.run(args, USAGE, Set.of("--env-file", "--stack", "--moto-port", "--dynamo-port"), Set.of(),
                out, err, arguments -> {
                    if (!arguments.positional().isEmpty()) {
                        throw new UsageException("unexpected argument " + arguments.positional().get(0));
                    }
                    return run(Path.of(arguments.option("--env-file", "local-env.json")),
                            arguments.option("--stack", "newsroom-local"),
                            arguments.intOption("--moto-port", 5000, 0, 65535),
                            arguments.intOption("--dynamo-port", 4567, 0, 65535), template, out, err, untilStopped);
                });
    }

    private static int run(Path envFile, String stack, int motoPort, int dynamoPort, Path template, PrintStream out,
                           PrintStream err, Runnable untilStopped) {
        Path logs = envFile.toAbsolutePath().getParent().resolve(".newsroom-local-aws");
        try (LocalStack local = LocalStack.start(template, stack, motoPort, dynamoPort, logs)) {
            Thread stopOnExit = new Thread(local::close, "local-aws-stop");
            Runtime.getRuntime().addShutdownHook(stopOnExit); // Ctrl-C ends the JVM without unwinding this frame
            try {
                return serve(local, stack, envFile, logs, out, untilStopped);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopOnExit);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or has run
                }
            }
        } catch (IOException | RuntimeException e) {
            err.println("newsroom local-aws: " + e.getMessage());
            return 1;
        }
    }

    private static int serve(LocalStack local, String stack, Path envFile, Path logs, PrintStream out,
                             Runnable untilStopped) throws IOException {
        local.writeEnvironmentFile(envFile);
        for (EmulatorProcess process : local.processes()) {
            out.println(process.name() + " listening on " + process.endpoint());
        }
        if (local.processes().size() == 1) {
            out.println("dynalite is not installed (npm ci --prefix tools/dynalite): DynamoDB runs on moto_server");
        }
        out.println("stack " + stack + " created (bucket, table, event bus, fetch queue); environment: " + envFile);
        out.println();
        out.println("Run a function's jar against it, without Docker:");
        out.println("  ./newsroom invoke IngestApiFunction events/ingest-api-post-markdown.json --env " + envFile);
        out.println("With SAM CLI (the function runs in a container: 127.0.0.1 is the container itself, so use");
        out.println("the host network on Linux, or replace 127.0.0.1 by host.docker.internal in " + envFile + "):");
        out.println("  sam local invoke IngestApiFunction -e events/ingest-api-post-markdown.json --env-vars "
                + envFile + " --docker-network host");
        out.println();
        out.println("Running until Ctrl-C (state is kept in memory only). Logs: " + logs);
        out.flush();
        untilStopped.run();
        return 0;
    }

    /** template.yaml as {@code newsroom invoke} finds it. */
    public static Path defaultTemplate() {
        return InvokeCommand.defaultTemplate();
    }

    /** Blocks until the JVM is interrupted or shuts down (Ctrl-C). */
    public static void untilInterrupted() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
