package newsbot.messages;

import newsbot.html.Html;

import java.time.ZoneId;
import java.util.List;

/** The one-message texts behind {@link DigestComposer#composeBreaking} and {@link DigestComposer#composeList}. */
final class ShortMessages {

    /** "One or two lines" of summary under a breaking title. */
    static final int BREAKING_SUMMARY = 280;
    private static final int MAX_CATEGORY = CategoryHeading.MAX_NAME;
    private static final int MAX_LIST_HEADING = 256;
    private static final String MORE = "\n\u2026";

    private ShortMessages() {
    }

    static String breaking(DigestItem item, String categoryName, BreakingLabels labels) {
        String title = DigestComposer.titleText(item);
        String category = Html.cut(Html.plain(categoryName), MAX_CATEGORY);
        String summary = Html.plain(item.summary());
        summary = summary.equalsIgnoreCase(title) ? "" : Html.cut(summary, BREAKING_SUMMARY);
        // Escaping can grow text sixfold; if hostile text makes it too long, the summary goes first, then the link.
        String text = breaking(labels, title, item.url(), category, summary);
        if (text.length() > Html.MAX_MESSAGE) {
            text = breaking(labels, title, item.url(), category, "");
        }
        if (text.length() > Html.MAX_MESSAGE) {
            text = breaking(labels, title, "", category, "");
        }
        return text;
    }

    private static String breaking(BreakingLabels labels, String title, String url, String category, String summary) {
        StringBuilder out = new StringBuilder(256 + title.length() + summary.length());
        if (!labels.marker().isEmpty()) {
            Html.appendEscaped(out, labels.marker()).append(' ');
        }
        Html.appendLink(out.append("<b>"), url, title).append("</b>");
        if (!category.isEmpty()) {
            Html.appendEscaped(out.append("\n<i>"), category).append("</i>");
        }
        if (!summary.isEmpty()) {
            Html.appendEscaped(out.append("\n\n"), summary);
        }
        return out.toString();
    }

    static String list(List<DigestItem> items, String heading,
                       List<CategoryHeading> categories, ZoneId zone) {
        return list(items, heading, categories, zone, 1);
    }

    /** {@link #list} numbered from {@code first}: a later page of search results goes on counting. */
    static String list(List<DigestItem> items, String heading,
                       List<CategoryHeading> categories, ZoneId zone, int first) {
        StringBuilder out = new StringBuilder(1024);
        String shownHeading = Html.cut(Html.plain(heading), MAX_LIST_HEADING);
        if (!shownHeading.isEmpty()) {
            DigestComposer.bold(out, shownHeading);
        }
        int headingLength = out.length();
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < items.size(); i++) {
            DigestItem item = items.get(i);
            line.setLength(0);
            line.append(first + i).append(". ").append(DigestComposer.linkHtml(item, DigestComposer.titleText(item)));
            Html.appendEscaped(line.append(" \u2014 <i>"), categoryName(categories, item.category()))
                    .append(", ");
            Html.appendDateClock(line, item.publishedAt(), zone).append("</i>");
            // A blank line under the heading, as in digests.
            String separator = out.length() == 0 ? "" : out.length() == headingLength ? "\n\n" : "\n";
            // Room is kept for the "…" line, so a cut list still fits.
            if (out.length() + separator.length() + line.length() + MORE.length() > Html.MAX_MESSAGE) {
                out.append(out.length() == 0 ? MORE.substring(1) : MORE);
                break;
            }
            out.append(separator).append(line);
        }
        return out.toString();
    }

    private static String categoryName(List<CategoryHeading> categories, String slug) {
        for (CategoryHeading category : categories) {
            if (category.slug().equals(slug)) {
                return category.displayName();
            }
        }
        return Html.cut(Html.plain(slug), MAX_CATEGORY);
    }
}
