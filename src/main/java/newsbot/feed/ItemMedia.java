package newsbot.feed;

import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.MediaGroup;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdom2.Element;

/** What a feed entry carries beyond its summary: the lead image and the full text, as written. */
final class ItemMedia {

    // Yandex News feeds (common on Russian-language sites) put the whole article in yandex:full-text.
    private static final String YANDEX_NAMESPACE = "http://news.yandex.ru";
    private static final String FULL_TEXT = "full-text";
    private static final Pattern IMAGE_PATH = Pattern.compile("(?i).*\\.(jpe?g|png|webp|gif)(\\?.*)?$");

    private ItemMedia() {
    }

    /**
     * The lead image: an image enclosure, else Media RSS content that is an image, else a Media RSS thumbnail
     * (the entry's, then its groups'); null when none.
     */
    static String imageUrl(SyndEntry entry) {
        for (SyndEnclosure enclosure : entry.getEnclosures()) {
            if (enclosure != null && isImage(enclosure.getType(), enclosure.getUrl())) {
                return enclosure.getUrl();
            }
        }
        if (!(entry.getModule(MediaModule.URI) instanceof MediaEntryModule media)) {
            return null;
        }
        List<MediaContent> contents = new ArrayList<>(List.of(media.getMediaContents()));
        List<Metadata> metadata = new ArrayList<>();
        metadata.add(media.getMetadata());
        for (MediaGroup group : media.getMediaGroups()) {
            contents.addAll(List.of(group.getContents()));
            metadata.add(group.getMetadata());
        }
        for (MediaContent content : contents) {
            Optional<String> url = url(content);
            boolean image = "image".equalsIgnoreCase(content.getMedium())
                    || isImage(content.getType(), url.orElse(null));
            if (url.isPresent() && image) {
                return url.get();
            }
        }
        for (MediaContent content : contents) {
            Optional<String> thumbnail = thumbnail(content.getMetadata());
            if (thumbnail.isPresent()) {
                return thumbnail.get();
            }
        }
        for (Metadata m : metadata) {
            Optional<String> thumbnail = thumbnail(m);
            if (thumbnail.isPresent()) {
                return thumbnail.get();
            }
        }
        return null;
    }

    /** yandex:full-text, else content:encoded (Atom content); empty when the entry has neither. */
    static String fullText(SyndEntry entry) {
        for (Element element : entry.getForeignMarkup()) {
            if (FULL_TEXT.equals(element.getName()) && YANDEX_NAMESPACE.equals(element.getNamespaceURI())) {
                String text = element.getText();
                if (text != null && !text.isBlank()) {
                    return text;
                }
            }
        }
        for (SyndContent content : entry.getContents()) {
            if (content != null && content.getValue() != null && !content.getValue().isBlank()) {
                return content.getValue();
            }
        }
        return "";
    }

    private static Optional<String> url(MediaContent content) {
        return content.getReference() instanceof UrlReference reference && reference.getUrl() != null
                ? Optional.of(reference.getUrl().toString()) : Optional.empty();
    }

    private static Optional<String> thumbnail(Metadata metadata) {
        if (metadata == null) {
            return Optional.empty();
        }
        for (Thumbnail thumbnail : metadata.getThumbnail()) {
            if (thumbnail != null && thumbnail.getUrl() != null) {
                return Optional.of(thumbnail.getUrl().toString());
            }
        }
        return Optional.empty();
    }

    private static boolean isImage(String type, String url) {
        if (type != null && !type.isBlank()) {
            return type.strip().toLowerCase(Locale.ROOT).startsWith("image/");
        }
        return url != null && IMAGE_PATH.matcher(url.strip()).matches();
    }
}
