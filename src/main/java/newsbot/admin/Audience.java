package newsbot.admin;

import java.util.Locale;
import java.util.Optional;
import newsbot.store.AudienceFilter;

/**
 * Who a broadcast goes to, as the admin wrote it: {@code all}, {@code cat=<slug>} or {@code lang=<ru|en>}.
 * Only active readers are ever included (see {@code BroadcastsRepo}).
 */
record Audience(String category, String language) {

    static final Audience ALL = new Audience(null, null);

    /** Whether a word is meant as an audience rather than as the first word of the text. */
    static boolean isAudienceToken(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.equals("all") || w.startsWith("cat=") || w.startsWith("lang=");
    }

    /** Parses an audience token; empty when it is not one. Whether the category exists is checked by the caller. */
    static Optional<Audience> parse(String word) {
        String w = word.strip();
        String lower = w.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.equals("all")) {
            return Optional.of(ALL);
        }
        if (lower.startsWith("cat=") && lower.length() > 4) {
            return Optional.of(new Audience(lower.substring(4), null));
        }
        if (lower.startsWith("lang=") && lower.length() > 5) {
            return Optional.of(new Audience(null, lower.substring(5)));
        }
        return Optional.empty();
    }

    /** The stored form, which {@link #parse} reads back. */
    String stored() {
        if (category != null) {
            return "cat=" + category;
        }
        return language != null ? "lang=" + language : "all";
    }

    AudienceFilter filter() {
        return new AudienceFilter(category, language);
    }
}
