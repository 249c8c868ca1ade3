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
 * @param fullTextHtml    the whole article as the feed carries it (yandex:full-text, content:encoded, Atom
 *                        content), possibly HTML; empty when the feed carries only a summary
 * @param imageUrl        the lead image as written (an image enclosure, media:content, media:thumbnail), possibly
 *                        relative; null when the feed names none
 */
public record RawItem(String guid, String link, String title, String descriptionHtml, List<String> categories,
                      Instant publishedAt, String fullTextHtml, String imageUrl) {

    public RawItem {
        categories = categories == null ? List.of() : List.copyOf(categories);
        fullTextHtml = fullTextHtml == null ? "" : fullTextHtml;
    }

    /** An item with neither full text nor image. */
    public RawItem(String guid, String link, String title, String descriptionHtml, List<String> categories,
                   Instant publishedAt) {
        this(guid, link, title, descriptionHtml, categories, publishedAt, "", null);
    }
}
