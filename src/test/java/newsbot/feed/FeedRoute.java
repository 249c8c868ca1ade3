package newsbot.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

/**
 * What {@link FeedServer} answers on one path; start from a factory and adjust with the {@code with…} methods.
 *
 * @param contentEncoding a Content-Encoding for a body that is already encoded (the gzip bomb)
 * @param gzip            compress {@code body} on the fly and say so
 * @param generatedLength when positive, stream that many filler bytes instead of {@code body}
 * @param declareLength   send Content-Length for the filler (else chunked)
 */
public record FeedRoute(int status, byte[] body, String contentType, String location, String contentEncoding,
                        boolean gzip, boolean etag, boolean lastModified, Duration headerDelay, int trickleChunk,
                        Duration tricklePause, long generatedLength, boolean declareLength) {

    /** 200 with the body, ETag and Last-Modified. */
    public static FeedRoute ok(byte[] body, String contentType) {
        return new FeedRoute(200, body, contentType, null, null, false, true, true, Duration.ZERO, 0, Duration.ZERO,
                0, false);
    }

    /** A bare status (404, 500...) without body. */
    public static FeedRoute status(int status) {
        return new FeedRoute(status, new byte[0], null, null, null, false, false, false, Duration.ZERO, 0,
                Duration.ZERO, 0, false);
    }

    public static FeedRoute redirect(int status, String location) {
        return new FeedRoute(status, new byte[0], null, location, null, false, false, false, Duration.ZERO, 0,
                Duration.ZERO, 0, false);
    }

    /** {@code uncompressed} zero bytes gzipped (about 1000:1), declared as Content-Encoding gzip. */
    public static FeedRoute gzipBomb(long uncompressed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
            byte[] zeros = new byte[1 << 16];
            for (long written = 0; written < uncompressed; written += zeros.length) {
                gzip.write(zeros, 0, (int) Math.min(zeros.length, uncompressed - written));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FeedRoute(200, out.toByteArray(), "application/rss+xml", null, "gzip", false, false, false,
                Duration.ZERO, 0, Duration.ZERO, 0, false);
    }

    /** {@code length} bytes of XML comments, with or without a Content-Length header. */
    public static FeedRoute oversized(long length, boolean declareLength) {
        return new FeedRoute(200, new byte[0], "application/rss+xml", null, null, false, false, false, Duration.ZERO,
                0, Duration.ZERO, length, declareLength);
    }

    public FeedRoute withGzip() {
        return new FeedRoute(status, body, contentType, location, contentEncoding, true, etag, lastModified,
                headerDelay, trickleChunk, tricklePause, generatedLength, declareLength);
    }

    /** Which validators the server sends and honours. */
    public FeedRoute withValidators(boolean sendEtag, boolean sendLastModified) {
        return new FeedRoute(status, body, contentType, location, contentEncoding, gzip, sendEtag, sendLastModified,
                headerDelay, trickleChunk, tricklePause, generatedLength, declareLength);
    }

    /** Waits before sending the status line and headers. */
    public FeedRoute withHeaderDelay(Duration delay) {
        return new FeedRoute(status, body, contentType, location, contentEncoding, gzip, etag, lastModified, delay,
                trickleChunk, tricklePause, generatedLength, declareLength);
    }

    /** Sends headers at once, then the body {@code chunk} bytes at a time with a pause after each. */
    public FeedRoute withTrickle(int chunk, Duration pause) {
        return new FeedRoute(status, body, contentType, location, contentEncoding, gzip, etag, lastModified,
                headerDelay, chunk, pause, generatedLength, declareLength);
    }
}
