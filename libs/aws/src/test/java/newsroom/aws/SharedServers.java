package newsroom.aws;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import newsroom.emulators.MotoServer;

/**
 * Resolves a {@link Dynalite} or {@link MotoServer} parameter (of a test class's constructor or its {@code @BeforeAll}
 * method) to the one process of its kind for the whole test run, started on first use and stopped when the run ends:
 * {@code @ExtendWith(SharedServers.class)}. The tests keep apart by name (a table, queue or bus of their own).
 */
final class SharedServers implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServers.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Dynalite.class || type == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        // the root store closes what it holds (both are AutoCloseable) when the whole run ends
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        return type == Dynalite.class
                ? store.getOrComputeIfAbsent(Dynalite.class, key -> Dynalite.start(), Dynalite.class)
                : store.getOrComputeIfAbsent(MotoServer.class, key -> MotoServer.start(), MotoServer.class);
    }
}
