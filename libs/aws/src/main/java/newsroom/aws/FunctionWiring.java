package newsroom.aws;

import newsroom.core.observe.Telemetry;

/**
 * What every function's {@code *Wiring} record gives {@link SnapStartHandler}, so each handler has one constructor
 * chain: the public no-argument constructor builds the wiring from the environment, and a package-private one takes
 * a wiring (production, or a test's or the local runner's built from other adapters).
 */
public interface FunctionWiring {

    /** The read-only priming of the function's SDK clients; {@link AwsPriming#none()} without AWS adapters. */
    AwsPriming priming();

    /** Where the handler logs and counts. */
    Telemetry telemetry();
}
