package newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendRichMessage;
import org.telegram.telegrambots.meta.api.objects.media.InputMediaPhoto;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.richblock.InputRichBlock;
import org.telegram.telegrambots.meta.api.objects.richblock.InputRichBlockBlockQuotation;
import org.telegram.telegrambots.meta.api.objects.richblock.InputRichBlockFooter;
import org.telegram.telegrambots.meta.api.objects.richblock.InputRichBlockList;
import org.telegram.telegrambots.meta.api.objects.richblock.InputRichBlockListItem;
import org.telegram.telegrambots.meta.api.objects.richblock.InputRichBlockParagraph;
import org.telegram.telegrambots.meta.api.objects.richblock.InputRichBlockPhoto;
import org.telegram.telegrambots.meta.api.objects.richblock.InputRichBlockSectionHeading;
import org.telegram.telegrambots.meta.api.objects.richblock.RichBlockCaption;
import org.telegram.telegrambots.meta.api.objects.richtext.InputRichMessage;
import org.telegram.telegrambots.meta.api.objects.richtext.RichText;
import org.telegram.telegrambots.meta.api.objects.richtext.RichTextBold;
import org.telegram.telegrambots.meta.api.objects.richtext.RichTextConcat;
import org.telegram.telegrambots.meta.api.objects.richtext.RichTextHashtag;
import org.telegram.telegrambots.meta.api.objects.richtext.RichTextPlain;
import org.telegram.telegrambots.meta.api.objects.richtext.RichTextUrl;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** sendRichMessage and ephemeral replies, sent by the real telegrambots 10.2.0 client with its own types. */
class FakeBotApiRichTest {

    private static final long CHAT = 501;
    private static final long GROUP = -100777;

