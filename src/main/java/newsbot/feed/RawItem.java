package newsbot.feed;

import java.time.Instant;
import java.util.List;

/**
 * One feed entry as published, before any cleaning: text fields may hold HTML and links may be relative.
 *
 * @param guid            the guid/id, or (as Rome fills it in) the link when there is none; null if neither
 * @param link            the item's link as written, possibly relative or null
 * @param title           the title, possibly HTML, possibly null
 * @param descriptionHtml {@code content:encoded} (Atom {@code content}) if present, else the description/summary
 * @param categories      the {@code <category>} texts
 * @param publishedAt     published, else updated, else fetch time; never after the fetch time
 */
public record RawItem(String guid, String link, String title, String descriptionHtml, List<String> categories,
                      Instant publishedAt) {

    public RawItem {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
