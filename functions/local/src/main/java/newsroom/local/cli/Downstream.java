package newsroom.local.cli;

import java.util.ArrayList;
import java.util.List;

import newsroom.local.LocalPipeline;

/** Binds the event-driven functions (translation, thumbnails) to the local bus. */
final class Downstream {

    private static final List<String> NOTES = new ArrayList<>();

    private Downstream() {
    }

    static void bind(LocalPipeline pipeline) {
        NOTES.clear();
    }

    static List<String> notes() {
        return List.copyOf(NOTES);
    }
}
