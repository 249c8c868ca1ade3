package newsbot.messages;

/**
 * An article's digest line, escaped once by {@link DigestComposer#render} and reused for every reader who
 * gets the article (the reader's local time is added per reader). A class rather than a record so that only
 * the composer can make one: its HTML is trusted as already safe.
 */
public final class RenderedItem {

    private final DigestItem item;
    private final String linkHtml;
    private final String summaryHtml;

    RenderedItem(DigestItem item, String linkHtml, String summaryHtml) {
        this.item = item;
        this.linkHtml = linkHtml;
        this.summaryHtml = summaryHtml;
    }

    public DigestItem item() {
        return item;
    }

    /** The title as a link (or escaped text when the URL is not http(s)). */
    String linkHtml() {
        return linkHtml;
    }

    /** The escaped, cut summary; empty when there is none worth showing. */
    String summaryHtml() {
        return summaryHtml;
    }
}
