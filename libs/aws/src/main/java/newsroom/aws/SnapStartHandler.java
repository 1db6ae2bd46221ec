package newsroom.aws;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import newsroom.core.observe.Telemetry;

/**
 * What every function handler shares for SnapStart, written once (no framework): it is built from its function's
 * {@link FunctionWiring}, its production (no-argument) constructor calls {@link #registerForSnapStart()} to register
 * it with CRaC, and before the snapshot it runs its own warm-ups
 * ({@link #warmUps()}: front matter, extractor, JSON, image codecs), then the read-only {@link AwsPriming} steps.
 * A failing step is logged as {@code priming.incomplete} with its cause and never thrown, since priming only saves
 * time; {@code priming.done} closes the run. Nothing is refreshed after a restore: SDK credentials are resolved per
 * request.
 */
public abstract class SnapStartHandler implements Resource {

    private final AwsPriming priming;
    private final Telemetry telemetry;

    /** @param wiring the function's wiring: its priming steps and telemetry */
    protected SnapStartHandler(FunctionWiring wiring) {
        this.priming = Objects.requireNonNull(wiring.priming(), "priming");
        this.telemetry = Objects.requireNonNull(wiring.telemetry(), "telemetry");
    }

    /** Registers this handler with CRaC's global context; the production (no-argument) constructor calls it. */
    protected final void registerForSnapStart() {
        Core.getGlobalContext().register(this);
    }

    /** The function's own warm-ups by name, run before the AWS priming; none unless overridden. */
    protected Map<String, Runnable> warmUps() {
        return Map.of();
    }

    @Override
    public final void beforeCheckpoint(Context<? extends Resource> context) {
        int failed = 0;
        for (Map.Entry<String, Runnable> warmUp : new LinkedHashMap<>(warmUps()).entrySet()) {
            try {
                warmUp.getValue().run();
            } catch (RuntimeException e) {
                failed++;
                telemetry.warn("priming.incomplete", Map.of("step", warmUp.getKey()), e);
            }
        }
        failed += priming.run(telemetry);
        telemetry.info("priming.done", Map.of("failedSteps", failed));
    }

    @Override
    public final void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: SDK credentials are resolved per request
    }
}
