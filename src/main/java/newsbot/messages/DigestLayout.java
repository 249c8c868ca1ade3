package newsbot.messages;

import newsbot.html.Html;
import newsbot.html.Limits;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * How one reader's digest looks: built by the bot from the reader's language bundle, the configured
 * category order and the reader's zone. All texts are plain (the composer escapes them).
 *
 * @param header          first line of the first part, shown bold; empty for none
 * @param categoryOrder   categories in display order; items of other categories are left out
 * @param maxPerCategory  items shown per category before the "and N more" line
 * @param withSummaries   whether a summary line follows each title
 * @param summaryMaxChars where {@link DigestComposer#compose} cuts summaries (a {@link RenderedItem} is cut when rendered)
 * @param zone            the reader's zone, for the publication times shown
 */
public record DigestLayout(String header, List<CategoryHeading> categoryOrder, int maxPerCategory,
                           boolean withSummaries, int summaryMaxChars, Labels labels, ZoneId zone) {

    static final int MAX_HEADER = 200;
    static final int MIN_SUMMARY = 16;
    static final int MAX_SUMMARY = 1000;

    public DigestLayout {
        header = Limits.requireText("header", header, 0, MAX_HEADER);
        categoryOrder = List.copyOf(categoryOrder);
        if (maxPerCategory < 1) {
            throw new IllegalArgumentException("maxPerCategory must be at least 1, got " + maxPerCategory);
        }
        if (summaryMaxChars < MIN_SUMMARY || summaryMaxChars > MAX_SUMMARY) {
            throw new IllegalArgumentException("summaryMaxChars must be " + MIN_SUMMARY + " to " + MAX_SUMMARY
                    + ", got " + summaryMaxChars);
        }
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * Localized texts of a digest, straight from a resource bundle.
     *
     * @param continued shown after a category heading repeated in the next part, e.g. {@code "(продолжение)"}
     * @param more      the line after a capped category: {@code %d} is replaced by the number left out and
     *                  {@code %s} by the category slug, e.g. {@code "и ещё %d — /latest %s"}
     */
    public record Labels(String continued, String more) {

        static final int MAX_CONTINUED = 32;
        static final int MAX_MORE = 96;

        public Labels {
            continued = Limits.requireText("continued", continued, 0, MAX_CONTINUED);
            more = Limits.requireText("more", more, 1, MAX_MORE);
            if (!more.contains("%d")) {
                throw new IllegalArgumentException("more must contain %d for the number of items left out: " + more);
            }
        }

        /** Appends the escaped "and N more" line; a hand-rolled substitution because {@code String.format} parses with a regex. */
        StringBuilder appendMore(StringBuilder out, int count, String slug) {
            int n = more.length();
            int literalStart = 0;
            for (int i = 0; i < n - 1; i++) {
                if (more.charAt(i) != '%') {
                    continue;
                }
                char kind = more.charAt(i + 1);
                if (kind == 'd' || kind == 's' || kind == '%') {
                    Html.appendEscaped(out, more.subSequence(literalStart, i));
                    if (kind == 'd') {
                        out.append(count);
                    } else if (kind == 's') {
                        Html.appendEscaped(out, slug);
                    } else {
                        out.append('%');
                    }
                    i++;
                    literalStart = i + 1;
                }
            }
            return Html.appendEscaped(out, more.subSequence(literalStart, n));
        }
    }
}
