package newsbot.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on one feed fetch.
 *
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param readTimeout    the longest one request may take, from sending it to the last body byte
 * @param maxRedirects   redirects followed before giving up
 * @param maxBytes       the largest body accepted, counted after decompression
 * @param userAgent      the User-Agent header naming the bot
 */
public record FetchLimits(Duration connectTimeout, Duration readTimeout, int maxRedirects, long maxBytes,
                          String userAgent) {

    public FetchLimits {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout must be positive: " + readTimeout);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
        }
        if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE - 8) {
            // The body ends up in one byte[], so it must fit in an array.
            throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
        }
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
    }

    /** 10 s to connect, 20 s per request, 5 redirects, 5 MiB, a User-Agent naming the bot. */
    public static FetchLimits defaults() {
        return new FetchLimits(Duration.ofSeconds(10), Duration.ofSeconds(20), 5, 5L << 20,
                "newsbot/1.0 (+https://t.me)");
    }
}