    private final FakeBotApi telegram = FakeBotApi.start();
    private final TelegramClientFactory factory = new TelegramClientFactory(telegram.token(),
            BotApiUrl.parse(telegram.apiUrl()),
            new TelegramClientFactory.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2)));
    private final TelegramClient client = factory.telegramClient();

    @AfterEach
    void close() {
        factory.close();
        telegram.close();
    }

    private static RichText plain(String text) {
        return new RichTextPlain(text);
    }

    private static InputRichBlock paragraph(String text) {
        return new InputRichBlockParagraph(plain(text));
    }

    private static InputRichBlock photo(String url, String caption) {
        return new InputRichBlockPhoto(new InputMediaPhoto(url), new RichBlockCaption(plain(caption), null));
    }

    private Message send(long chat, List<InputRichBlock> blocks) throws Exception {
        InputRichMessage rich = new InputRichMessage(null, null, null, null, blocks, null);
        return client.execute(new SendRichMessage(Long.toString(chat), rich));
    }

    private String refusal(long chat, List<InputRichBlock> blocks) {
        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> send(chat, blocks));
        assertThat(error).isInstanceOf(TelegramApiRequestException.class);
        assertThat(((TelegramApiRequestException) error).getErrorCode()).isEqualTo(400);
        return ((TelegramApiRequestException) error).getApiResponse();
    }

    @Test
    void anArticleShapedMessageIsAcceptedAndReadable() throws Exception {
        List<InputRichBlock> blocks = List.of(
                new InputRichBlockSectionHeading(new RichTextBold(plain("Мост открыт")), 1),
                photo("https://news.example.kg/most.jpg", "Новый мост. Фото мэрии"),
                new InputRichBlockParagraph(new RichTextConcat(List.of(plain("Читайте на "),
                        new RichTextUrl(plain("сайте"), "https://news.example.kg/a/")))),
                new InputRichBlockBlockQuotation(List.of(paragraph("Цитата"))),
                new InputRichBlockList(List.of(new InputRichBlockListItem(List.of(paragraph("раз"))),
                        new InputRichBlockListItem(List.of(paragraph("два"))))),
                new InputRichBlockFooter(plain("Новости Кыргызстана")));

        Message sent = send(CHAT, blocks);

        assertThat(sent.getMessageId()).isPositive();
        FakeMessage message = telegram.richMessagesTo(CHAT).get(0);
        assertThat(message.isRich()).isTrue();
        assertThat(message.plainText()).contains("Мост открыт", "Новый мост. Фото мэрии", "Читайте на сайте",
                "Цитата", "раз", "два", "Новости Кыргызстана");
        assertThat(message.text()).as("the rich_message as sent").contains("\"type\":\"photo\"", "most.jpg");
        FakeRichMessage.Checked checked = FakeRichMessage.check(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(message.text()));
        assertThat(checked.blocks()).isEqualTo(6 + 1 + 2 + 2); // quote's and items' paragraphs, and the items
        assertThat(checked.media()).isEqualTo(1);
    }

    @Test
    void refusesWhatTelegramRefuses() {
        String tooLong = "я".repeat(FakeRichMessage.MAX_CHARACTERS / 2);
        assertThat(refusal(CHAT, List.of(paragraph(tooLong), paragraph(tooLong), paragraph("!"))))
                .contains("too long");
        assertThat(refusal(CHAT, Collections.nCopies(FakeRichMessage.MAX_BLOCKS + 1, paragraph("x"))))
                .contains("too many blocks");
        List<InputRichBlock> photos = new ArrayList<>();
        for (int i = 0; i <= FakeRichMessage.MAX_MEDIA; i++) {
            photos.add(photo("https://news.example.kg/" + i + ".jpg", "" + i));
        }
        assertThat(refusal(CHAT, photos)).contains("too many media");
        InputRichBlock nested = paragraph("deep");
        for (int i = 0; i < FakeRichMessage.MAX_DEPTH; i++) {
            nested = new InputRichBlockBlockQuotation(List.of(nested));
        }
        assertThat(refusal(CHAT, List.of(nested))).contains("nested too deeply");
        assertThat(refusal(CHAT, List.of(photo("javascript:alert(1)", "x")))).contains("wrong media URL");
        assertThat(refusal(CHAT, List.of(photo("ftp://news.example.kg/a.jpg", "x")))).contains("wrong media URL");
        assertThat(refusal(CHAT, List.of(new InputRichBlockParagraph(new RichTextUrl(plain("x"),
                "javascript:alert(1)"))))).contains("wrong URL");
        assertThat(refusal(CHAT, List.of(new InputRichBlockParagraph(new RichTextHashtag(plain("#x"), "x")))))
                .contains("not allowed");
        assertThat(telegram.richMessagesTo(CHAT)).isEmpty();
    }

    @Test
    void justWithinTheLimitsIsAccepted() throws Exception {
        String half = "я".repeat(FakeRichMessage.MAX_CHARACTERS / 2);
        send(CHAT, List.of(paragraph(half), paragraph(half)));
        send(CHAT, Collections.nCopies(FakeRichMessage.MAX_BLOCKS, paragraph("x")));
        InputRichBlock nested = paragraph("deep");
        for (int i = 0; i < FakeRichMessage.MAX_DEPTH - 2; i++) { // the paragraph and its text are two levels
            nested = new InputRichBlockBlockQuotation(List.of(nested));
        }
        send(CHAT, List.of(nested));

        assertThat(telegram.richMessagesTo(CHAT)).hasSize(3);
    }

    @Test
    void htmlFormRefusesTagsItDoesNotKnow() {
        InputRichMessage rich = new InputRichMessage("<p>ok</p><script>x()</script>", null, null, null, null, null);
        assertThatThrownBy(() -> client.execute(new SendRichMessage(Long.toString(CHAT), rich)))
                .isInstanceOf(TelegramApiRequestException.class).hasMessageContaining("unsupported tag");
    }

    @Test
    void aChatThatRefusesRichMessagesSaysSo() {
        telegram.refuseRichMessages(CHAT, "rich messages are not supported in the chat");

        assertThat(refusal(CHAT, List.of(paragraph("x")))).contains("not supported");
    }

    @Test
    void anEphemeralReplyGoesOnlyToWhoPressed() throws Exception {
        long member = 42;
        SendMessage groupMessage = new SendMessage(Long.toString(GROUP), "Срочно: мост открыт");
        int messageId = client.execute(groupMessage).getMessageId();
        String query = telegram.userPresses(GROUP, member, messageId, "read:1");

        SendMessage ephemeral = new SendMessage(Long.toString(GROUP), "Статья отправлена вам в личные сообщения");
        ephemeral.setReceiverUserId(member);
        ephemeral.setCallbackQueryId(query);
        client.execute(ephemeral);
        client.execute(new AnswerCallbackQuery(query));

        FakeMessage sent = telegram.messagesTo(GROUP).get(1);
        assertThat(telegram.ephemeralReceiver(sent)).contains(member);
        assertThat(telegram.ephemeralReceiver(telegram.messagesTo(GROUP).get(0))).isEmpty();

        SendMessage toSomeoneElse = new SendMessage(Long.toString(GROUP), "x");
        toSomeoneElse.setReceiverUserId(43L);
        toSomeoneElse.setCallbackQueryId(query);
        assertThatThrownBy(() -> client.execute(toSomeoneElse)).isInstanceOf(TelegramApiRequestException.class)
                .hasMessageContaining("ephemeral");
    }
}
