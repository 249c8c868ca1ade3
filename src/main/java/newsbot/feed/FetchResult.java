package newsbot.feed;

/** What one conditional GET of a feed URL produced. */
public sealed interface FetchResult {

    /** 304: the feed is unchanged since the validators that were sent; no body was read. */
    record NotModified(int status) implements FetchResult {}

    /**
     * A 2xx answer with its (decompressed) body.
     *
     * @param contentType the {@code Content-Type} header verbatim, or null; the parser needs its charset
     * @param validators  what to send next time
     * @param finalUrl    the URL after redirects
     */
    record Fetched(int status, byte[] body, String contentType, Validators validators, String finalUrl)
            implements FetchResult {}

    /** Nothing usable: the reason, for backoff and the feed-health report. */
    record Failed(FeedError error) implements FetchResult {}
}
