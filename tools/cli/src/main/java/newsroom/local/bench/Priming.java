package newsroom.local.bench;

import org.crac.Resource;

/**
 * Decides, in a benchmark child JVM, whether a handler's SnapStart hook runs before its first event: the
 * restore-equivalent start of the primed/unprimed comparison. Reads {@code NEWSROOM_BENCH_PRIME} (the child's edge).
 */
final class Priming {

    static final String VARIABLE = "NEWSROOM_BENCH_PRIME";

    private Priming() {
    }

    /** Runs {@code beforeCheckpoint} on the handler when the variable is {@code true}; returns the handler. */
    static <H extends Resource> H prepare(H handler) {
        if ("true".equals(System.getenv(VARIABLE))) {
            try {
                handler.beforeCheckpoint(null);
            } catch (Exception e) {
                throw new IllegalStateException("the SnapStart priming hook of " + handler.getClass().getName()
                        + " failed: " + e.getMessage(), e);
            }
        }
        return handler;
    }
}
