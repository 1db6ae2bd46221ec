package newsroom.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import newsroom.core.port.FetchFailure;
import newsroom.core.port.Fetcher.FetchException;

/**
 * A deliberately small HTTP/1.1 client (one GET per connection, {@code Connection: close}) that connects to the
 * address the {@link UrlGuard} checked, never to a name. For https it layers TLS over that socket with SNI set to
 * the original host and endpoint identification "HTTPS", so the certificate is still verified against the host
 * name. {@code java.net.http.HttpClient} cannot do this on Java 17: it has no pluggable resolver, and connecting to
 * an IP-literal URI breaks SNI and host name verification.
 *
 * <p>Every blocking read gets a socket timeout of the time left before the deadline, and the deadline is checked
 * after each read, so a server trickling one byte at a time cannot hold a request past it.
 */
final class Http11Client {

    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_HEADERS = 200;

    private final SSLSocketFactory tlsFactory;
    private final Duration connectTimeout;

    Http11Client(SSLSocketFactory tlsFactory, Duration connectTimeout) {
        this.tlsFactory = tlsFactory;
        this.connectTimeout = connectTimeout;
    }

    /** Sends a GET and reads the status line and headers; the caller reads or skips the body and closes. */
    Response get(CheckedTarget target, Map<String, String> headers, long deadlineNanos) throws FetchException {
        Socket socket = new Socket();
        try {
            int connectMillis = (int) Math.max(1, Math.min(connectTimeout.toMillis(), remainingMillis(deadlineNanos)));
            socket.connect(new InetSocketAddress(target.address(), target.port()), connectMillis);
            Socket channel = socket;
            if (target.https()) {
                channel = startTls(socket, target, connectMillis);
            }
            OutputStream out = channel.getOutputStream();
            out.write(requestHead(target, headers).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new BufferedInputStream(new DeadlineInputStream(channel, deadlineNanos), 8192);
            Response response;
            do {
                response = readHead(in, channel);
            } while (response.status >= 100 && response.status < 200);
            return response;
        } catch (FetchException e) {
            closeQuietly(socket);
            throw e;
        } catch (SocketTimeoutException | DeadlineExceeded e) {
            closeQuietly(socket);
            throw FetchFailure.TIMEOUT.exception(target.origin() + ": no answer before the deadline");
        } catch (SSLException e) {
            closeQuietly(socket);
            throw FetchFailure.TLS_FAILED.exception(target.host() + ": " + e.getMessage());
        } catch (IOException e) {
            closeQuietly(socket);
            throw FetchFailure.CONNECT_FAILED.exception(target.origin() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    private Socket startTls(Socket plain, CheckedTarget target, int handshakeMillis) throws IOException {
        SSLSocket tls = (SSLSocket) tlsFactory.createSocket(plain, target.host(), target.port(), true);
        SSLParameters params = tls.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (!target.hostIsIpLiteral()) {
            params.setServerNames(List.of(new SNIHostName(target.host())));
        }
        tls.setSSLParameters(params);
        tls.setSoTimeout(handshakeMillis);
        tls.startHandshake();
        return tls;
    }

    private static String requestHead(CheckedTarget target, Map<String, String> headers) {
        StringBuilder head = new StringBuilder(256);
        head.append("GET ").append(target.requestTarget()).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(target.hostHeader()).append("\r\n");
        headers.forEach((name, value) -> {
            if (isSafeHeaderValue(value)) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        head.append("Connection: close\r\n\r\n");
        return head.toString();
    }

    /** Values from earlier responses (validators) are sent back only when they cannot inject a header. */
    private static boolean isSafeHeaderValue(String value) {
        return value != null && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\t');
    }

    private static Response readHead(InputStream in, Socket socket) throws IOException, FetchException {
        int[] budget = {MAX_HEADER_BYTES};
        String statusLine = readLine(in, budget);
        if (statusLine == null) {
            // Servers drop connections under load; like a reset, this is worth a retry.
            throw FetchFailure.CONNECT_FAILED.exception("connection closed before a status line");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[1-5][0-9][0-9]")) {
            throw FetchFailure.BAD_RESPONSE.exception("not an HTTP/1.x status line: " + abbreviate(statusLine));
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int count = 0;
        for (String line = readLine(in, budget); ; line = readLine(in, budget)) {
            if (line == null) {
                throw FetchFailure.BAD_RESPONSE.exception("connection closed inside the headers");
            }
            if (line.isEmpty()) {
                break;
            }
            if (++count > MAX_HEADERS) {
                throw FetchFailure.BAD_RESPONSE.exception("more than " + MAX_HEADERS + " headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
                throw FetchFailure.BAD_RESPONSE.exception("malformed header line: " + abbreviate(line));
            }
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        return new Response(status, headers, in, socket);
    }

    /** Reads one header line (CRLF or LF), ISO-8859-1; null at EOF before any byte. */
    private static String readLine(InputStream in, int[] budget) throws IOException, FetchException {
        StringBuilder line = new StringBuilder();
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            if (--budget[0] < 0) {
                throw FetchFailure.BAD_RESPONSE.exception("response headers exceed " + MAX_HEADER_BYTES + " bytes");
            }
            if (b == '\n') {
                int len = line.length();
                if (len > 0 && line.charAt(len - 1) == '\r') {
                    line.setLength(len - 1);
                }
                return line.toString();
            }
            line.append((char) b);
        }
        if (any) {
            throw FetchFailure.BAD_RESPONSE.exception("connection closed inside a header line");
        }
        return null;
    }

    private static long remainingMillis(long deadlineNanos) {
        return (deadlineNanos - System.nanoTime()) / 1_000_000;
    }

    private static String abbreviate(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 80 ? clean : clean.substring(0, 80) + "…";
    }

    static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing to do: the connection is discarded either way
        }
    }

    /** A response whose head has been read; the body is read at most once. Close it in every case. */
    static final class Response implements Closeable {
        final int status;
        final Map<String, List<String>> headers;
        private final InputStream wire;
        private final Socket socket;

        Response(int status, Map<String, List<String>> headers, InputStream wire, Socket socket) {
            this.status = status;
            this.headers = headers;
            this.wire = wire;
            this.socket = socket;
        }

        /** First value of a header (name in any case), or null. */
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** Decides the body limit from the first bytes (or throws to refuse the body). */
        @FunctionalInterface
        interface LimitDecider {
            long limitFor(byte[] head) throws FetchException;
        }

        /**
         * Reads the body, decoded from its transfer and content encodings, up to {@code limit} bytes counted after
         * decompression. When more arrives: TOO_LARGE, or, with {@code truncate}, the first {@code limit} bytes.
         */
        Body readBody(long limit, boolean truncate, String what) throws FetchException {
            return readBody(limit, 0, head -> limit, truncate, what);
        }

        /**
         * Reads the body; once {@code headBytes} decoded bytes (or the whole, shorter body) are in, {@code decider}
         * sets the limit for the rest, which must not exceed {@code maxLimit} (used for the Content-Length check).
         */
        Body readBody(long maxLimit, int headBytes, LimitDecider decider, boolean truncate, String what)
                throws FetchException {
            try {
                String contentEncoding = header("content-encoding");
                boolean encoded = contentEncoding != null && !contentEncoding.equalsIgnoreCase("identity");
                String length = header("content-length");
                if (!encoded && !truncate && length != null && length.matches("[0-9]{1,18}")
                        && Long.parseLong(length) > maxLimit) {
                    throw FetchFailure.TOO_LARGE.exception(what + ": Content-Length " + length
                            + " exceeds the limit of " + maxLimit + " bytes");
                }
                InputStream framed = framed();
                // Compressed bytes are capped too: a stream of empty gzip members inflates to nothing forever.
                InputStream decoded = encoded
                        ? decoder(contentEncoding, new WireLimitInputStream(framed, maxLimit + maxLimit / 8 + 65_536))
                        : framed;
                ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxLimit, 64 * 1024));
                byte[] buffer = new byte[16 * 1024];
                long total = 0;
                // -1 until the head is in and the decider has set the limit (at once when no head is wanted)
                long limit = headBytes == 0 ? Math.min(maxLimit, decider.limitFor(new byte[0])) : -1;
                int n;
                try (decoded) {
                    while (true) {
                        int want = limit < 0 ? (int) Math.min(buffer.length, headBytes - total) : buffer.length;
                        n = decoded.read(buffer, 0, want);
                        if (n == -1) {
                            break;
                        }
                        if (limit < 0 && total + n >= headBytes) {
                            out.write(buffer, 0, n);
                            total += n;
                            limit = Math.min(maxLimit, decider.limitFor(out.toByteArray()));
                            if (total > limit) {
                                throw tooLarge(what, limit, encoded, contentEncoding);
                            }
                            continue;
                        }
                        long effective = limit < 0 ? maxLimit : limit;
                        if (total + n > effective) {
                            if (truncate) {
                                out.write(buffer, 0, (int) (effective - total));
                                return new Body(out.toByteArray(), true);
                            }
                            throw tooLarge(what, effective, encoded, contentEncoding);
                        }
                        out.write(buffer, 0, n);
                        total += n;
                    }
                }
                if (limit < 0) {
                    // The whole body was shorter than the head: decide now, and hold it to the decided limit.
                    limit = Math.min(maxLimit, decider.limitFor(out.toByteArray()));
                    if (total > limit) {
                        throw tooLarge(what, limit, encoded, contentEncoding);
                    }
                }
                return new Body(out.toByteArray(), false);
            } catch (FetchException e) {
                throw e;
            } catch (WireLimitExceeded e) {
                throw FetchFailure.TOO_LARGE.exception(what + ": compressed body exceeds " + e.getMessage()
                        + " bytes on the wire");
            } catch (SocketTimeoutException | DeadlineExceeded e) {
                throw FetchFailure.TIMEOUT.exception(what + ": body not complete before the deadline");
            } catch (ZipException | MalformedBody | EOFException e) {
                throw FetchFailure.BAD_RESPONSE.exception(what + ": body is truncated or not validly encoded ("
                        + e.getMessage() + ")");
            } catch (IOException e) {
                throw FetchFailure.CONNECT_FAILED.exception(what + ": connection failed while reading the body ("
                        + e.getClass().getSimpleName() + ")");
            }
        }

        private static FetchException tooLarge(String what, long limit, boolean encoded, String contentEncoding) {
            return FetchFailure.TOO_LARGE.exception(what + ": body exceeds the limit of " + limit
                    + " bytes" + (encoded ? " after " + contentEncoding + " decompression" : ""));
        }

        private InputStream framed() throws FetchException {
            if (status == 204 || status == 304) {
                return InputStream.nullInputStream();
            }
            String transfer = header("transfer-encoding");
            if (transfer != null) {
                String[] codings = transfer.toLowerCase(Locale.ROOT).split("\\s*,\\s*");
                if (codings[codings.length - 1].equals("chunked")) {
                    return new ChunkedInputStream(wire);
                }
                return wire;
            }
            List<String> lengths = headers.get("content-length");
            if (lengths != null) {
                String first = lengths.get(0);
                for (String l : lengths) {
                    if (!l.equals(first)) {
                        throw FetchFailure.BAD_RESPONSE.exception("conflicting Content-Length headers");
                    }
                }
                if (!first.matches("[0-9]{1,18}")) {
                    throw FetchFailure.BAD_RESPONSE.exception("bad Content-Length: " + abbreviate(first));
                }
                return new ExactLengthInputStream(wire, Long.parseLong(first));
            }
            return wire;
        }

        private static InputStream decoder(String contentEncoding, InputStream in) throws IOException,
                FetchException {
            String coding = contentEncoding.trim().toLowerCase(Locale.ROOT);
            switch (coding) {
                case "gzip", "x-gzip":
                    return new GzipDecoder(in);
                case "deflate":
                    // RFC 9110 deflate is zlib-wrapped; some servers send raw deflate. A zlib header has CM=8.
                    BufferedInputStream buffered = new BufferedInputStream(in, 2);
                    buffered.mark(1);
                    int first = buffered.read();
                    buffered.reset();
                    boolean zlib = first != -1 && (first & 0x0f) == 8;
                    return new OwnedInflaterInputStream(buffered, new Inflater(!zlib));
                default:
                    throw FetchFailure.BAD_RESPONSE.exception("unsupported Content-Encoding '"
                            + abbreviate(contentEncoding) + "' (we accept gzip and deflate)");
            }
        }

        @Override
        public void close() {
            closeQuietly(socket);
        }
    }

    /** A decoded body; {@code truncated} only when the caller allowed truncation. */
    record Body(byte[] bytes, boolean truncated) {
    }

    /** Invalid chunked framing. */
    static final class MalformedBody extends IOException {
        MalformedBody(String message) {
            super(message);
        }
    }

    /** Thrown by reads once the request's total deadline has passed. */
    static final class DeadlineExceeded extends IOException {
        DeadlineExceeded() {
            super("deadline exceeded");
        }
    }

    /** Gives each read a socket timeout of the time left, and fails once the deadline has passed. */
    private static final class DeadlineInputStream extends FilterInputStream {
        private final Socket socket;
        private final long deadlineNanos;

        DeadlineInputStream(Socket socket, long deadlineNanos) throws IOException {
            super(socket.getInputStream());
            this.socket = socket;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long left = remainingMillis(deadlineNanos);
            if (left <= 0) {
                throw new DeadlineExceeded();
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            int n = super.read(b, off, len);
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new DeadlineExceeded();
            }
            return n;
        }
    }

    /** An inflater stream that releases its own native inflater when closed. */
    private static final class OwnedInflaterInputStream extends InflaterInputStream {
        OwnedInflaterInputStream(InputStream in, Inflater inflater) {
            super(in, inflater, 8192);
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                inf.end();
            }
        }
    }

    /** Thrown when more compressed bytes arrive than a body of the limit can need. */
    static final class WireLimitExceeded extends IOException {
        WireLimitExceeded(long limit) {
            super(String.valueOf(limit));
        }
    }

    /** Counts bytes as they come off the wire and fails beyond {@code limit}. */
    private static final class WireLimitInputStream extends FilterInputStream {
        private final long limit;
        private long count;

        WireLimitInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > limit) {
                    throw new WireLimitExceeded(limit);
                }
            }
            return n;
        }
    }

