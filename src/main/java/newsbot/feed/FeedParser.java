package newsbot.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a fetched body into {@link RawItem}s with Rome (RSS 0.9x/1.0/2.0, Atom); never throws on bad input. */
public final class FeedParser {

    private static final Logger LOG = LoggerFactory.getLogger(FeedParser.class);
    // Nothing a news feed carries predates RSS itself: older dates are parsing accidents (e.g. year 0026).
    private static final Instant EARLIEST_PLAUSIBLE = Instant.parse("1995-01-01T00:00:00Z");
    private static final int MAX_DEPTH = 100;

    /**
     * A parser that accepts a DOCTYPE (RSS 0.91 feeds declare the Netscape DTD) but never loads a DTD or an
     * external entity (Rome switches both off) and refuses entity declarations ({@link DoctypeCheck}).
     */
    public FeedParser() {
    }

    /**
     * Parses a feed body.
     *
     * @param contentTypeHeader the HTTP Content-Type (its charset wins over the XML prolog), or null
     * @param fetchedAt         stands in for missing dates and caps dates in the future
     */
    public ParseResult parse(byte[] body, String contentTypeHeader, Instant fetchedAt) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        if (FeedBytes.looksLikeHtml(body)) {
            return failed(new FeedError.NotAFeed("an HTML page"));
        }
        if (XmlDepth.exceeds(body, MAX_DEPTH)) {
            return failed(new FeedError.Malformed("elements nested deeper than " + MAX_DEPTH + " levels"));
        }
        Optional<String> refused = DoctypeCheck.refusal(body);
        if (refused.isPresent()) {
            return failed(new FeedError.Malformed(refused.get()));
        }
        String contentType = FeedBytes.effectiveContentType(body, contentTypeHeader);
        byte[] fixed = FeedBytes.truncateFractionalSeconds(body);
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            // Rome then still disables external entities, external DTDs and entity expansion in its SAX builder;
            // the JDK parser's entity expansion limit stays in force as well.
            input.setAllowDoctypes(true);
            feed = input.build(new XmlReader(new ByteArrayInputStream(fixed), contentType, true, "UTF-8"));
        } catch (FeedException e) {
            return failed(malformed(e.getMessage()));
        } catch (IllegalArgumentException e) {
            // Rome's way of saying "well-formed XML, but no RSS or Atom root".
            return failed(new FeedError.NotAFeed(isHtmlType(contentTypeHeader) ? "an HTML page" : "neither RSS nor Atom"));
        } catch (IOException e) {
            return failed(new FeedError.Malformed("unreadable charset or stream: " + e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            // Rome's modules throw assorted runtime exceptions on odd input; deep nesting can blow the stack.
            return failed(new FeedError.Malformed(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        List<RawItem> items = new ArrayList<>(feed.getEntries().size());
        for (SyndEntry entry : feed.getEntries()) {
            items.add(item(entry, fetchedAt));
        }
        LOG.debug("parsed {} with {} items", feed.getFeedType(), items.size());
        return new ParseResult.Parsed(items, feed.getTitle(), alternateLink(feed.getLinks(), feed.getLink()),
                hubs(feed));
    }

    /** WebSub hubs: Atom's {@code <link rel="hub">}, or RSS's {@code <atom:link rel="hub">} (foreign markup). */
    private static List<String> hubs(SyndFeed feed) {
        List<String> hubs = new ArrayList<>();
        for (SyndLink link : feed.getLinks()) {
            if ("hub".equals(link.getRel()) && link.getHref() != null) {
                hubs.add(link.getHref().strip());
            }
        }
        // with Rome's modules on the classpath, an RSS feed's atom:link is read into the Atom link module, not left as
        // foreign markup
        if (feed.getModule(com.rometools.modules.atom.modules.AtomLinkModule.URI)
                instanceof com.rometools.modules.atom.modules.AtomLinkModule atom) {
            for (com.rometools.rome.feed.atom.Link link : atom.getLinks()) {
                if ("hub".equals(link.getRel()) && link.getHref() != null) {
                    hubs.add(link.getHref().strip());
                }
            }
        }
        for (org.jdom2.Element e : feed.getForeignMarkup()) {
            if (e.getName().equals("link") && "hub".equals(e.getAttributeValue("rel"))
                    && e.getAttributeValue("href") != null) {
                hubs.add(e.getAttributeValue("href").strip());
            }
        }
        hubs.removeIf(h -> !h.startsWith("http://") && !h.startsWith("https://"));
        return hubs;
    }

    private static RawItem item(SyndEntry entry, Instant fetchedAt) {
        return new RawItem(entry.getUri(), alternateLink(entry.getLinks(), entry.getLink()), entry.getTitle(),
                description(entry), categories(entry), publishedAt(entry, fetchedAt), ItemMedia.fullText(entry),
                ItemMedia.imageUrl(entry));
    }

    // For Atom, Rome's getLink() is the last <link> (often rel="self", the feed's own URL): prefer the page.
    private static String alternateLink(List<SyndLink> links, String fallback) {
        for (SyndLink link : links) {
            String rel = link.getRel();
            if ((rel == null || rel.isBlank() || rel.equals("alternate")) && link.getHref() != null
                    && !link.getHref().isBlank()) {
                return link.getHref();
            }
        }
        return fallback;
    }

    private static String description(SyndEntry entry) {
        for (SyndContent content : entry.getContents()) {
            if (content != null && content.getValue() != null && !content.getValue().isBlank()) {
                return content.getValue();
            }
        }
        SyndContent description = entry.getDescription();
        return description == null ? null : description.getValue();
    }

    private static List<String> categories(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndCategory category : entry.getCategories()) {
            if (category != null && category.getName() != null && !category.getName().isBlank()) {
                names.add(category.getName().strip());
            }
        }
        return List.copyOf(names);
    }

    private static Instant publishedAt(SyndEntry entry, Instant fetchedAt) {
        Instant date = plausible(entry.getPublishedDate());
        if (date == null) {
            date = plausible(entry.getUpdatedDate());
        }
        if (date == null || date.isAfter(fetchedAt)) {
            return fetchedAt;
        }
        return date;
    }

    private static Instant plausible(Date date) {
        if (date == null) {
            return null;
        }
        Instant instant = date.toInstant();
        return instant.isBefore(EARLIEST_PLAUSIBLE) ? null : instant;
    }

    private static FeedError malformed(String message) {
        if (message != null && message.contains("DOCTYPE")) {
            return new FeedError.Malformed("DOCTYPE refused (no DTDs, external entities or entity expansion)");
        }
        return new FeedError.Malformed(message);
    }

    private static boolean isHtmlType(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html");
    }

    private static ParseResult failed(FeedError error) {
        LOG.debug("feed not parsed: {}", error.describe());
        return new ParseResult.Failed(error);
    }
}
