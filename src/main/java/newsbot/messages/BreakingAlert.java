package newsbot.messages;

import java.util.List;
import newsbot.config.Category;

/**
 * The one breaking alert, whoever raised it (a feed, a marker in the title, an editor's {@code /breaking}): the
 * marker of the reader's language, the title as a link, the category and a short summary, sent with its link
 * preview. One text per language; the caller enqueues it for every reader of that language.
 */
public final class BreakingAlert {

    /** Alerts show the article's link preview: a picture and the site's name say more than the title alone. */
    public static final boolean LINK_PREVIEW = true;

    private final Texts texts;
    private final List<Category> categories;
    private final DigestComposer composer = new DigestComposer();

    public BreakingAlert(Texts texts, List<Category> categories) {
        this.texts = texts;
        this.categories = List.copyOf(categories);
    }

    /** The alert's HTML in {@code language}; {@code item.category()} is the slug it is shown under. */
    public String compose(DigestItem item, String language) {
        return composer.composeBreaking(item, categoryName(item, language),
                new BreakingLabels(texts.get(language, "breaking.marker")));
    }

    /** The same card without the marker: an article shared inline or opened from a link to the bot. */
    public String card(DigestItem item, String language) {
        return composer.composeBreaking(item, categoryName(item, language), new BreakingLabels(""));
    }

    /** The name of the category the item is shown under, in {@code language}; the slug when not configured. */
    public String categoryName(DigestItem item, String language) {
        String slug = item.category() == null ? "" : item.category();
        return categories.stream().filter(c -> c.slug().equals(slug)).findFirst()
                .map(c -> c.displayName(language)).orElse(slug);
    }
}
