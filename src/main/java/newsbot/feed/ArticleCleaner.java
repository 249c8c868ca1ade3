package newsbot.feed;

import newsbot.html.Html;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Makes untrusted {@link RawItem}s safe to show: plain-text title and summary, http(s) links, markers noted. */
public final class ArticleCleaner {

    // Long enough for any real headline; a hostile 100 KB title must not reach message composition.
    private static final int TITLE_MAX_CHARS = 300;
    // A title made from the summary: roughly the first dozen words.
    private static final int TITLE_FROM_SUMMARY_CHARS = 80;

    private final int summaryMaxChars;
    private final BreakingMarkers markers;
    private final FullTextCleaner fullText = new FullTextCleaner();

    /**
     * @param summaryMaxChars the longest summary kept, "…" included
     * @param breakingMarkers case-sensitive markers such as "СРОЧНО", "BREAKING", "⚡"
     */
    public ArticleCleaner(int summaryMaxChars, List<String> breakingMarkers) {
        if (summaryMaxChars < 1) {
            throw new IllegalArgumentException("summaryMaxChars must be positive: " + summaryMaxChars);
        }
        this.summaryMaxChars = summaryMaxChars;
        this.markers = new BreakingMarkers(Objects.requireNonNull(breakingMarkers, "breakingMarkers"));
    }

    /**
     * Cleans one item; empty when it has neither a title nor a summary worth showing.
     *
     * @param feedLink the base for relative links and the stand-in for unsafe ones: the feed's home page if it
     *                 is absolute, else the URL the feed was fetched from
     */
    public Optional<CleanItem> clean(RawItem item, String feedLink) {
        String fullSummary = PlainText.of(item.descriptionHtml());
        String summary = Html.cut(fullSummary, summaryMaxChars);
        BreakingMarkers.Stripped stripped = markers.strip(PlainText.of(item.title()));
        String title = Html.cut(stripped.title(), TITLE_MAX_CHARS);
        if (title.isEmpty()) {
            if (fullSummary.isEmpty()) {
                return Optional.empty();
            }
            title = Html.cut(fullSummary, TITLE_FROM_SUMMARY_CHARS);
        }
        Optional<URI> own = WebUrls.resolve(item.link(), feedLink);
        String url = own.map(URI::toString)
                .orElseGet(() -> WebUrls.parseAbsolute(feedLink).map(URI::toString).orElse(null));
        String guid = item.guid() == null || item.guid().isBlank() ? null : item.guid().strip();
        // Relative pictures and links in the text are relative to the article, not to the feed.
        String base = url != null ? url : feedLink;
        String image = WebUrls.resolve(item.imageUrl(), base).map(URI::toString).orElse(null);
        return Optional.of(new CleanItem(title, summary, url, stripped.hadMarker(), categories(item.categories()),
                item.publishedAt(), guid, own.isEmpty(), image, fullText.clean(item.fullTextHtml(), base)));
    }

    private static List<String> categories(List<String> raw) {
        Set<String> names = new LinkedHashSet<>();
        for (String category : raw) {
            String name = PlainText.of(category);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }
}
