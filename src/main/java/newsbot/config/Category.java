package newsbot.config;

import java.util.List;

/** A site category readers can subscribe to, identified by its slug. */
public record Category(String slug, String nameRu, String nameEn, List<String> aliases) {

    public Category {
        aliases = List.copyOf(aliases);
    }

    /** The display name in a reader's language; English falls back to the Russian name when none is configured. */
    public String displayName(String language) {
        return "en".equals(language) && nameEn != null ? nameEn : nameRu;
    }

    /** True when {@code text} is this category's slug, either display name, or an alias, ignoring case. */
    public boolean matches(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase(slug) || t.equalsIgnoreCase(nameRu) || (nameEn != null && t.equalsIgnoreCase(nameEn))) {
            return true;
        }
        return aliases.stream().anyMatch(a -> a.equalsIgnoreCase(t));
    }
}
