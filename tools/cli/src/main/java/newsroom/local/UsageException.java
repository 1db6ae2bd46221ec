package newsroom.local;

/** A command line that cannot be run as written; the message says what to type instead. Exit code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
