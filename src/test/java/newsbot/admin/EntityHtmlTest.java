package newsbot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import newsbot.admin.EntityHtml.Entity;
import newsbot.telegram.TelegramHtmlValidator;
import org.junit.jupiter.api.Test;

/** Message entities to Telegram HTML and back: what the editor formatted is what readers see. */
class EntityHtmlTest {

    /** The HTML must parse as Telegram parses it, show the same text, and carry the same entities. */
    private static String roundTrip(String text, List<Entity> entities) {
        String html = EntityHtml.toHtml(text, entities);
        TelegramHtmlValidator.Result telegram = TelegramHtmlValidator.parse(html);
        assertThat(telegram.error()).as(html).isNull();
        assertThat(telegram.plainText()).isEqualTo(text);
        HtmlEntities.Parsed back = HtmlEntities.parse(html);
        assertThat(back.text()).isEqualTo(text);
        assertThat(back.entities()).as(html).isEqualTo(HtmlEntities.merge(entities));
        return html;
    }

    private static Entity at(String type, String text, String covered) {
        int offset = text.indexOf(covered);
        assertThat(offset).as(covered).isNotNegative();
        return Entity.of(type, offset, covered.length());
    }

    @Test
    void everyFormattingType() {
        String text = "bold italic under strike spoiler code pre link";
        String html = roundTrip(text, List.of(
                at("bold", text, "bold"),
                at("italic", text, "italic"),
                at("underline", text, "under"),
                at("strikethrough", text, "strike"),
                at("spoiler", text, "spoiler"),
                at("code", text, "code"),
                at("pre", text, "pre"),
                new Entity("text_link", text.indexOf("link"), 4, "https://example.org/a?b=1&c=\"2\"", null, null)));
        assertThat(html).isEqualTo("<b>bold</b> <i>italic</i> <u>under</u> <s>strike</s> <tg-spoiler>spoiler"
                + "</tg-spoiler> <code>code</code> <pre>pre</pre> "
                + "<a href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;\">link</a>");
    }

    @Test
    void preWithLanguageAndQuotes() {
        String text = "Code:\nif (a < b && c > \"d\") {}\n";
        Entity pre = new Entity("pre", 6, text.length() - 7, null, "java", null);
        String html = roundTrip(text, List.of(pre));
        assertThat(html).isEqualTo("Code:\n<pre><code class=\"language-java\">if (a &lt; b &amp;&amp; c &gt; "
                + "&quot;d&quot;) {}</code></pre>\n");
        String blockquotes = "quoted\nhidden";
        roundTrip(blockquotes, List.of(Entity.of("blockquote", 0, 6), Entity.of("expandable_blockquote", 7, 6)));
    }

    @Test
    void nestedEntities() {
        String text = "all bold, partly italic and underlined";
        String html = roundTrip(text, List.of(
                Entity.of("bold", 0, text.length()),
                at("italic", text, "partly italic"),
                at("underline", text, "italic"),
                new Entity("text_link", 0, 3, "https://example.org", null, null)));
        assertThat(html).isEqualTo("<b><a href=\"https://example.org\">all</a> bold, <i>partly <u>italic</u></i> "
                + "and underlined</b>");
    }

    @Test
    void overlappingEntitiesAreSplitIntoNestedTags() {
        String text = "0123456789abcde";
        String html = roundTrip(text, List.of(Entity.of("bold", 0, 10), Entity.of("italic", 5, 10)));
        assertThat(html).isEqualTo("<b>01234<i>56789</i></b><i>abcde</i>");
        roundTrip(text, List.of(Entity.of("spoiler", 2, 6), Entity.of("underline", 4, 8),
                Entity.of("strikethrough", 0, 5), Entity.of("bold", 3, 9)));
    }

    @Test
    void cyrillicAndEmojiOffsetsCountUtf16Units() {
        String text = "Привет 👋 мир 🌍! Семья 👨‍👩‍👧 и флаг 🇰🇬 — <тест> & \"кавычки\"";
        List<Entity> entities = List.of(
                at("spoiler", text, "👋"),
                at("bold", text, "мир 🌍"),
                at("italic", text, "👨‍👩‍👧 и флаг 🇰🇬"),
                at("underline", text, "флаг"),
                new Entity("text_link", text.indexOf("<тест>"), "<тест>".length(), "https://пример.рф/путь", null,
                        null),
                at("code", text, "\"кавычки\""));
        // 👋 is two UTF-16 units, the family emoji eight, the flag four: offsets after them must still line up
        assertThat(entities.get(1).offset()).isEqualTo(10);
        String html = roundTrip(text, entities);
        assertThat(html).contains("<tg-spoiler>👋</tg-spoiler>", "<b>мир 🌍</b>",
                "<i>👨‍👩‍👧 и <u>флаг</u> 🇰🇬</i>", "<a href=\"https://пример.рф/путь\">&lt;тест&gt;</a>",
                "&amp; <code>&quot;кавычки&quot;</code>");
    }

    @Test
    void anOffsetInsideASurrogatePairTakesTheWholeCharacter() {
        String text = "a😀b";
        String html = EntityHtml.toHtml(text, List.of(Entity.of("bold", 2, 2)));
        assertThat(html).isEqualTo("a<b>😀b</b>");
    }

    @Test
    void everythingElseIsEscapedAndUnknownEntitiesKeepTheirText() {
        String text = "<script>&amp; @someone #tag /cmd x@y.kg +996 555";
        String html = EntityHtml.toHtml(text, List.of(at("mention", text, "@someone"), at("hashtag", text, "#tag"),
                at("bot_command", text, "/cmd"), at("email", text, "x@y.kg"), at("phone_number", text, "+996 555"),
                at("custom_emoji", text, "&amp;")));
        assertThat(html).isEqualTo("&lt;script&gt;&amp;amp; @someone #tag /cmd x@y.kg +996 555");
    }

    @Test
    void urlsBecomeLinksButOnlySafeSchemes() {
        String text = "see example.com and evil";
        String html = EntityHtml.toHtml(text, List.of(at("url", text, "example.com"),
                new Entity("text_link", text.indexOf("evil"), 4, "javascript:alert(1)", null, null)));
        assertThat(html).isEqualTo("see <a href=\"http://example.com\">example.com</a> and evil");
        String mention = EntityHtml.toHtml("Anna", List.of(new Entity("text_mention", 0, 4, null, null, 42L)));
        assertThat(mention).isEqualTo("<a href=\"tg://user?id=42\">Anna</a>");
    }

    @Test
    void nothingNestsInsideCode() {
        String text = "code with bold";
        String html = EntityHtml.toHtml(text, List.of(Entity.of("code", 0, 14), Entity.of("bold", 10, 4),
                Entity.of("italic", 0, 14)));
        assertThat(html).isEqualTo("<i><code>code with bold</code></i>");
    }

    @Test
    void aSliceShiftsAndClipsEntities() {
        String text = "/broadcast cat=sport  <b>Гол</b> на 90-й минуте  ";
        int from = text.indexOf("<b>");
        int to = text.stripTrailing().length();
        List<Entity> entities = List.of(Entity.of("bot_command", 0, 10), at("bold", text, "90-й минуте  "),
                Entity.of("italic", 5, from - 5 + 3));
        String html = EntityHtml.toHtml(text, entities, from, to);
        assertThat(html).isEqualTo("<i>&lt;b&gt;</i>Гол&lt;/b&gt; на <b>90-й минуте</b>");
    }
}
