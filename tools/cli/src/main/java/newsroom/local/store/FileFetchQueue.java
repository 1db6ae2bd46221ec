package newsroom.local.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import newsroom.core.port.FetchQueue;

/**
 * The fetch queue of the embedded default: appends one JSON line per request to a file, with the message body the
 * SQS adapter sends ({@code {"url":…,"source":…}}) and the delay. Nothing consumes it; it shows what the deployed
 * queue would carry. Contract of {@link FetchQueue}: returns only when every line was written.
 */
public final class FileFetchQueue implements FetchQueue {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public FileFetchQueue(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void enqueue(List<FetchRequest> requests) {
        StringBuilder lines = new StringBuilder();
        for (FetchRequest request : requests) {
            ObjectNode body = JSON.createObjectNode();
            body.put("url", request.url());
            body.put("source", request.source());
            ObjectNode line = JSON.createObjectNode();
            line.put("body", body.toString());
            line.put("delaySeconds", request.delaySeconds());
            lines.append(line).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the fetch queue " + file, e);
        }
    }
}
