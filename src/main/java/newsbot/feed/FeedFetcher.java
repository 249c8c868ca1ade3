package newsbot.feed;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Conditional GET of one feed URL with timeouts, bounded redirects, gzip and a size cap; never throws on I/O. */
public final class FeedFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(FeedFetcher.class);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String ACCEPT =
            "application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.1";
    private static final String ACCEPT_PAGE = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";

    private final HttpClient client;
    private final FetchLimits limits;

    /** The client should not follow redirects itself: this class does, with a bound and a scheme check per hop. */
    public FeedFetcher(HttpClient client, FetchLimits limits) {
        this.client = Objects.requireNonNull(client, "client");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** A fetcher with its own client built by {@link #httpClient(FetchLimits)}. */
    public static FeedFetcher create(FetchLimits limits) {
        return new FeedFetcher(httpClient(limits), limits);
    }

    /** An HttpClient suited to this fetcher: connect timeout, HTTP/1.1, no automatic redirects. */
    public static HttpClient httpClient(FetchLimits limits) {
        return HttpClient.newBuilder()
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // One request per feed gains nothing from HTTP/2, and h2c upgrades confuse some servers.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Fetches {@code url}, sending the previous validators; network and HTTP problems come back as
     * {@link FetchResult.Failed}, never as exceptions.
     *
     * @throws InterruptedException if the calling thread is interrupted; the request is cancelled first
     */
    public FetchResult fetch(String url, Validators previous) throws InterruptedException {
        return fetch(url, previous, ACCEPT);
    }

    /**
     * Fetches an article page, with the same limits, redirects and politeness as a feed; no validators (a page is
     * fetched once).
     *
     * @throws InterruptedException if the calling thread is interrupted; the request is cancelled first
     */
    public FetchResult fetchPage(String url) throws InterruptedException {
        return fetch(url, Validators.NONE, ACCEPT_PAGE);
    }

    private FetchResult fetch(String url, Validators previous, String accept) throws InterruptedException {
        Validators validators = previous == null ? Validators.NONE : previous;
        Optional<URI> start = WebUrls.parseAbsolute(url);
        if (start.isEmpty()) {
            return failed(url, new FeedError.BadUrl("not an absolute http(s) URL: " + url));
        }
        URI current = start.get();
        for (int redirects = 0; ; redirects++) {
            HttpResponse<byte[]> response;
            try {
                response = exchange(current, validators, accept);
            } catch (HopFailure failure) {
                return failed(url, failure.error);
            }
            int status = response.statusCode();
            if (status == 304) {
                LOG.debug("{}: 304 not modified", url);
                return new FetchResult.NotModified(status);
            }
            if (REDIRECTS.contains(status)) {
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    return failed(url, new FeedError.HttpStatus(status));
                }
                if (redirects >= limits.maxRedirects()) {
                    return failed(url, new FeedError.TooManyRedirects());
                }
                Optional<URI> next = WebUrls.resolve(current, location.get());
                if (next.isEmpty()) {
                    return failed(url, new FeedError.BadUrl("redirect to a non-http(s) URL: " + location.get()));
                }
                LOG.debug("{}: {} redirect to {}", url, status, next.get());
                current = next.get();
                continue;
            }
            if (status < 200 || status > 299) {
                return failed(url, new FeedError.HttpStatus(status));
            }
            return body(url, current, response);
        }
    }

    private FetchResult body(String url, URI finalUri, HttpResponse<byte[]> response) {
        HttpHeaders headers = response.headers();
        byte[] body = response.body();
        String encoding = headers.firstValue("Content-Encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        try {
            switch (encoding) {
                case "gzip", "x-gzip" -> body = CappedBody.gunzip(body, limits.maxBytes());
                case "identity", "" -> { }
                default -> {
                    return failed(url, new FeedError.Network("unsupported Content-Encoding " + encoding));
                }
            }
        } catch (CappedBody.TooLargeException e) {
            return failed(url, new FeedError.TooLarge(limits.maxBytes()));
        } catch (IOException e) {
            return failed(url, new FeedError.Malformed("corrupt gzip body: " + e.getMessage()));
        }
        Validators next = new Validators(headers.firstValue("ETag").orElse(null),
                headers.firstValue("Last-Modified").orElse(null));
        LOG.debug("{}: {} with {} bytes from {}", url, response.statusCode(), body.length, finalUri);
        return new FetchResult.Fetched(response.statusCode(), body, headers.firstValue("Content-Type").orElse(null),
                next, finalUri.toString());
    }

    // One request/response; the whole of it (headers and body) must finish within the read timeout.
    private HttpResponse<byte[]> exchange(URI uri, Validators validators, String accept)
            throws HopFailure, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> future;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                    .GET()
                    .timeout(limits.readTimeout())
                    .header("User-Agent", limits.userAgent())
                    .header("Accept", accept)
                    .header("Accept-Encoding", "gzip");
            if (validators.etag() != null) {
                builder.header("If-None-Match", validators.etag());
            }
            if (validators.lastModified() != null) {
                builder.header("If-Modified-Since", validators.lastModified());
            }
            future = client.sendAsync(builder.build(), bodyHandler());
        } catch (IllegalArgumentException e) {
            // A URL the client rejects (e.g. an IDN host) or a stored validator with forbidden characters.
            throw new HopFailure(new FeedError.BadUrl(e.getMessage()));
        }
        try {
            return future.get(limits.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (TimeoutException e) {
            // A trickling server keeps the exchange alive forever: cancelling aborts it and closes the socket.
            future.cancel(true);
            throw new HopFailure(new FeedError.Timeout());
        } catch (ExecutionException e) {
            throw new HopFailure(classify(e.getCause()));
        }
    }

    private BodyHandler<byte[]> bodyHandler() {
        return info -> {
            if (info.statusCode() < 200 || info.statusCode() > 299) {
                return CappedBody.none();
            }
            // Compressed bytes are capped at the same limit; the decompressed size is checked again later.
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return declared > limits.maxBytes() ? CappedBody.refused(limits.maxBytes())
                    : CappedBody.upTo(limits.maxBytes());
        };
    }

    private FeedError classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CappedBody.TooLargeException) {
                return new FeedError.TooLarge(limits.maxBytes());
            }
            if (t instanceof HttpTimeoutException) {
                return new FeedError.Timeout();
            }
            if (t instanceof ConnectException) {
                return new FeedError.Network("connection refused or unreachable");
            }
            if (t instanceof SSLException) {
                return new FeedError.Network("TLS: " + t.getMessage());
            }
        }
        String message = error == null ? null : error.getMessage();
        return new FeedError.Network(error == null ? "unknown"
                : error.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }

    private FetchResult failed(String url, FeedError error) {
        LOG.debug("{}: {}", url, error.describe());
        return new FetchResult.Failed(error);
    }

    /** Ends one hop early with a known error; never escapes this class. */
    private static final class HopFailure extends Exception {
        final transient FeedError error;

        HopFailure(FeedError error) {
            super(null, null, false, false);
            this.error = error;
        }
    }
}
