package newsbot.messages;

import java.util.function.Supplier;
import newsbot.html.Html;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * Turns articles into Telegram-HTML messages: digests (split into parts of at most 4096 UTF-16 units, only
 * between lines), breaking alerts and {@code /latest} or {@code /search} lists. Pure and stateless.
 *
 * <p>For many readers, render each article once with {@link #render} and pass the {@link RenderedItem}s to
 * {@link #composeRendered}: escaping and cutting happen once per article, and per reader only the grouping,
 * the local time and the appending remain.
 */
public final class DigestComposer {

    /** Titles longer than this are cut: a headline, not an article. */
    static final int MAX_TITLE = 200;
    /** Upper bound of a rendered item's link plus summary HTML; see {@link Limits} for why it fits a part. */
    static final int MAX_ITEM_HTML = 2000;

    private static final String BULLET = "\u2022 ";
    private static final Comparator<RenderedItem> NEWEST_FIRST = Comparator
            .comparing((RenderedItem r) -> r.item().publishedAt())
            .thenComparingLong(r -> r.item().articleId())
            .reversed();

    /** The bot's @username for each item's deep link; blank: no links (the bot's name is not known yet). */
    private final Supplier<String> readLinkBot;

    /** Items without a "read in Telegram" link. */
    public DigestComposer() {
        this(() -> "");
    }

    /**
     * Items followed by 📖, the deep link {@code https://t.me/<bot>?start=r<id>} that sends the article to read in
     * Telegram (language-neutral, so an item is rendered once for every reader; it also works from a forwarded
     * copy).
     */
    public DigestComposer(Supplier<String> readLinkBot) {
        this.readLinkBot = readLinkBot;
    }

    /**
     * Escapes and cuts one article's line once, for reuse in every reader's digest. Summaries are cut at
     * {@code summaryMaxChars} (kept within the bounds of {@link DigestLayout}); 0 or less renders none.
     */
    public RenderedItem render(DigestItem item, int summaryMaxChars) {
        String title = titleText(item);
        String read = readLink(item.articleId());
        String link = linkHtml(item, title, MAX_ITEM_HTML - read.length()) + read;
        String summary = summaryMaxChars <= 0 ? "" : Html.plain(item.summary());
        int max = Math.min(Math.max(summaryMaxChars, DigestLayout.MIN_SUMMARY), DigestLayout.MAX_SUMMARY);
        String summaryHtml = summary.isEmpty() || summary.equalsIgnoreCase(title)
                ? ""
                : Html.escape(Html.cut(summary, max));
        if (link.length() + 1 + summaryHtml.length() > MAX_ITEM_HTML) {
            summaryHtml = "";
        }
        return new RenderedItem(item, link, summaryHtml);
    }

    /** A reader's digest: empty when none of the items belongs to a category of the layout. */
    public List<String> compose(List<DigestItem> items, DigestLayout layout) {
        List<RenderedItem> rendered = new ArrayList<>(items.size());
        for (DigestItem item : items) {
            rendered.add(render(item, layout.withSummaries() ? layout.summaryMaxChars() : 0));
        }
        return composeRendered(rendered, layout);
    }

    /**
     * A reader's digest from pre-rendered items: grouped by category in the layout's order, newest first,
     * at most {@code maxPerCategory} each and then an "and N more" line. Empty when nothing is to be sent.
     */
    public List<String> composeRendered(List<RenderedItem> items, DigestLayout layout) {
        return compose(items, null, layout);
    }

    /**
     * {@link #composeRendered} for a caller that picks each category's newest items itself, so that hundreds of
     * unseen items per reader need not be handed over only to be counted: {@code items} may hold just the ones to
     * show, and {@code unseen} tells, per category slug, how many there are in all, for the "and N more" line (a
     * count below the number of items given is taken as that number).
     */
    public List<String> composeCounted(List<RenderedItem> items, ToIntFunction<String> unseen, DigestLayout layout) {
        return compose(items, Objects.requireNonNull(unseen, "unseen"), layout);
    }

    private List<String> compose(List<RenderedItem> items, ToIntFunction<String> unseen, DigestLayout layout) {
        List<CategoryHeading> order = layout.categoryOrder();
        List<List<RenderedItem>> buckets = new ArrayList<>(order.size());
        boolean any = false;
        for (int i = 0; i < order.size(); i++) {
            buckets.add(null);
        }
        for (RenderedItem item : items) {
            int index = indexOf(order, item.item().category());
            if (index >= 0) {
                List<RenderedItem> bucket = buckets.get(index);
                if (bucket == null) {
                    bucket = new ArrayList<>();
                    buckets.set(index, bucket);
                }
                bucket.add(item);
                any = true;
            }
        }
        if (!any) {
            return List.of();
        }
        PartWriter writer = new PartWriter();
        if (!layout.header().isEmpty()) {
            writer.header(bold(new StringBuilder(), layout.header()));
        }
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < order.size(); i++) {
            List<RenderedItem> bucket = buckets.get(i);
            if (bucket != null) {
                writeSection(writer, order.get(i), bucket, unseen, layout, line);
            }
        }
        return writer.finish();
    }

    /**
     * A breaking alert: marker, bold linked title, the category in italics, and a short summary after a blank
     * line; at most 4096 units (the summary, then the link, give way if it would be longer).
     */
    public String composeBreaking(DigestItem item, String categoryName, BreakingLabels labels) {
        return ShortMessages.breaking(item, categoryName, labels);
    }

    /**
     * A numbered list for {@code /latest} or {@code /search}, in the given order: linked title, category name
     * (the slug when not in {@code categories}) and local date and time. The heading is plain text (it may
     * hold the reader's query) and shown bold; items that do not fit in one message are replaced by "…".
     * With no items it is the heading alone: the bot should say "nothing found" instead.
     */
    public String composeList(List<DigestItem> items, String heading, List<CategoryHeading> categories, ZoneId zone) {
        return ShortMessages.list(items, heading, categories, zone);
    }

    /** {@link #composeList(List, String, List, ZoneId)} numbered from {@code first}, for a later page. */
    public String composeList(List<DigestItem> items, String heading, List<CategoryHeading> categories, ZoneId zone,
                              int first) {
        return ShortMessages.list(items, heading, categories, zone, first);
    }

    private static void writeSection(PartWriter writer, CategoryHeading category, List<RenderedItem> bucket,
                                     ToIntFunction<String> unseen, DigestLayout layout, StringBuilder line) {
        bucket.sort(NEWEST_FIRST);
        dropRepeats(bucket);
        int total = unseen == null ? bucket.size() : Math.max(bucket.size(), unseen.applyAsInt(category.slug()));
        String heading = bold(new StringBuilder(), category.displayName()).toString();
        StringBuilder continued = new StringBuilder(heading);
        if (!layout.labels().continued().isEmpty()) {
            Html.appendEscaped(continued.append(" <i>"), layout.labels().continued()).append("</i>");
        }
        int shown = Math.min(bucket.size(), layout.maxPerCategory());
        for (int j = 0; j < shown; j++) {
            appendItemLine(line, bucket.get(j), layout);
            if (j == 0) {
                writer.openSection(heading, line);
            } else {
                writer.addLine(line, continued);
            }
        }
        if (total > shown) {
            line.setLength(0);
            writer.addLine(layout.labels().appendMore(line, total - shown, category.slug()), continued);
        }
    }

    private static void appendItemLine(StringBuilder line, RenderedItem item, DigestLayout layout) {
        line.setLength(0);
        line.append(BULLET);
        Html.appendClock(line, item.item().publishedAt(), layout.zone()).append(' ').append(item.linkHtml());
        if (layout.withSummaries() && !item.summaryHtml().isEmpty()) {
            line.append('\n').append(item.summaryHtml());
        }
    }

    /** An article given twice (two feeds, a caller's join) is shown once; after sorting, repeats are adjacent. */
    private static void dropRepeats(List<RenderedItem> sorted) {
        int kept = 0;
        for (int i = 0; i < sorted.size(); i++) {
            RenderedItem item = sorted.get(i);
            if (kept == 0 || sorted.get(kept - 1).item().articleId() != item.item().articleId()) {
                sorted.set(kept++, item);
            }
        }
        sorted.subList(kept, sorted.size()).clear();
    }

    /** " 📖" linked to the article's deep link, or '' without a bot name. */
    private String readLink(long articleId) {
        String bot = readLinkBot.get();
        return bot == null || bot.isBlank() ? ""
                : " " + Html.link(ReadInTelegram.deepLink(bot, articleId), "\uD83D\uDCD6");
    }

    /** The title as shown: plain, cut; an untitled item shows its URL, or a dash. */
    static String titleText(DigestItem item) {
        String title = Html.cut(Html.plain(item.title()), MAX_TITLE);
        if (!title.isEmpty()) {
            return title;
        }
        return Html.isWebUrl(item.url()) ? Html.cut(item.url(), MAX_TITLE) : "\u2014";
    }

    /** The title linked to the article; escaped text alone when the URL is not http(s) or too long for the bound. */
    static String linkHtml(DigestItem item, String title) {
        return linkHtml(item, title, MAX_ITEM_HTML);
    }

    private static String linkHtml(DigestItem item, String title, int max) {
        String link = Html.appendLink(new StringBuilder(title.length() + 64), item.url(), title).toString();
        return link.length() <= max ? link : Html.escape(title);
    }

    static StringBuilder bold(StringBuilder out, String text) {
        return Html.appendEscaped(out.append("<b>"), text).append("</b>");
    }

    private static int indexOf(List<CategoryHeading> order, String slug) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).slug().equals(slug)) {
                return i;
            }
        }
        return -1;
    }
}
