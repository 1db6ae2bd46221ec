package newsroom.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Decodes gzip (RFC 1952), including several concatenated members, in a loop. The JDK's {@code GZIPInputStream}
 * recurses once per member, so a response made of many empty members overflows the stack; this decoder does not.
 * Each member's CRC-32 and length are verified. Bound the input (the fetcher caps bytes on the wire): a stream of
 * empty members or empty deflate blocks inflates to nothing.
 */
public final class GzipDecoder extends InputStream {

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int MAX_HEADER_FIELD = 64 * 1024;

    private final PushbackInputStream in;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[8192];
    private int lastInput;
    private long memberBytes;
    private boolean done;

    /** Reads the first member header at once; a body that is not gzip fails here with a {@link ZipException}. */
    public GzipDecoder(InputStream raw) throws IOException {
        this.in = new PushbackInputStream(raw, buffer.length);
        if (!readHeader(true)) {
            throw new EOFException("empty gzip body");
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!done) {
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException("invalid deflate data: " + e.getMessage());
            }
            if (n > 0) {
                crc.update(b, off, n);
                memberBytes += n;
                return n;
            }
            if (inflater.finished()) {
                int remaining = inflater.getRemaining();
                if (remaining > 0) {
                    in.unread(buffer, lastInput - remaining, remaining);
                }
                checkTrailer();
                inflater.reset();
                crc.reset();
                memberBytes = 0;
                if (!readHeader(false)) {
                    done = true;
                }
            } else if (inflater.needsDictionary()) {
                throw new ZipException("deflate data needs a preset dictionary");
            } else if (inflater.needsInput()) {
                lastInput = in.read(buffer);
                if (lastInput == -1) {
                    throw new EOFException("gzip body ends inside compressed data");
                }
                inflater.setInput(buffer, 0, lastInput);
            }
        }
        return -1;
    }

    /** @return false at a clean end of input before a further member */
    private boolean readHeader(boolean first) throws IOException {
        int id1 = in.read();
        if (id1 == -1 && !first) {
            return false;
        }
        int id2 = in.read();
        if (id1 != 0x1f || id2 != 0x8b) {
            throw new ZipException("not in gzip format");
        }
        if (byteOf() != 8) {
            throw new ZipException("unsupported gzip compression method");
        }
        int flags = byteOf();
        skip(6);
        if ((flags & FEXTRA) != 0) {
            skip(byteOf() | byteOf() << 8);
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FHCRC) != 0) {
            skip(2);
        }
        return true;
    }

    private void checkTrailer() throws IOException {
        long expectedCrc = uint32();
        long expectedSize = uint32();
        if (expectedCrc != crc.getValue() || expectedSize != (memberBytes & 0xffffffffL)) {
            throw new ZipException("gzip member fails its CRC or length check");
        }
    }

    private long uint32() throws IOException {
        return (long) byteOf() | (long) byteOf() << 8 | (long) byteOf() << 16 | (long) byteOf() << 24;
    }

    private int byteOf() throws IOException {
        int b = in.read();
        if (b == -1) {
            throw new EOFException("gzip body ends inside a header or trailer");
        }
        return b;
    }

    private void skip(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            byteOf();
        }
    }

    private void skipZeroTerminated() throws IOException {
        for (int i = 0; i < MAX_HEADER_FIELD; i++) {
            if (byteOf() == 0) {
                return;
            }
        }
        throw new ZipException("gzip header field too long");
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
