package newsbot.digest;

import newsbot.messages.CategoryHeading;
import newsbot.messages.DigestLayout;
import newsbot.messages.Texts;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import newsbot.config.Category;

/**
 * Digest layouts per language and time zone, built from the bundles once and shared: there are a handful of
 * combinations and 100,000 readers. Every configured category is in the order; a digest only shows those that
 * have items, and the reader's items are of their categories only.
 */
public final class DigestLayouts {

    private final Texts texts;
    private final List<Category> categories;
    private final DigestOptions options;
    private final String headerKey;
    private final Map<Key, DigestLayout> built = new ConcurrentHashMap<>();

    private record Key(String language, ZoneId zone, boolean channel) {
    }

    DigestLayouts(Texts texts, List<Category> categories, DigestOptions options) {
        this(texts, categories, options, "digest.header");
    }

    /** @param headerKey the bundle key of the digest's first line ("what's new today" for a first digest) */
    DigestLayouts(Texts texts, List<Category> categories, DigestOptions options, String headerKey) {
        this.headerKey = headerKey;
        this.texts = texts;
        this.categories = List.copyOf(categories);
        this.options = options;
    }

    public DigestLayout of(String language, ZoneId zone) {
        return of(language, zone, false);
    }

    /**
     * @param channel for a channel: its "and N more" line names no command, since nobody in a channel can send one
     */
    public DigestLayout of(String language, ZoneId zone, boolean channel) {
        return built.computeIfAbsent(new Key(language, zone, channel), k -> build(language, zone, channel));
    }

    private DigestLayout build(String language, ZoneId zone, boolean channel) {
        List<CategoryHeading> order = new ArrayList<>();
        for (Category c : categories) {
            order.add(new CategoryHeading(c.slug(), c.displayName(language)));
        }
        // No arguments: the patterns come back raw, %d and %s are filled in by the composer.
        DigestLayout.Labels labels = new DigestLayout.Labels(texts.get(language, "digest.continued"),
                texts.get(language, channel ? "digest.more.channel" : "digest.more"));
        return new DigestLayout(texts.get(language, headerKey), order, options.maxPerCategory(),
                options.withSummaries(), options.summaryMaxChars(), labels, zone);
    }
}
