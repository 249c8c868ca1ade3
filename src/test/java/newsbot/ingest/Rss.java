package newsbot.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Builds small RSS 2.0 documents for tests; text is escaped, so titles may hold anything. */
final class Rss {

    private final StringBuilder items = new StringBuilder();

    Rss item(String guid, String title, Instant published, String... categories) {
        items.append("<item><title>").append(escape(title)).append("</title>");
        if (guid != null) {
            items.append("<link>https://news.example.kg/a/").append(escape(guid)).append("/</link>")
                    .append("<guid isPermaLink=\"false\">").append(escape(guid)).append("</guid>");
        }
        if (published != null) {
            items.append("<pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(published.atOffset(ZoneOffset.UTC)))
                    .append("</pubDate>");
        }
        for (String category : categories) {
            items.append("<category>").append(escape(category)).append("</category>");
        }
        items.append("<description>Текст: ").append(escape(title)).append("</description></item>");
        return this;
    }

    byte[] bytes() {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Тест</title>"
                + "<link>https://news.example.kg/</link><description>d</description>" + items
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
