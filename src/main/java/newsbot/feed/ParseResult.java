package newsbot.feed;

import java.util.List;

/** What {@link FeedParser} made of a fetched body. */
public sealed interface ParseResult {

    /**
     * A feed with its entries in document order (duplicates included; dedup happens on storage).
     *
     * @param feedTitle the channel title, or null
     * @param feedLink  the channel's home page link as written (may be relative or null)
     * @param hubs      the WebSub hubs the feed names ({@code <link rel="hub">}, Atom or RSS), absolute http(s)
     */
    record Parsed(List<RawItem> items, String feedTitle, String feedLink, List<String> hubs) implements ParseResult {
        public Parsed {
            items = List.copyOf(items);
            hubs = List.copyOf(hubs);
        }

        public Parsed(List<RawItem> items, String feedTitle, String feedLink) {
            this(items, feedTitle, feedLink, List.of());
        }
    }

    /** The body is not a usable feed. */
    record Failed(FeedError error) implements ParseResult {}
}
