package newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import newsbot.feed.ArticleBody;
import newsbot.feed.FeedServer;
import newsbot.feed.FullTextCleaner;
import newsbot.html.RichDocument;
import newsbot.html.RichLimits;
import newsbot.messages.ArticleComposer;
import newsbot.messages.Texts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Articles composed as rich messages and sent by the real client: cut and cleaned, never refused by Telegram. */
class ArticleRichMessageTest {

    private static final long CHAT = 501;
    private static final String URL = "https://news.example.kg/politics/2026/11/28/nalogi/";
    private static final ZoneId BISHKEK = ZoneId.of("Asia/Bishkek");

    private final FakeBotApi telegram = FakeBotApi.start();
    private final TelegramClientFactory factory = new TelegramClientFactory(telegram.token(),
            BotApiUrl.parse(telegram.apiUrl()),
            new TelegramClientFactory.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2)));
    private final TelegramClient client = factory.telegramClient();
    private final ArticleComposer composer = new ArticleComposer(new Texts(), new RichLimits());

    @AfterEach
    void close() {
        factory.close();
        telegram.close();
    }

    private static ArticleBody body(String fixture) {
        return new FullTextCleaner().clean(new String(FeedServer.fixture(fixture), StandardCharsets.UTF_8), URL);
    }

    private static ArticleComposer.Article article(ArticleBody body, String image) {
        return new ArticleComposer.Article("Жогорку Кенеш обсудил Налоговый кодекс", "Депутаты спорили о ставках.",
                URL, "Новости Кыргызстана", Instant.parse("2026-11-28T05:15:00Z"), image, body);
    }

    private FakeMessage send(RichDocument document) throws Exception {
        client.execute(RichMessages.message(CHAT, document));
        var sent = telegram.richMessagesTo(CHAT);
        return sent.get(sent.size() - 1);
    }

    @Test
    void aSixtyThousandCharacterArticleIsCutAtABlockWithALinkToTheRest() throws Exception {
        RichDocument document = composer.compose(article(body("article-60k.html"), null), "ru", BISHKEK);

        FakeMessage sent = send(document);

        FakeRichMessage.Checked checked = FakeRichMessage.check(new ObjectMapper().readTree(sent.text()));
        assertThat(checked.characters()).isLessThanOrEqualTo(FakeRichMessage.MAX_CHARACTERS).isGreaterThan(30_000);
        assertThat(checked.media()).isGreaterThan(5);
        assertThat(sent.plainText()).startsWith("Жогорку Кенеш обсудил Налоговый кодекс")
                .contains("Новости Кыргызстана · 28.11.2026, 11:15")
                .endsWith("Читать продолжение на сайте →\nИсточник: Оригинал статьи");
        assertThat(sent.text()).contains("\"url\":\"" + URL + "\"");
        // the lead photo is the text's first picture, shown once, on top
        assertThat(document.blocks().get(2)).isEqualTo(new RichDocument.Photo(
                "https://news.example.kg/upload/long/10.jpg", "Фото 10"));
        assertThat(document.blocks().stream().filter(b -> b.equals(document.blocks().get(2)))).hasSize(1);
    }

    @Test
    void hostileHtmlArrivesCleanAndAccepted() throws Exception {
        FakeMessage sent = send(composer.compose(article(body("hostile-article.html"),
                "https://news.example.kg/lead.jpg"), "en", BISHKEK));

        assertThat(sent.text()).doesNotContain("javascript", "evil.example", "tracker.example");
        // text that shows markup stays text: in the blocks form nothing is read as markup
        assertThat(sent.plainText()).contains("Второй абзац <script>alert(3)</script>");
        assertThat(sent.plainText()).contains("Первый абзац", "Source: The original article")
                .doesNotContain("Continue reading");
    }

    @Test
    void aSummaryOnlyArticleIsItsSummaryInEveryLanguage() throws Exception {
        for (String language : new Texts().languages()) {
            FakeMessage sent = send(composer.compose(article(ArticleBody.EMPTY, null), language, BISHKEK));
            assertThat(sent.plainText()).contains("Депутаты спорили о ставках.")
                    .contains(new Texts().get(language, "article.original"));
        }
        assertThat(new Texts().get("ky", "article.original")).isNotEqualTo(new Texts().get("ru", "article.original"));
    }

    @Test
    void tightLimitsCutEarlierButKeepHeadAndTail() {
        RichDocument document = new ArticleComposer(new Texts(), new RichLimits(2_000, 20, 2))
                .compose(article(body("article-60k.html"), null), "ru", BISHKEK);

        assertThat(new RichLimits(2_000, 20, 2).fits(document)).isTrue();
        assertThat(document.blocks().get(document.blocks().size() - 1)).isInstanceOf(RichDocument.Footer.class);
        assertThat(document.blocks().get(document.blocks().size() - 2).toString()).contains("Читать продолжение");
    }
}
