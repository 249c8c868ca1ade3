package newsbot.html;

import newsbot.telegram.TelegramHtmlValidator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapedTextAndLinksAreValidTelegramHtml() {
        String html = Html.escape("a < b & \"c\" > d") + " " + Html.link("https://x.test/?q=1&r=\"2\"", "<label>");

        assertThat(TelegramHtmlValidator.checkMessage(html)).isEmpty();
        assertThat(TelegramHtmlValidator.parse(html).plainText()).isEqualTo("a < b & \"c\" > d <label>");
    }

    @Test
    void plainTextShowsWhatTheReaderSees() {
        String html = "<b>Главное</b> &amp; <i>важное</i>: <a href=\"https://x.test/?a=1&amp;b=2\">читать</a>\n"
                + "<a href=\"https://x.test\">https://x.test</a> &#128512; &#x41;";

        assertThat(Html.toPlainText(html))
                .isEqualTo("Главное & важное: читать (https://x.test/?a=1&b=2)\nhttps://x.test 😀 A");
    }

    @Test
    void plainTextKeepsWhatTelegramDoesNotDecode() {
        assertThat(Html.toPlainText("a&nbsp;b &lt;tag&gt; 5 < 6")).isEqualTo("a&nbsp;b <tag> 5 < 6");
        assertThat(Html.toPlainText("<pre><code class=\"language-sh\">ls -l</code></pre>")).isEqualTo("ls -l");
        assertThat(Html.toPlainText("<span class=\"tg-spoiler\">спойлер</span>")).isEqualTo("спойлер");
    }
}
