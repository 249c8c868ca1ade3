package newsbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Checks a sendRichMessage's {@code rich_message} (an InputRichMessage) as Telegram does, and says what a reader
 * sees. The limits are the Bot API's "Rich Message Limits" (up to 32768 characters of text including formula
 * sources, 500 blocks counting nested blocks, list items and table rows, 16 levels of nested formatting and
 * blocks, 50 media, 20 table columns), kept here and never read from production code.
 *
 * <p>The field names and type tags are those of telegrambots 10.2.0 ({@code richblock}, {@code richtext}). The
 * text types refused are those the official server refuses raw in bot rich messages (mention, hashtag, cashtag,
 * bot_command, bank_card_number: RICH_VALIDATE_CTOR_NOT_ALLOWED, as a client library quotes it). Assumed, not found
 * anywhere: the wording of every error below, and the tag list of the HTML form.
 */
final class FakeRichMessage {

    static final int MAX_CHARACTERS = 32_768;
    static final int MAX_BLOCKS = 500;
    static final int MAX_DEPTH = 16;
    static final int MAX_MEDIA = 50;
    static final int MAX_TABLE_COLUMNS = 20;

    private static final Set<String> BLOCKS = Set.of("paragraph", "heading", "pre", "footer", "divider",
            "mathematical_expression", "anchor", "list", "blockquote", "pullquote", "collage", "slideshow", "table",
            "details", "map", "animation", "audio", "photo", "video", "voice_note", "thinking");
    private static final Set<String> MEDIA = Set.of("animation", "audio", "photo", "video", "voice_note");
    private static final Set<String> TEXTS = Set.of("plain", "bold", "italic", "underline", "strikethrough",
            "spoiler", "code", "marked", "subscript", "superscript", "url", "email_address", "phone_number",
            "text_mention", "anchor", "anchor_link", "reference", "reference_link", "custom_emoji", "date_time",
            "mathematical_expression");
    private static final Set<String> REFUSED_TEXTS = Set.of("mention", "hashtag", "cashtag", "bot_command",
            "bank_card_number");
    // Assumed: the HTML form's tags, from the block and text types above.
    private static final Set<String> HTML_TAGS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "code",
            "footer", "hr", "br", "ul", "ol", "li", "blockquote", "aside", "figure", "figcaption", "img", "video",
            "audio", "table", "tr", "td", "th", "details", "summary", "b", "strong", "i", "em", "u", "ins", "s",
            "strike", "del", "tg-spoiler", "mark", "sub", "sup", "a", "tg-emoji", "tg-time", "cite");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    /** What the checks counted, and the text a reader sees, paragraphs on lines of their own. */
    record Checked(int characters, int blocks, int media, int depth, String plainText) {
    }

    private int characters;
    private int blocks;
    private int media;
    private int depth;
    private final StringBuilder plain = new StringBuilder();

    private FakeRichMessage() {
    }

    /** Checks {@code richMessage}; throws the 400 Telegram would answer. */
    static Checked check(JsonNode richMessage) {
        if (richMessage == null || !richMessage.isObject()) {
            throw FakeApiError.badRequest("rich message must be an object");
        }
        int forms = (richMessage.hasNonNull("html") ? 1 : 0) + (richMessage.hasNonNull("markdown") ? 1 : 0)
                + (richMessage.hasNonNull("blocks") ? 1 : 0);
        if (forms != 1) {
            throw FakeApiError.badRequest("exactly one of html, markdown or blocks must be specified");
        }
        FakeRichMessage counter = new FakeRichMessage();
        if (richMessage.hasNonNull("blocks")) {
            counter.blocks(richMessage.get("blocks"), 1);
        } else if (richMessage.hasNonNull("html")) {
            counter.html(richMessage.get("html").asText());
        } else {
            counter.text(richMessage.get("markdown").asText(), 1);
        }
        for (JsonNode item : richMessage.path("media")) {
            counter.mediaUrl(item.path("media").path("media").asText(""));
        }
        if (counter.plain.toString().isBlank() && counter.media == 0) {
            throw FakeApiError.badRequest("rich message is empty");
        }
        return counter.result();
    }

    private Checked result() {
        if (characters > MAX_CHARACTERS) {
            throw FakeApiError.badRequest("rich message text is too long");
        }
        if (blocks > MAX_BLOCKS) {
            throw FakeApiError.badRequest("too many blocks in the rich message");
        }
        if (media > MAX_MEDIA) {
            throw FakeApiError.badRequest("too many media in the rich message");
        }
        return new Checked(characters, blocks, media, depth, plain.toString().strip());
    }

    private void blocks(JsonNode array, int level) {
        if (!array.isArray()) {
            throw FakeApiError.badRequest("rich message blocks must be an array");
        }
        for (JsonNode block : array) {
            block(block, level);
        }
    }

    private void block(JsonNode block, int level) {
        deeper(level);
        blocks++;
        String type = block.path("type").asText("");
        if (!BLOCKS.contains(type)) {
            throw FakeApiError.badRequest("unsupported rich block type \"" + type + "\"");
        }
        if (MEDIA.contains(type)) {
            media++;
            JsonNode file = block.path(type);
            mediaUrl(file.isObject() ? file.path("media").asText("") : file.asText(""));
        }
        switch (type) {
            case "list" -> {
                for (JsonNode item : block.path("items")) {
                    blocks++; // a list item counts as a block of its own
                    deeper(level + 1);
                    blocks(item.path("blocks"), level + 2);
                }
            }
            case "table" -> table(block, level);
            case "blockquote", "collage", "slideshow", "details" -> blocks(block.path("blocks"), level + 1);
            default -> { }
        }
        for (String field : new String[] {"text", "summary", "credit"}) {
            if (block.has(field)) {
                richText(block.get(field), level + 1);
            }
        }
        if (block.path("caption").isObject()) {
            richText(block.path("caption").path("text"), level + 1);
            richText(block.path("caption").path("credit"), level + 1);
        }
        if (block.has("expression")) {
            text(block.get("expression").asText(""), level);
        }
        plain.append('\n');
    }

    private void table(JsonNode table, int level) {
        for (JsonNode row : table.path("cells")) {
            blocks++; // so does a table row
            if (row.size() > MAX_TABLE_COLUMNS) {
                throw FakeApiError.badRequest("too many columns in a rich message table");
            }
            for (JsonNode cell : row) {
                richText(cell.path("text"), level + 2);
            }
        }
    }

    // RichText: a string (plain), an array (concatenation) or an object with a type tag.
    private void richText(JsonNode node, int level) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return;
        }
        deeper(level);
        if (node.isTextual()) {
            text(node.asText(), level);
            return;
        }
        if (node.isArray()) {
            for (JsonNode part : node) {
                richText(part, level + 1);
            }
            return;
        }
        String type = node.path("type").asText("");
        if (REFUSED_TEXTS.contains(type)) {
            throw FakeApiError.badRequest("rich text type \"" + type + "\" is not allowed");
        }
        if (!TEXTS.contains(type)) {
            throw FakeApiError.badRequest("unsupported rich text type \"" + type + "\"");
        }
        if (type.equals("url")) {
            String url = node.path("url").asText("");
            if (!url.toLowerCase(Locale.ROOT).matches("^(https?|tg)://.+")) {
                throw FakeApiError.badRequest("wrong URL in the rich message: " + url);
            }
        }
        if (node.path("text").isTextual()) {
            text(node.path("text").asText(), level);
        } else {
            richText(node.get("text"), level + 1);
        }
        if (node.has("expression")) {
            text(node.get("expression").asText(""), level);
        }
        if (node.has("alternative_text")) {
            text(node.get("alternative_text").asText(""), level);
        }
    }

    private void html(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        for (Element element : body.getAllElements()) {
            if (element == body) {
                continue;
            }
            if (!HTML_TAGS.contains(element.normalName())) {
                throw FakeApiError.badRequest("unsupported tag \"" + element.normalName() + "\" in the rich message");
            }
            int level = element.parents().size() - 1; // html, body
            deeper(level - 1);
            if (Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "figure", "pre", "table",
                    "details", "ul", "ol", "hr", "footer", "aside").contains(element.normalName())) {
                blocks++;
            }
            if (Set.of("img", "video", "audio").contains(element.normalName())) {
                media++;
                mediaUrl(element.attr("src"));
            }
            if (element.normalName().equals("a")) {
                String href = element.attr("href");
                if (!href.toLowerCase(Locale.ROOT).matches("^(https?|tg)://.+|^#.*")) {
                    throw FakeApiError.badRequest("wrong URL in the rich message: " + href);
                }
            }
        }
        text(body.wholeText(), 1);
    }

    private void mediaUrl(String value) {
        // A file_id or an attach:// reference has no web scheme; anything with a scheme must be http(s).
        if (value.startsWith("attach://")) {
            return;
        }
        if (SCHEME.matcher(value).find() && !value.toLowerCase(Locale.ROOT).matches("^https?://.+")) {
            throw FakeApiError.badRequest("wrong media URL in the rich message: " + value);
        }
    }

    private void text(String text, int level) {
        deeper(level);
        characters += text.codePointCount(0, text.length());
        plain.append(text);
    }

    private void deeper(int level) {
        depth = Math.max(depth, level);
        if (level > MAX_DEPTH) {
            throw FakeApiError.badRequest("rich message is nested too deeply");
        }
    }
}
