package newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.CopyMessages;
import org.telegram.telegrambots.meta.api.methods.pinnedmessages.PinChatMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageCaption;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.MessageId;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Media from users, copies, pins, caption edits, the 48-hour delete rule and paid broadcasts, via the real client. */
class FakeBotApiMediaTest {

    private static final long USER = 1001;
    private static final long OTHER = 1002;
    private static final long GROUP = -2002;

    private final GatewayFixture fixture = new GatewayFixture();
    private final FakeBotApi telegram = fixture.telegram;
    private final TelegramClient client = fixture.factory.telegramClient();

    @AfterEach
    void close() {
        fixture.close();
    }

    private List<Message> updates() throws TelegramApiException {
        return client.execute(GetUpdates.builder().offset(0).timeout(0).build()).stream()
                .map(Update::getMessage).toList();
    }

    private int copy(long to, long from, int messageId) throws TelegramApiException {
        return client.execute(CopyMessage.builder().chatId(to).fromChatId(from).messageId(messageId).build())
                .getMessageId().intValue();
    }

    private static TelegramApiRequestException refusal(ThrowingCall call) {
        try {
            call.run();
        } catch (TelegramApiRequestException e) {
            return e;
        } catch (TelegramApiException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a refusal");
    }

    private interface ThrowingCall {
        void run() throws TelegramApiException;
    }

    private static InlineKeyboardMarkup keyboard(String text, String data) {
        return new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(
                InlineKeyboardButton.builder().text(text).callbackData(data).build())));
    }

    @Test
    void usersMediaArrivesAsTelegramSendsIt() throws Exception {
        telegram.userSends(FakeUserMessage.photo(USER, USER, "Look here")
                .withCaptionEntities(List.of(FakeEntity.of("bold", 0, 4))));
        telegram.userSends(FakeUserMessage.video(USER, USER, null));
        telegram.userSends(FakeUserMessage.document(USER, USER, "doc"));
        telegram.userSends(FakeUserMessage.audio(USER, USER, null));
        telegram.userSends(FakeUserMessage.animation(USER, USER, null));
        telegram.userSends(FakeUserMessage.voice(USER, USER, null));
        telegram.userSends(FakeUserMessage.poll(USER, USER, "Tea?", "yes", "no"));
        telegram.userSends(FakeUserMessage.quiz(USER, USER, "2+2?", 1, "3", "4"));
        List<Integer> album = telegram.userSendsAlbum(USER, USER, "Album", 3);

        List<Message> messages = updates();

        assertThat(messages).hasSize(11);
        Message photo = messages.get(0);
        assertThat(photo.hasPhoto()).isTrue();
        assertThat(photo.getPhoto()).allSatisfy(size -> {
            assertThat(size.getFileId()).isNotBlank();
            assertThat(size.getFileUniqueId()).isNotBlank();
            assertThat(size.getWidth()).isPositive();
        });
        assertThat(photo.getCaption()).isEqualTo("Look here");
        assertThat(photo.getCaptionEntities()).singleElement()
                .satisfies(e -> assertThat(e.getType()).isEqualTo("bold"));
        assertThat(messages.get(1).getVideo().getFileId()).isNotBlank();
        assertThat(messages.get(1).getCaption()).isNull();
        assertThat(messages.get(2).getDocument().getFileName()).endsWith(".pdf");
        assertThat(messages.get(3).hasAudio()).isTrue();
        assertThat(messages.get(4).hasAnimation()).isTrue();
        assertThat(messages.get(5).hasVoice()).isTrue();
        assertThat(messages.get(6).getPoll().getType()).isEqualTo("regular");
        assertThat(messages.get(6).getPoll().getOptions()).extracting(o -> o.getText()).containsExactly("yes", "no");
        assertThat(messages.get(7).getPoll().getType()).isEqualTo("quiz");
        assertThat(messages.get(7).getPoll().getCorrectOptionIds()).containsExactly(1);
        List<Message> albumItems = messages.subList(8, 11);
        assertThat(albumItems).extracting(Message::getMessageId).containsExactlyElementsOf(album);
        assertThat(albumItems).extracting(Message::getMediaGroupId).doesNotContainNull().containsOnly(
                albumItems.get(0).getMediaGroupId());
        assertThat(albumItems).extracting(Message::getCaption).containsExactly("Album", null, null);
        assertThat(albumItems.get(1).hasVideo()).isTrue();
    }

    @Test
    void copyMessageCopiesTextAndMediaWithANewCaptionAndKeyboard() throws Exception {
        int text = telegram.userSends(USER, USER, "hello there");
        int photo = telegram.userSends(FakeUserMessage.photo(USER, USER, "original"));

        int textCopy = copy(OTHER, USER, text);
        MessageId photoCopy = client.execute(CopyMessage.builder().chatId(OTHER).fromChatId(USER).messageId(photo)
                .caption("<b>new</b> caption").parseMode("HTML").replyMarkup(keyboard("More", "more:1"))
                .disableNotification(true).build());
        int keptCaption = copy(GROUP, USER, photo);

        assertThat(textCopy).isEqualTo(1);
        assertThat(telegram.messagesTo(OTHER)).hasSize(2);
        FakeMessage first = telegram.messagesTo(OTHER).get(0);
        assertThat(first.kind()).isEqualTo("text");
        assertThat(first.plainText()).isEqualTo("hello there");
        assertThat(first.copiedFrom()).isEqualTo(new FakeMessage.Ref(USER, text));
        FakeMessage second = telegram.current(OTHER, photoCopy.getMessageId().intValue()).orElseThrow();
        assertThat(second.kind()).isEqualTo("photo");
        assertThat(second.caption()).isEqualTo("<b>new</b> caption");
        assertThat(second.plainText()).isEqualTo("new caption");
        assertThat(second.keyboard()).containsExactly(List.of(new FakeButton("More", "more:1", null)));
        assertThat(second.disableNotification()).isTrue();
        FakeMessage third = telegram.current(GROUP, keptCaption).orElseThrow();
        assertThat(third.caption()).isEqualTo("original");
        assertThat(third.isMedia()).isTrue();
        // A copy of the bot's own message can be copied again.
        assertThat(telegram.current(USER, copy(USER, GROUP, keptCaption)).orElseThrow().plainText())
                .isEqualTo("original");
        assertThat(telegram.requestCount("copyMessage")).isEqualTo(4);
    }

    @Test
    void copyMessageRefusesLikeTelegram() throws Exception {
        int photo = telegram.userSends(FakeUserMessage.photo(USER, USER, null));
        int groupQuiz = telegram.userSends(FakeUserMessage.quiz(GROUP, USER, "?", 0, "a", "b"));
        int joined = telegram.userSends(FakeUserMessage.newMember(GROUP, USER));
        int privateQuiz = telegram.userSends(FakeUserMessage.quiz(USER, USER, "?", 0, "a", "b"));

        assertThat(refusal(() -> copy(OTHER, USER, 99)).getApiResponse())
                .isEqualTo("Bad Request: message to copy not found");
        assertThat(refusal(() -> copy(OTHER, GROUP, groupQuiz)).getApiResponse())
                .isEqualTo("Bad Request: the message can't be copied");
        assertThat(refusal(() -> copy(OTHER, GROUP, joined)).getApiResponse())
                .isEqualTo("Bad Request: the message can't be copied");
        assertThat(refusal(() -> client.execute(CopyMessage.builder().chatId(OTHER).fromChatId(USER)
                .messageId(photo).caption("x".repeat(1025)).build())).getApiResponse())
                .isEqualTo("Bad Request: message caption is too long");
        telegram.block(OTHER);
        TelegramApiRequestException blocked = refusal(() -> copy(OTHER, USER, photo));
        assertThat(blocked.getErrorCode()).isEqualTo(403);
        assertThat(telegram.sentMessages()).isEmpty();
        // The bot knows a quiz's answer in its private chat: that one can be copied.
        assertThat(telegram.current(GROUP, copy(GROUP, USER, privateQuiz)).orElseThrow().kind()).isEqualTo("poll");
    }

    @Test
    void copyMessageRespectsTopicsAndRateLimits() throws Exception {
        long forum = -1_000_000_000_777L;
        telegram.addForumTopic(forum, 5);
        int text = telegram.userSends(USER, USER, "x");

        int inTopic = client.execute(CopyMessage.builder().chatId(forum).fromChatId(USER).messageId(text)
                .messageThreadId(5).build()).getMessageId().intValue();
        assertThat(telegram.current(forum, inTopic).orElseThrow().threadId()).isEqualTo(5);
        assertThat(refusal(() -> client.execute(CopyMessage.builder().chatId(forum).fromChatId(USER)
                .messageId(text).messageThreadId(6).build())).getApiResponse())
                .isEqualTo("Bad Request: message thread not found");

        telegram.enableRateLimits(FakeRateLimits.telegramDefaults());
        copy(OTHER, USER, text);
        TelegramApiRequestException tooMany = refusal(() -> copy(OTHER, USER, text));
        assertThat(tooMany.getErrorCode()).isEqualTo(429);
        assertThat(tooMany.getParameters().getRetryAfter()).isEqualTo(1);
    }

    @Test
    void copyMessagesKeepsAlbumsAndSkipsWhatIsMissing() throws Exception {
        List<Integer> album = telegram.userSendsAlbum(USER, USER, "three", 3);
        int text = telegram.userSends(USER, USER, "after");

        List<MessageId> copies = client.execute(CopyMessages.builder().chatId(OTHER).fromChatId(USER)
                .messageIds(List.of(album.get(0), album.get(1), album.get(2), text, 77)).build());

        assertThat(copies).extracting(m -> m.getMessageId().intValue()).containsExactly(1, 2, 3, 4);
        List<FakeMessage> sent = telegram.messagesTo(OTHER);
        assertThat(sent).extracting(FakeMessage::kind).containsExactly("photo", "video", "photo", "text");
        String group = sent.get(0).mediaGroupId();
        assertThat(group).isNotNull();
        assertThat(sent.subList(0, 3)).extracting(FakeMessage::mediaGroupId).containsOnly(group);
        assertThat(sent.get(3).mediaGroupId()).isNull();
        assertThat(sent.get(0).caption()).isEqualTo("three");
        assertThat(sent).extracting(FakeMessage::copiedFrom).extracting(FakeMessage.Ref::messageId)
                .containsExactly(album.get(0), album.get(1), album.get(2), text);

        client.execute(CopyMessages.builder().chatId(GROUP).fromChatId(USER).messageIds(album).removeCaption(true)
                .build());
        assertThat(telegram.messagesTo(GROUP).get(0).caption()).isNull();
        assertThat(telegram.messagesTo(GROUP).get(0).mediaGroupId()).isNotEqualTo(group);

        assertThat(refusal(() -> client.execute(CopyMessages.builder().chatId(OTHER).fromChatId(USER)
                .messageIds(List.of(album.get(1), album.get(0))).build())).getApiResponse())
                .isEqualTo("Bad Request: message identifiers must be in a strictly increasing order");
        assertThat(refusal(() -> client.execute(CopyMessages.builder().chatId(OTHER).fromChatId(USER)
                .messageIds(List.of(90, 91)).build())).getApiResponse())
                .isEqualTo("Bad Request: message to copy not found");
    }

    @Test
    void copyMessagesTakesOneTokenPerMessage() throws Exception {
        List<Integer> album = telegram.userSendsAlbum(USER, USER, null, 4);
        telegram.enableRateLimits(FakeRateLimits.telegramDefaults().withGlobalPerSecond(5));

        client.execute(CopyMessages.builder().chatId(OTHER).fromChatId(USER).messageIds(album).build());
        fixture.advance(Duration.ofSeconds(2)); // the chat's bucket is 3 in debt: 4 s from the copy

        assertThat(refusal(() -> copy(OTHER, USER, album.get(0))).getErrorCode()).isEqualTo(429);
        fixture.advance(Duration.ofSeconds(2));
        assertThat(copy(OTHER, USER, album.get(0))).isEqualTo(5);
    }

    @Test
    void pinsAreRecordedAndRefusedLikeTelegram() throws Exception {
        int users = telegram.userSends(GROUP, USER, "pin me");
        int own = copy(GROUP, GROUP, users);
        int privately = telegram.userSends(USER, USER, "mine");

        assertThat(client.execute(PinChatMessage.builder().chatId(GROUP).messageId(users).build())).isTrue();
        assertThat(client.execute(PinChatMessage.builder().chatId(GROUP).messageId(own)
                .disableNotification(true).build())).isTrue();
        telegram.denyPinning(USER); // no effect in a private chat
        assertThat(client.execute(PinChatMessage.builder().chatId(USER).messageId(privately).build())).isTrue();

        assertThat(telegram.pinnedIn(GROUP)).containsExactly(users, own);
        assertThat(telegram.isPinned(USER, privately)).isTrue();
        assertThat(refusal(() -> client.execute(PinChatMessage.builder().chatId(GROUP).messageId(500).build()))
                .getApiResponse()).isEqualTo("Bad Request: message to pin not found");
        telegram.denyPinning(GROUP);
        assertThat(refusal(() -> client.execute(PinChatMessage.builder().chatId(GROUP).messageId(own).build()))
                .getApiResponse()).isEqualTo("Bad Request: not enough rights to manage pinned messages in the chat");
        telegram.block(USER);
        assertThat(refusal(() -> client.execute(PinChatMessage.builder().chatId(USER).messageId(privately)
                .build())).getErrorCode()).isEqualTo(403);
        telegram.failNext("pinChatMessage", 1, 500);
        telegram.allowPinning(GROUP);
        assertThat(refusal(() -> client.execute(PinChatMessage.builder().chatId(GROUP).messageId(own).build()))
                .getErrorCode()).isEqualTo(500);
        assertThat(telegram.requestCount("pinchatmessage")).isEqualTo(7);
    }

    @Test
    void captionsAreEditedOnMediaOnly() throws Exception {
        int photo = copy(USER, USER, telegram.userSends(FakeUserMessage.photo(USER, USER, "old")));
        int text = client.execute(SendMessage.builder().chatId(USER).text("plain").build()).getMessageId();

        client.execute(EditMessageCaption.builder().chatId(USER).messageId(photo).caption("<i>new</i>")
                .parseMode("HTML").replyMarkup(keyboard("b", "d")).build());

        FakeMessage edited = telegram.current(USER, photo).orElseThrow();
        assertThat(edited.caption()).isEqualTo("<i>new</i>");
        assertThat(edited.plainText()).isEqualTo("new");
        assertThat(edited.edits()).isEqualTo(1);
        assertThat(edited.buttons()).extracting(FakeButton::text).containsExactly("b");
        assertThat(refusal(() -> client.execute(EditMessageCaption.builder().chatId(USER).messageId(photo)
                .caption("<i>new</i>").parseMode("HTML").replyMarkup(keyboard("b", "d")).build())).getApiResponse())
                .startsWith("Bad Request: message is not modified");
        assertThat(refusal(() -> client.execute(EditMessageCaption.builder().chatId(USER).messageId(text)
                .caption("c").build())).getApiResponse())
                .isEqualTo("Bad Request: there is no caption in the message to edit");
        assertThat(refusal(() -> client.execute(EditMessageText.builder().chatId(USER).messageId(photo)
                .text("t").build())).getApiResponse())
                .isEqualTo("Bad Request: there is no text in the message to edit");
        assertThat(refusal(() -> client.execute(EditMessageCaption.builder().chatId(USER).messageId(photo)
                .caption("y".repeat(1025)).build())).getApiResponse())
                .isEqualTo("Bad Request: message caption is too long");

        telegram.makeUneditable(USER, photo);
        telegram.makeUneditable(USER, text);
        assertThat(refusal(() -> client.execute(EditMessageCaption.builder().chatId(USER).messageId(photo)
                .caption("z").build())).getApiResponse()).isEqualTo("Bad Request: message can't be edited");
        assertThat(refusal(() -> client.execute(EditMessageText.builder().chatId(USER).messageId(text)
                .text("z").build())).getApiResponse()).isEqualTo("Bad Request: message can't be edited");
        int other = copy(USER, USER, photo);
        client.execute(DeleteMessage.builder().chatId(USER).messageId(other).build());
        assertThat(refusal(() -> client.execute(EditMessageCaption.builder().chatId(USER).messageId(other)
                .caption("z").build())).getApiResponse()).isEqualTo("Bad Request: message to edit not found");
    }

    @Test
    void botsDeleteOnlyWithin48Hours() throws Exception {
        int young = client.execute(SendMessage.builder().chatId(USER).text("a").build()).getMessageId();
        int old = client.execute(SendMessage.builder().chatId(USER).text("b").build()).getMessageId();
        int aged = client.execute(SendMessage.builder().chatId(USER).text("c").build()).getMessageId();
        telegram.ageMessage(USER, aged, Duration.ofHours(48));

        fixture.advance(Duration.ofHours(47));
        assertThat(client.execute(DeleteMessage.builder().chatId(USER).messageId(young).build())).isTrue();
        assertThat(refusal(() -> client.execute(DeleteMessage.builder().chatId(USER).messageId(aged).build()))
                .getApiResponse()).isEqualTo("Bad Request: message can't be deleted for everyone");
        fixture.advance(Duration.ofHours(1));
        assertThat(refusal(() -> client.execute(DeleteMessage.builder().chatId(USER).messageId(old).build()))
                .getApiResponse()).isEqualTo("Bad Request: message can't be deleted for everyone");
        assertThat(refusal(() -> client.execute(DeleteMessage.builder().chatId(USER).messageId(young).build()))
                .getApiResponse()).isEqualTo("Bad Request: message to delete not found");
        assertThat(telegram.isDeleted(USER, young)).isTrue();
        assertThat(telegram.isDeleted(USER, old)).isFalse();
    }

    @Test
    void paidBroadcastsUseTheirOwnGlobalBucketAndCostStars() throws Exception {
        telegram.enableRateLimits(FakeRateLimits.telegramDefaults().withGlobalPerSecond(2).withPaidPerSecond(3));
        client.execute(SendMessage.builder().chatId(1L).text("free").build());
        client.execute(SendMessage.builder().chatId(2L).text("free").build());
        assertThat(refusal(() -> client.execute(SendMessage.builder().chatId(3L).text("free").build()))
                .getErrorCode()).isEqualTo(429);

        for (long chat = 3; chat <= 5; chat++) {
            client.execute(SendMessage.builder().chatId(chat).text("paid").allowPaidBroadcast(true).build());
        }
        TelegramApiRequestException paidTooMany = refusal(() -> client.execute(
                SendMessage.builder().chatId(6L).text("paid").allowPaidBroadcast(true).build()));
        assertThat(paidTooMany.getErrorCode()).isEqualTo(429);
        assertThat(paidTooMany.getParameters().getRetryAfter()).isEqualTo(1);
        // The chat's own limit still applies to a paid message.
        fixture.advance(Duration.ofMillis(500));
        assertThat(refusal(() -> client.execute(SendMessage.builder().chatId(3L).text("again")
                .allowPaidBroadcast(true).build())).getErrorCode()).isEqualTo(429);

        assertThat(telegram.paidMessageCount()).isEqualTo(3);
        assertThat(telegram.starsSpent()).isEqualByComparingTo("0.3");
        assertThat(telegram.messagesTo(3).get(0).paid()).isTrue();
        assertThat(telegram.messagesTo(1).get(0).paid()).isFalse();
    }

    @Test
    void paidBroadcastsNeedStarsAndMayBeRefused() throws Exception {
        int text = telegram.userSends(USER, USER, "x");
        telegram.setStarBalance(new BigDecimal("0.2"));

        client.execute(CopyMessage.builder().chatId(11L).fromChatId(USER).messageId(text).allowPaidBroadcast(true)
                .build());
        client.execute(SendMessage.builder().chatId(12L).text("p").allowPaidBroadcast(true).build());
        assertThat(refusal(() -> client.execute(SendMessage.builder().chatId(13L).text("p")
                .allowPaidBroadcast(true).build())).getApiResponse())
                .isEqualTo("Bad Request: not enough Stars to send paid broadcast");
        assertThat(telegram.starBalance()).isEqualByComparingTo("0");
        assertThat(telegram.starsSpent()).isEqualByComparingTo("0.2");
        assertThat(telegram.messagesTo(11).get(0).paid()).isTrue();

        telegram.setStarBalance(BigDecimal.TEN);
        telegram.refusePaidBroadcasts("Bad Request: paid broadcasts are not allowed for the bot");
        assertThat(refusal(() -> client.execute(SendMessage.builder().chatId(13L).text("p")
                .allowPaidBroadcast(true).build())).getApiResponse())
                .isEqualTo("Bad Request: paid broadcasts are not allowed for the bot");
        assertThat(client.execute(SendMessage.builder().chatId(13L).text("free").build())).isNotNull();
        assertThat(telegram.paidMessageCount()).isEqualTo(2);
    }

    @Test
    void oldConstructorsStillWork() {
        FakeMessage message = new FakeMessage(1, 2, "t", "t", null, false, false, null, List.of(), 0, 0);
        assertThat(message.kind()).isEqualTo("text");
        assertThat(message.copiedFrom()).isNull();
        FakeUserMessage user = new FakeUserMessage(1, 1, "hi", null, null, null, null, null, null);
        assertThat(user.kind()).isEqualTo("text");
        assertThat(new FakeRateLimits(30, 1, 20, Duration.ZERO).paidPerSecond()).isEqualTo(1000);
        assertThatThrownBy(() -> FakeUserMessage.of(1, 1, "x").withMediaGroup("g"))
                .isInstanceOf(IllegalStateException.class);
    }
}
