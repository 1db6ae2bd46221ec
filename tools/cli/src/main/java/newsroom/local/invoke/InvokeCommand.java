package newsroom.local.invoke;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

import newsroom.local.Arguments;
import newsroom.local.UsageException;
import newsroom.local.runtime.LocalRuntimeApi;

/**
 * {@code newsroom invoke FUNCTION EVENT.json [--out DIR | --env FILE] [--template FILE]}: runs one function of
 * template.yaml with an event, without Docker, through the real Lambda runtime interface client. It starts a Lambda
 * Runtime API on a loopback port ({@link LocalRuntimeApi}), launches a JVM running the RIC
 * ({@value RuntimeClasspath#MAIN_CLASS}) with the handler as argument, feeds it the event, prints the function's
 * response on standard output (its logs go to standard error), and stops the JVM.
 *
 * <p>Two targets. Without {@code --env}, the <em>embedded default</em>: the handler class is the function's own,
 * built by its {@code Embedded…Handler} twin (same package, this module) on the site folder of {@code newsroom
 * ingest} ({@code --out}, default {@code site}), so every file in {@code events/} runs with no setup. With
 * {@code --env FILE} (JSON, the {@code sam local invoke --env-vars} shape, or KEY=VALUE lines; where the stack's
 * resource names and {@code AWS_ENDPOINT_URL…} go), the function's shaded jar runs with its production wiring
 * against real or emulated AWS endpoints. Either way the environment starts from the template's variables that need
 * no deployed stack (literals and parameter defaults) and a region. Exit status: 0 response, 1 function or
 * initialization error or timeout, 2 usage.
 */
public final class InvokeCommand {

    public static final String USAGE = String.join("\n",
            "usage: newsroom invoke FUNCTION EVENT.json [--out DIR | --env FILE] [--template FILE]",
            "  FUNCTION    a function's logical id in template.yaml, e.g. IngestApiFunction",
            "  EVENT.json  the event, e.g. events/ingest-api-get-article.json",
            "  --out       the site folder of the embedded default (default ./site, as for ingest)",
            "  --env       run the function's jar on AWS or emulators (./newsroom local-aws writes one):",
            "              JSON {\"NAME\": \"value\"}, the sam --env-vars shape, or KEY=VALUE lines",
            "  --template  the SAM template (default: template.yaml in this folder or above)",
            "With --env the function's jar must be built: mvn -q -DskipTests package (./newsroom does it).");

