package newsroom.local.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;

/**
 * The {@code ./newsroom} command line: the product's face on one machine. Each subcommand is a class; this one only
 * dispatches and turns errors into messages and exit codes (0 ok, 1 something was rejected or failed, 2 usage).
 */
public final class Newsroom {

    static final String USAGE = String.join("\n",
            "usage: newsroom COMMAND [ARGS]",
            "",
            "commands:",
            "  ingest [--out DIR] [--config FILE] INPUT...   ingest Markdown/HTML files or folders into a Hugo site",
            "  invoke FUNCTION EVENT.json [--env FILE]       run one Lambda function locally with an event (no Docker)",
            "  help                                          this text",
            "",
            "Run 'newsroom COMMAND --help' for a command's options.");

    private Newsroom() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (command) {
                case "ingest" -> helpOr(rest, IngestCommand.USAGE, out)
                        ? 0 : new IngestCommand(null, Clock.systemUTC()).run(rest, out, err);
                case "invoke" -> helpOr(rest, newsroom.local.invoke.InvokeCommand.USAGE, out)
                        ? 0 : newsroom.local.invoke.InvokeCommand.run(rest, out, err);
                default -> throw new UsageException("unknown command '" + command + "'\n" + USAGE);
            };
        } catch (UsageException e) {
            err.println("newsroom: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("newsroom: " + command + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static boolean helpOr(String[] args, String usage, PrintStream out) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(usage);
            return true;
        }
        return false;
    }
}
