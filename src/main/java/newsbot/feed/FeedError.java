package newsbot.feed;

import newsbot.html.Html;

/** Why a feed could not be fetched or parsed; {@link #describe()} is a one-line text for operators. */
public sealed interface FeedError {

    /** One line, no stack trace: what went wrong, fit for logs and the {@code /feeds} report. */
    String describe();

    /** The server answered with a status that is neither 2xx, 304 nor a followed redirect. */
    record HttpStatus(int status) implements FeedError {
        @Override
        public String describe() {
            return "HTTP status " + status;
        }
    }

    /** Connecting, waiting for headers or receiving the body took longer than the configured limit. */
    record Timeout() implements FeedError {
        @Override
        public String describe() {
            return "timed out";
        }
    }

    /** The body (after decompression) exceeded the size cap. */
    record TooLarge(long limit) implements FeedError {
        @Override
        public String describe() {
            return "response larger than the limit of " + bytes(limit);
        }
    }

    /** Connection refused, reset, DNS, TLS or any other I/O failure. */
    record Network(String detail) implements FeedError {
        public Network {
            detail = oneLine(detail);
        }

        @Override
        public String describe() {
            return "network error: " + detail;
        }
    }

    /** The URL (configured or from a redirect) is not an absolute http(s) URL. */
    record BadUrl(String detail) implements FeedError {
        public BadUrl {
            detail = oneLine(detail);
        }

        @Override
        public String describe() {
            return "bad URL: " + detail;
        }
    }

    /** More redirects than allowed, or a redirect loop. */
    record TooManyRedirects() implements FeedError {
        @Override
        public String describe() {
            return "too many redirects";
        }
    }

    /** A readable document that is not RSS or Atom, typically an HTML page. */
    record NotAFeed(String detail) implements FeedError {
        public NotAFeed {
            detail = oneLine(detail);
        }

        @Override
        public String describe() {
            return "not a feed: " + detail;
        }
    }

    /** Broken XML or encoding, or XML refused for safety (DOCTYPE, external entities, entity expansion). */
    record Malformed(String detail) implements FeedError {
        public Malformed {
            detail = oneLine(detail);
        }

        @Override
        public String describe() {
            return "malformed feed: " + detail;
        }
    }

    // Details come from exception messages of libraries and servers: keep them to one short line.
    private static String oneLine(String text) {
        String line = Html.oneLine(text, 300);
        return line.isEmpty() ? "unknown" : line;
    }

    private static String bytes(long n) {
        if (n >= 1 << 20 && n % (1 << 20) == 0) {
            return (n >> 20) + " MiB";
        }
        if (n >= 1 << 10 && n % (1 << 10) == 0) {
            return (n >> 10) + " KiB";
        }
        return n + " bytes";
    }
}
