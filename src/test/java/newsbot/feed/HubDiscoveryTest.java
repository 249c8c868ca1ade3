package newsbot.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A feed names its WebSub hub with {@code <link rel="hub">}: Atom's own, or RSS's atom:link. */
class HubDiscoveryTest {

    private static ParseResult.Parsed parse(String xml) {
        return (ParseResult.Parsed) new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8),
                "application/xml; charset=utf-8", Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void rssNamesItsHubWithAnAtomLink() {
        ParseResult.Parsed rss = parse("<?xml version=\"1.0\"?><rss version=\"2.0\" "
                + "xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>t</title><link>https://x.example/</link>"
                + "<atom:link rel=\"hub\" href=\"https://hub.example.org/\"/>"
                + "<atom:link rel=\"self\" href=\"https://x.example/rss\"/>"
                + "<item><title>a</title><link>https://x.example/a</link></item></channel></rss>");
        assertThat(rss.hubs()).containsExactly("https://hub.example.org/");
    }

    @Test
    void atomNamesItsHubWithALinkAndOnlyWebUrlsCount() {
        ParseResult.Parsed atom = parse("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>t</title><id>urn:x</id><updated>2026-12-01T10:00:00Z</updated>"
                + "<link rel=\"hub\" href=\"https://hub.example.org/\"/><link rel=\"hub\" href=\"javascript:x\"/>"
                + "<entry><title>a</title><id>urn:a</id><updated>2026-12-01T10:00:00Z</updated>"
                + "<link href=\"https://x.example/a\"/></entry></feed>");
        assertThat(atom.hubs()).containsExactly("https://hub.example.org/");
        assertThat(parse("<rss version=\"2.0\"><channel><title>t</title></channel></rss>").hubs()).isEmpty();
    }
}