    /** Seconds the child JVM may take to start and initialize the handler, on top of the function's timeout. */
    static final int INIT_ALLOWANCE_SECONDS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private InvokeCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Arguments.run(args, USAGE, Set.of("--env", "--out", "--template"), Set.of(), out, err, arguments -> {
            Request request = Request.of(arguments);
            try {
                return invoke(request, out, err);
            } catch (IllegalArgumentException e) {
                err.println("newsroom invoke: " + e.getMessage());
                return 2;
            } catch (IOException e) {
                err.println("newsroom invoke: " + e.getMessage());
                return 1;
            }
        });
    }

    /** @param out the site folder of the embedded default; null with {@code env} */
    private record Request(String function, Path event, @Nullable Path env, @Nullable Path out, Path template) {
        static Request of(Arguments arguments) {
            List<String> positional = arguments.positional();
            String env = arguments.option("--env");
            String out = arguments.option("--out");
            String template = arguments.option("--template");
            if (positional.size() != 2) {
                throw new UsageException("expected FUNCTION and EVENT.json, got " + positional);
            }
            if (env != null && out != null) {
                throw new UsageException("--out (embedded default) and --env (AWS endpoints) exclude each other");
            }
            return new Request(positional.get(0), Path.of(positional.get(1)), env == null ? null : Path.of(env),
                    env == null ? Path.of(out != null ? out : "site") : null,
                    template != null ? Path.of(template) : findTemplate());
        }

        private static Path findTemplate() {
            return defaultTemplate();
        }
    }

    /** template.yaml in the working folder or above, else the one of the checkout this CLI was built in. */
    public static Path defaultTemplate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir.resolve("template.yaml");
            }
        }
        try {
            // tools/cli/target/newsroom-cli.jar (or …/target/classes) → the repository root
            Path built = Path.of(InvokeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = built.getParent(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                    return dir.resolve("template.yaml");
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the usage error
        }
        throw new IllegalArgumentException("no template.yaml in this folder or above; pass --template FILE");
    }

    private static int invoke(Request request, PrintStream out, PrintStream err) throws IOException {
        FunctionDefinition function = FunctionDefinition.read(request.template(), request.function());
        if (request.env() != null && !Files.exists(function.code())) {
            throw new IllegalArgumentException(function.code() + " does not exist; build it first: mvn -q -DskipTests"
                    + " package (or run through ./newsroom, which builds)");
        }
        if (!Files.isRegularFile(request.event())) {
            throw new IllegalArgumentException("no such event file: " + request.event());
        }
        byte[] event = Files.readAllBytes(request.event());
        try {
            JSON.readTree(event);
        } catch (IOException e) {
            throw new IllegalArgumentException(request.event() + " is not JSON: " + e.getMessage());
        }
        Map<String, String> env = environment(function, request);
        String arn = "arn:aws:lambda:" + env.get("AWS_REGION") + ":000000000000:function:" + function.logicalId();
        try (LocalRuntimeApi api = new LocalRuntimeApi(arn, Duration.ofSeconds(function.timeoutSeconds()))) {
            CompletableFuture<LocalRuntimeApi.Outcome> answer = api.submit(event);
            env.put("AWS_LAMBDA_RUNTIME_API", api.address());
            Process child = start(function, request, env);
            Thread logs = pipe(child.getInputStream(), err);
            Thread errors = pipe(child.getErrorStream(), err);
            try {
                LocalRuntimeApi.Outcome outcome = answer.get(function.timeoutSeconds()
                        + INIT_ALLOWANCE_SECONDS, TimeUnit.SECONDS);
                int status = report(outcome, out, err);
                if (request.out() != null) {
                    err.println("newsroom invoke: embedded default in " + request.out() + " (events: "
                            + request.out().resolve(".newsroom/events.jsonl") + ", fetch queue: "
                            + request.out().resolve(".newsroom/fetch-queue.jsonl") + ")");
                }
                return status;
            } catch (TimeoutException e) {
                err.println("newsroom invoke: " + function.logicalId() + " did not answer within "
                        + function.timeoutSeconds() + " s (+" + INIT_ALLOWANCE_SECONDS + " s to start)");
                return 1;
            } catch (ExecutionException e) {
                err.println("newsroom invoke: " + e.getCause().getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            } finally {
                stop(child);
                join(logs);
                join(errors);
            }
        }
    }

    private static Map<String, String> environment(FunctionDefinition function, Request request) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String inherited : List.of("PATH", "HOME", "LANG", "TMPDIR")) {
            String value = System.getenv(inherited);
            if (value != null) {
                env.put(inherited, value);
            }
        }
        env.putAll(function.environment());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.logicalId());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        env.put("_HANDLER", function.handler());
        if (request.env() != null) {
            env.putAll(EnvironmentFile.read(request.env(), function.logicalId()));
        } else {
            env.put(EmbeddedSite.SITE_VARIABLE, request.out().toAbsolutePath().normalize().toString());
        }
        return env;
    }

    /**
     * The function's code (jar, or {@code sam build} folder) before the runtime client with {@code --env}; else this
     * CLI's own classpath (which holds every function's classes and the embedded adapters) with the
     * {@code Embedded…Handler} twin of the handler.
     */
    private static Process start(FunctionDefinition function, Request request, Map<String, String> env)
            throws IOException {
        List<String> classpath = new ArrayList<>();
        String handler = function.handler();
        if (request.env() != null) {
            function.classpath().forEach(p -> classpath.add(p.toString()));
            RuntimeClasspath.locate().forEach(p -> classpath.add(p.toString()));
        } else {
            classpath.add(System.getProperty("java.class.path"));
            handler = embeddedHandler(function.handler());
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + Math.max(128, function.memoryMb() * 3 / 4) + "m");
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(RuntimeClasspath.MAIN_CLASS);
        command.add(handler);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    /** {@code pkg.FooHandler::handleRequest} → {@code pkg.EmbeddedFooHandler::handleRequest}, which must exist. */
    static String embeddedHandler(String handler) {
        int method = handler.indexOf("::");
        String type = method < 0 ? handler : handler.substring(0, method);
        int dot = type.lastIndexOf('.');
        String embedded = type.substring(0, dot + 1) + "Embedded" + type.substring(dot + 1);
        try {
            Class.forName(embedded, false, InvokeCommand.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(handler + " has no embedded twin (" + embedded + "); run it on AWS"
                    + " endpoints with --env FILE");
        }
        return method < 0 ? embedded : embedded + handler.substring(method);
    }

    private static int report(LocalRuntimeApi.Outcome outcome, PrintStream out, PrintStream err) {
        switch (outcome.kind()) {
            case RESPONSE -> {
                out.println(outcome.body());
                return 0;
            }
            case FUNCTION_ERROR -> {
                err.println("newsroom invoke: the function failed"
                        + (outcome.errorType() == null ? "" : " (" + outcome.errorType() + ")"));
                out.println(outcome.body());
                return 1;
            }
            default -> {
                err.println("newsroom invoke: the function could not start"
                        + (outcome.errorType() == null ? "" : " (" + outcome.errorType() + ")"));
                out.println(outcome.body());
                return 1;
            }
        }
    }

    private static Thread pipe(InputStream from, PrintStream to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from) {
                in.transferTo(to);
            } catch (IOException e) {
                to.println("newsroom invoke: function output lost: " + e.getMessage());
            }
        }, "invoke-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void stop(Process child) {
        child.destroy();
        try {
            if (!child.waitFor(5, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
