package newsroom.local.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import newsroom.core.config.InvalidConfigurationException;
import newsroom.core.config.SiteConfig;
import newsroom.extract.ArticleExtractor;
import newsroom.fetch.AllowedNetwork;
import newsroom.fetch.FetcherConfig;
import newsroom.fetch.SafeHttpFetcher;
import newsroom.local.UsageException;
import newsroom.local.bench.BenchCommand;
import newsroom.local.emulate.LocalAwsCommand;
import newsroom.local.eval.EvalExtractionCommand;
import newsroom.local.eval.EvalMetadataCommand;
import newsroom.local.invoke.InvokeCommand;

/**
 * The {@code ./newsroom} command line: the product's face on one machine. Each subcommand is a class; this one only
 * dispatches and turns errors into messages and exit codes (0 ok, 1 something was rejected or failed, 2 usage).
 */
public final class Newsroom {

    /** Sent in the User-Agent of the local fetcher unless NEWSROOM_FETCH_CONTACT_URL names the operator's page. */
    public static final String DEFAULT_CONTACT_URL = "https://github.com/newsroom-ingest/newsroom-ingest";

    static final String USAGE = String.join("\n",
            "usage: newsroom COMMAND [ARGS]",
            "",
            "commands:",
            "  ingest [--out DIR] [--config FILE] [--sources FILE] INPUT...",
            "                        ingest files, folders, article/feed/homepage URLs into a Hugo site folder",
            "  extract FILE.html [--url URL]",
            "                        print the article extracted from a page, as JSON",
            "  eval-extraction DATASET_DIR [--peers]",
            "                        score the extractor on a benchmark dataset (and Readability with --peers)",
            "  eval-metadata DATASET_DIR [--peers] [--halves] [--json FILE] [--worst N]",
            "                        score title, author and date extraction on a labelled dataset (and metascraper;",
            "                        --halves: also on its two fixed halves)",
            "  bench [--quick]       cold start, warm invocation, extraction and front matter benchmarks",
            "  invoke FUNCTION EVENT.json [--out DIR | --env FILE]",
            "                        run one Lambda function of template.yaml with an event, no Docker"
                    + " (on ./site, or --env endpoints)",
            "  local-aws [--env-file FILE] [--stack NAME]",
            "                        start moto and dynalite with the stack's resources; write local-env.json",
            "  help                  this text",
            "",
            "Run 'newsroom COMMAND --help' for a command's options.");

    private Newsroom() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (command) {
                case "ingest" -> new IngestCommand(new ArticleExtractor(), site -> fetcher(environment, site, err),
                        Clock.systemUTC()).run(rest, out, err);
                case "extract" -> ExtractCommand.run(rest, out, err);
                case "eval-extraction" -> EvalExtractionCommand.run(rest, out, err);
                case "eval-metadata" -> EvalMetadataCommand.run(rest, out, err);
                case "bench" -> BenchCommand.run(rest, out, err);
                case "invoke" -> InvokeCommand.run(rest, out, err);
                case "local-aws" -> LocalAwsCommand.run(rest, out, err, LocalAwsCommand.defaultTemplate(),
                        LocalAwsCommand::untilInterrupted);
                default -> throw new UsageException("unknown command '" + command + "'\n" + USAGE);
            };
        } catch (UsageException e) {
            err.println("newsroom: " + e.getMessage());
            return 2;
        } catch (InvalidConfigurationException e) {
            err.println("newsroom: invalid configuration: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("newsroom: " + command + " failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The production fetcher: public addresses only (plus the private networks the operator lists), robots.txt,
     * politeness. Every {@code NEWSROOM_FETCH_*} variable is read, here and once; without
     * {@code NEWSROOM_FETCH_CONTACT_URL} the project page is the contact. The allow-list is the union of
     * {@code NEWSROOM_FETCH_ALLOWED_NETWORKS} and the site config's {@code fetchAllowedNetworks}, and is printed when
     * set.
     *
     * @throws InvalidConfigurationException naming the variable or the config key whose value is bad
     */
    public static SafeHttpFetcher fetcher(Map<String, String> environment, SiteConfig site, PrintStream err) {
        FetcherConfig config = FetcherConfig.fromMap(environment, DEFAULT_CONTACT_URL);
        try {
            config = config.withAllowedNetworks(AllowedNetwork.parseAll(site.fetchAllowedNetworks()));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("key 'fetchAllowedNetworks': " + e.getMessage());
        }
        if (!config.allowedNetworks().isEmpty()) {
            err.println("newsroom: fetching may reach these private networks: " + config.allowedNetworks().stream()
                    .map(Object::toString).collect(Collectors.joining(", "))
                    + " (NEWSROOM_FETCH_ALLOWED_NETWORKS, fetchAllowedNetworks)");
        }
        return new SafeHttpFetcher(config);
    }
}
