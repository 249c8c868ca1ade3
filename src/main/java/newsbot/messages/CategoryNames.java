package newsbot.messages;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import newsbot.config.Category;
import newsbot.html.Html;

/** Finds categories by what readers type and lists them for replies. */
public final class CategoryNames {

    private final List<Category> categories;

    public CategoryNames(List<Category> categories) {
        this.categories = List.copyOf(categories);
    }

    public List<Category> all() {
        return categories;
    }

    /** The category a reader meant by a slug, a display name in either language or an alias, ignoring case. */
    public Optional<Category> find(String text) {
        return categories.stream().filter(c -> c.matches(text)).findFirst();
    }

    /** A slug's display name as plain text (a button label), the slug itself when unknown. */
    public String displayName(String slug, String language) {
        return categories.stream().filter(c -> c.slug().equals(slug)).findFirst()
                .map(c -> c.displayName(language)).orElse(slug);
    }

    /** "• Экономика — economy" lines, escaped, in the configured order. */
    public String listing(String language) {
        StringBuilder out = new StringBuilder();
        for (Category c : categories) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("• ").append(Html.escape(c.displayName(language)))
                    .append(" — <code>").append(Html.escape(c.slug())).append("</code>");
        }
        return out.toString();
    }

    /** Display names of the given slugs in the configured order, comma-separated and escaped. */
    public String joined(Collection<String> slugs, String language) {
        List<String> names = new ArrayList<>();
        for (Category c : categories) {
            if (slugs.contains(c.slug())) {
                names.add(Html.escape(c.displayName(language)));
            }
        }
        return String.join(", ", names);
    }

    /** Slugs with their names in {@code language}, in the configured order: what the composer shows. */
    public List<CategoryHeading> headings(String language) {
        List<CategoryHeading> headings = new ArrayList<>(categories.size());
        for (Category c : categories) {
            headings.add(new CategoryHeading(c.slug(), c.displayName(language)));
        }
        return headings;
    }

    public String firstSlug() {
        return categories.get(0).slug();
    }
}
