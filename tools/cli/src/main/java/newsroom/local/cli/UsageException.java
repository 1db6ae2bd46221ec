package newsroom.local.cli;

/** A command line that cannot be run as written; the message says what to type instead. Exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
