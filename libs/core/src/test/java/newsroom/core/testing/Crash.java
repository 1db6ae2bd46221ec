package newsroom.core.testing;

/** Thrown by the crashing test adapters where a function would have died; it escapes the service under test. */
public final class Crash extends RuntimeException {
    public Crash(String where) {
        super("simulated crash: " + where);
    }
}
