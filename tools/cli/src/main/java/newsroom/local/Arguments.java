package newsroom.local;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A small, strict command-line reader: {@code --name value} (or {@code --name=value}) options from a known set,
 * {@code --flag} switches, {@code -h} / {@code --help}, and positional arguments. Unknown options are usage errors,
 * never ignored. {@link #run} is how a command turns its arguments into an exit code.
 */
public final class Arguments {

    /** A command's work once its arguments are read; may throw {@link UsageException} for a bad value. */
    @FunctionalInterface
    public interface Command {
        /** @return the process exit code */
        int run(Arguments arguments);
    }

    private final Map<String, String> options = new HashMap<>();
    private final List<String> flags = new ArrayList<>();
    private final List<String> positional = new ArrayList<>();
    private boolean help;

    /** @throws UsageException for an unknown option or an option without its value */
    public Arguments(String[] args, Set<String> valueOptions, Set<String> flagOptions) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                for (int j = i + 1; j < args.length; j++) {
                    positional.add(args[j]);
                }
                break;
            }
            if (arg.equals("-h") || arg.equals("--help")) {
                help = true;
            } else if (arg.startsWith("--")) {
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                if (valueOptions.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    options.put(name, value);
                } else if (flagOptions.contains(name) && value == null) {
                    flags.add(name);
                } else {
                    throw new UsageException("unknown option " + arg);
                }
            } else {
                positional.add(arg);
            }
        }
    }

    /**
     * Reads {@code args} and runs {@code command}: {@code -h} / {@code --help} prints {@code usage} to {@code out}
     * (exit 0); a {@link UsageException}, from reading or from the command, prints its message and {@code usage}
     * to {@code err} (exit 2); otherwise the command's exit code.
     */
    public static int run(String[] args, String usage, Set<String> valueOptions, Set<String> flagOptions,
                          PrintStream out, PrintStream err, Command command) {
        try {
            Arguments arguments = new Arguments(args, valueOptions, flagOptions);
            if (arguments.help()) {
                out.println(usage);
                return 0;
            }
            return command.run(arguments);
        } catch (UsageException e) {
            err.println(e.getMessage() + "\n" + usage);
            return 2;
        }
    }

    /** The option's value, or null when it was not given. */
    public @Nullable String option(String name) {
        return options.get(name);
    }

    /** The option's value, or {@code fallback} when it was not given. */
    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /**
     * The option's value as a whole number in {@code min..max}, or {@code fallback} when it is absent.
     *
     * @throws UsageException naming the option when the value is not such a number
     */
    public int intOption(String name, int fallback, int min, int max) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a whole number " + min + ".." + max + " (got '" + value + "')");
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    /** Whether {@code -h} or {@code --help} was given. */
    public boolean help() {
        return help;
    }

    public List<String> positional() {
        return positional;
    }

    /**
     * The one positional argument, {@code what} naming it in the error.
     *
     * @throws UsageException when there is none or more than one
     */
    public String single(String what) {
        if (positional.size() != 1) {
            throw new UsageException(positional.isEmpty() ? "no " + what + " given"
                    : "one " + what + " expected, got " + String.join(" ", positional));
        }
        return positional.get(0);
    }
}
