package newsroom.local.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

import newsroom.aws.SqsPollQueue;
import newsroom.core.port.PollQueue;

/**
 * The poll queue of the embedded default: appends one line per request to a file, the message body the SQS adapter
 * sends ({@code {"source":…,"dispatchedAt":…}}). Nothing consumes it; it shows what the deployed queue would carry
 * ({@code ./newsroom invoke FeedPollerFunction} polls one source from such a body).
 */
public final class FilePollQueue implements PollQueue {

    private final Path file;

    public FilePollQueue(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public synchronized void send(List<PollRequest> requests) {
        StringBuilder lines = new StringBuilder();
        requests.forEach(r -> lines.append(SqsPollQueue.body(r)).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the poll queue " + file, e);
        }
    }
}