    /** Exactly {@code length} bytes; an early end of stream is an error, not a short body. */
    private static final class ExactLengthInputStream extends FilterInputStream {
        private long left;

        ExactLengthInputStream(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n == -1) {
                throw new EOFException("connection closed " + left + " bytes before the end of Content-Length");
            }
            left -= n;
            return n;
        }
    }

    /** Decodes {@code Transfer-Encoding: chunked}; chunk extensions and trailers are read and ignored. */
    private static final class ChunkedInputStream extends FilterInputStream {
        private long chunkLeft;
        private boolean done;

        ChunkedInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (chunkLeft == 0) {
                chunkLeft = nextChunkSize();
                if (chunkLeft == 0) {
                    skipTrailers();
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, chunkLeft));
            if (n == -1) {
                throw new EOFException("connection closed inside a chunk");
            }
            chunkLeft -= n;
            if (chunkLeft == 0) {
                expectCrlf();
            }
            return n;
        }

        private long nextChunkSize() throws IOException {
            String line = line();
            int semicolon = line.indexOf(';');
            String size = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
            if (!size.matches("[0-9a-fA-F]{1,15}")) {
                throw new MalformedBody("bad chunk size line");
            }
            return Long.parseLong(size, 16);
        }

        private void skipTrailers() throws IOException {
            for (int i = 0; i < MAX_HEADERS; i++) {
                if (line().isEmpty()) {
                    return;
                }
            }
            throw new MalformedBody("too many trailer lines");
        }

        private void expectCrlf() throws IOException {
            if (!line().isEmpty()) {
                throw new MalformedBody("chunk not followed by CRLF");
            }
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int len = s.length();
                    return len > 0 && s.charAt(len - 1) == '\r' ? s.substring(0, len - 1) : s.toString();
                }
                if (s.length() > 1024) {
                    throw new MalformedBody("chunk line too long");
                }
                s.append((char) c);
            }
            throw new EOFException("connection closed inside chunked framing");
        }
    }
}
