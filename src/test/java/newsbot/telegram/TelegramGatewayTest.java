package newsbot.telegram;

import newsbot.html.Html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

class TelegramGatewayTest {

    private static final long USER = 1001;
    private static final long GROUP = -2002;

    private final GatewayFixture fixture = new GatewayFixture();
    private final FakeBotApi telegram = fixture.telegram;
    private final TelegramGateway gateway = fixture.gateway;

    @AfterEach
    void close() {
        fixture.close();
    }

    private static InlineKeyboardMarkup keyboard(String text, String data) {
        return new InlineKeyboardMarkup(List.of(new InlineKeyboardRow(
                InlineKeyboardButton.builder().text(text).callbackData(data).build())));
    }

    @Test
    void deliversHtmlSilentlyWithoutPreviewAndWithKeyboard() {
        OutgoingMessage message = new OutgoingMessage(USER, "<b>Новости</b> &amp; <a href=\"https://x.test/a\">x</a>",
                true, false, keyboard("Ещё", "more:1"));

        SendOutcome outcome = gateway.send(message);

        assertThat(outcome).isEqualTo(SendOutcome.Delivered.message(1));
        FakeMessage sent = telegram.messagesTo(USER).get(0);
        assertThat(sent.text()).isEqualTo(message.html());
        assertThat(sent.plainText()).isEqualTo("Новости & x");
        assertThat(sent.parseMode()).isEqualToIgnoringCase("html");
        assertThat(sent.disableNotification()).isTrue();
        assertThat(sent.linkPreviewDisabled()).isTrue();
        assertThat(sent.keyboard()).containsExactly(List.of(new FakeButton("Ещё", "more:1", null)));
    }

    @Test
    void linkPreviewAndSoundWhenAsked() {
        gateway.send(new OutgoingMessage(USER, "https://x.test", false, true, null));

        FakeMessage sent = telegram.messagesTo(USER).get(0);
        assertThat(sent.linkPreviewDisabled()).isFalse();
        assertThat(sent.disableNotification()).isFalse();
        assertThat(sent.keyboard()).isEmpty();
        assertThat(sent.replyMarkupJson()).isNull();
    }

    @Test
    void messageIdsArePerChat() {
        assertThat(gateway.send(OutgoingMessage.html(USER, "a"))).isEqualTo(SendOutcome.Delivered.message(1));
        assertThat(gateway.send(OutgoingMessage.html(USER, "b"))).isEqualTo(SendOutcome.Delivered.message(2));
        assertThat(gateway.send(OutgoingMessage.html(GROUP, "c"))).isEqualTo(SendOutcome.Delivered.message(1));
    }

    @Test
    void tooManyRequestsBecomesRetryAfterWithTheSeconds() {
        telegram.enableRateLimits(FakeRateLimits.telegramDefaults());
        assertThat(gateway.send(OutgoingMessage.html(GROUP, "one"))).isInstanceOf(SendOutcome.Delivered.class);

        fixture.advance(Duration.ofSeconds(1));
        SendOutcome outcome = gateway.send(OutgoingMessage.html(GROUP, "two"));

        // 20 per minute: the next slot is 3 s after the first send, 2 s from now.
        assertThat(outcome).isEqualTo(new SendOutcome.RetryAfter(Duration.ofSeconds(2)));
        assertThat(telegram.tooManyRequestsCount()).isEqualTo(1);
    }

    @Test
    void blockedDeactivatedAndKickedAreBlocked() {
        telegram.block(1);
        telegram.deactivate(2);
        telegram.kick(-3);
        telegram.kick(-1_000_000_000_004L);

        assertThat(gateway.send(OutgoingMessage.html(1, "x")))
                .isEqualTo(new SendOutcome.Blocked("Forbidden: bot was blocked by the user"));
        assertThat(gateway.send(OutgoingMessage.html(2, "x")))
                .isEqualTo(new SendOutcome.Blocked("Forbidden: user is deactivated"));
        assertThat(gateway.send(OutgoingMessage.html(-3, "x")))
                .isEqualTo(new SendOutcome.Blocked("Forbidden: bot was kicked from the group chat"));
        assertThat(gateway.send(OutgoingMessage.html(-1_000_000_000_004L, "x")))
                .isEqualTo(new SendOutcome.Blocked("Forbidden: bot was kicked from the supergroup chat"));
        assertThat(telegram.sentMessages()).isEmpty();
    }

    @Test
    void chatNotFoundIsChatGone() {
        telegram.forget(USER);

        assertThat(gateway.send(OutgoingMessage.html(USER, "x")))
                .isEqualTo(new SendOutcome.ChatGone("Bad Request: chat not found"));
    }

    @Test
    void upgradedGroupIsMigratedAndTheNewIdWorks() {
        long supergroup = -1_000_000_000_123L;
        telegram.migrate(GROUP, supergroup);

        SendOutcome outcome = gateway.send(OutgoingMessage.html(GROUP, "x"));

        assertThat(outcome).isEqualTo(new SendOutcome.Migrated(supergroup));
        assertThat(gateway.send(OutgoingMessage.html(GROUP, "x").withChatId(supergroup)))
                .isEqualTo(SendOutcome.Delivered.message(1));
    }

    @Test
    void badHtmlIsRejected() {
        SendOutcome outcome = gateway.send(OutgoingMessage.html(USER, "<b>bold <i>both</b></i>"));

        assertThat(outcome).isInstanceOf(SendOutcome.Rejected.class);
        SendOutcome.Rejected rejected = (SendOutcome.Rejected) outcome;
        assertThat(rejected.errorCode()).isEqualTo(400);
        assertThat(rejected.reason()).startsWith("Bad Request: can't parse entities: Unmatched end tag");
    }

    @Test
    void unsupportedTagAndEntityAreRejected() {
        assertThat(gateway.send(OutgoingMessage.html(USER, "a<br>b")))
                .isEqualTo(new SendOutcome.Rejected(400,
                        "Bad Request: can't parse entities: Unsupported start tag \"br\" at byte offset 1"));
        assertThat(gateway.send(OutgoingMessage.html(USER, "a&nbsp;b"))).isInstanceOf(SendOutcome.Rejected.class);
    }

    @Test
    void tooLongAndEmptyTextAreRejected() {
        String tooLong = "<b>" + "я".repeat(Html.MAX_MESSAGE + 1) + "</b>";
        assertThat(gateway.send(OutgoingMessage.html(USER, tooLong)))
                .isEqualTo(new SendOutcome.Rejected(400, "Bad Request: message is too long"));
        // Exactly 4096 visible characters are fine even though the HTML is longer.
        assertThat(gateway.send(OutgoingMessage.html(USER, "<b>" + "я".repeat(Html.MAX_MESSAGE) + "</b>")))
                .isInstanceOf(SendOutcome.Delivered.class);
        assertThat(gateway.send(OutgoingMessage.html(USER, "<b> </b>")))
                .isEqualTo(new SendOutcome.Rejected(400, "Bad Request: message text is empty"));
        // The library refuses an empty text before sending anything.
        assertThat(gateway.send(OutgoingMessage.html(USER, ""))).isInstanceOf(SendOutcome.Rejected.class);
    }

    @Test
    void callbackDataOver64BytesIsRejected() {
        SendOutcome outcome = gateway.send(OutgoingMessage.html(USER, "x").withKeyboard(keyboard("b", "ж".repeat(33))));

        assertThat(outcome).isEqualTo(new SendOutcome.Rejected(400, "Bad Request: BUTTON_DATA_INVALID"));
    }

    @Test
    void serverErrorsAreTransient() {
        telegram.failNext("sendMessage", 1, 500);
        telegram.failNext("sendMessage", 1, 502);

        SendOutcome first = gateway.send(OutgoingMessage.html(USER, "x"));
        SendOutcome second = gateway.send(OutgoingMessage.html(USER, "x"));

        assertThat(first).isEqualTo(new SendOutcome.Transient("Internal Server Error"));
        // A proxy's HTML page is not a Bot API answer at all.
        assertThat(second).isInstanceOf(SendOutcome.Transient.class);
        assertThat(telegram.sentMessages()).isEmpty();
        assertThat(gateway.send(OutgoingMessage.html(USER, "x"))).isEqualTo(SendOutcome.Delivered.message(1));
    }

    @Test
    void droppedConnectionIsTransient() {
        telegram.dropNext(1);

        assertThat(gateway.send(OutgoingMessage.html(USER, "x"))).isInstanceOf(SendOutcome.Transient.class);
        assertThat(telegram.sentMessages()).isEmpty();
    }

    @Test
    void deliveredButUnansweredIsTransientAndNotSilentlyResent() {
        gateway.send(OutgoingMessage.html(USER, "warm-up: the next call reuses this pooled connection"));
        telegram.deliverThenDropNext(1);

        SendOutcome outcome = gateway.send(OutgoingMessage.html(USER, "x"));

        assertThat(outcome).isInstanceOf(SendOutcome.Transient.class);
        // With OkHttp's default retryOnConnectionFailure(true) a dropped pooled connection is silently re-POSTed:
        // the fake then holds "x" twice and the gateway reports Delivered. Checked: it does.
        assertThat(telegram.requestCount("sendMessage")).isEqualTo(2);
        assertThat(telegram.messagesTo(USER)).extracting(FakeMessage::text).endsWith("x").hasSize(2);
    }

    @Test
    void slowAnswerTimesOutAsTransient() {
        telegram.delayResponses("sendMessage", Duration.ofSeconds(3));

        SendOutcome outcome = gateway.send(OutgoingMessage.html(USER, "x"));

        assertThat(outcome).isInstanceOf(SendOutcome.Transient.class);
        assertThat(((SendOutcome.Transient) outcome).reason()).startsWith("SocketTimeoutException");
    }

    @Test
    void unreachableApiIsTransient() {
        telegram.close();

        assertThat(gateway.send(OutgoingMessage.html(USER, "x"))).isInstanceOf(SendOutcome.Transient.class);
    }

    @Test
    void interruptedThreadSendsNothingAndKeepsItsFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThat(gateway.send(OutgoingMessage.html(USER, "x"))).isInstanceOf(SendOutcome.Transient.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(telegram.requestCount("sendMessage")).isZero();
    }

    @Test
    void editsTextAndKeyboardAndTreatsNotModifiedAsDelivered() {
        gateway.send(OutgoingMessage.html(USER, "Progress: 0%").withKeyboard(keyboard("Pause", "bc:pause")));

        assertThat(gateway.edit(USER, 1, "Progress: <b>50%</b>", keyboard("Pause", "bc:pause")))
                .isEqualTo(SendOutcome.Delivered.done());
        assertThat(gateway.edit(USER, 1, "Progress: <b>50%</b>", keyboard("Pause", "bc:pause")))
                .isEqualTo(SendOutcome.Delivered.done());
        assertThat(telegram.tooManyRequestsCount()).isZero();
        assertThat(telegram.requests()).filteredOn(c -> c.method().equals("editMessageText"))
                .extracting(FakeCall::status).containsExactly(200, 400);

        FakeMessage now = telegram.current(USER, 1).orElseThrow();
        assertThat(now.plainText()).isEqualTo("Progress: 50%");
        assertThat(now.edits()).isEqualTo(1);
        assertThat(telegram.messagesTo(USER)).extracting(FakeMessage::text).containsExactly("Progress: 0%");

        assertThat(gateway.editKeyboard(USER, 1, null)).isEqualTo(SendOutcome.Delivered.done());
        assertThat(telegram.current(USER, 1).orElseThrow().keyboard()).isEmpty();
    }

    @Test
    void editingAMessageTheBotNeverSentIsRejected() {
        assertThat(gateway.edit(USER, 77, "x", null))
                .isEqualTo(new SendOutcome.CannotEdit("Bad Request: message to edit not found"));
    }

    @Test
    void answersCallbackQueries() {
        gateway.send(OutgoingMessage.html(USER, "Pick").withKeyboard(keyboard("World", "cat:world")));
        String query = telegram.userPresses(USER, USER, 1, "cat:world");

        assertThat(gateway.answerCallback(query, "Subscribed")).isEqualTo(SendOutcome.Delivered.done());
        assertThat(telegram.callbackAnswers()).singleElement()
                .satisfies(a -> assertThat(a.text()).isEqualTo("Subscribed"));
        // A query can be answered once.
        assertThat(gateway.answerCallback(query, null)).isInstanceOf(SendOutcome.Rejected.class);
        String another = telegram.userPresses(USER, USER, 1, "cat:world");
        assertThat(gateway.answerCallback(another, "x".repeat(201))).isInstanceOf(SendOutcome.Rejected.class);
    }

    @Test
    void sendsPhotoBytesAndCaption() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};

        SendOutcome outcome = gateway.sendPhoto(USER, png, "chart.png", "<b>Статистика</b>");

        assertThat(outcome).isEqualTo(SendOutcome.Delivered.message(1));
        FakePhoto photo = telegram.photos().get(0);
        assertThat(photo.bytes()).isEqualTo(png);
        assertThat(photo.fileName()).isEqualTo("chart.png");
        assertThat(photo.caption()).isEqualTo("<b>Статистика</b>");
        assertThat(gateway.sendPhoto(USER, png, "c.png", "x".repeat(Html.MAX_CAPTION + 1)))
                .isEqualTo(new SendOutcome.Rejected(400, "Bad Request: message caption is too long"));
    }

    @Test
    void setsCommandsPerLanguage() {
        List<BotCommand> commands = List.of(new BotCommand("start", "Подписаться"), new BotCommand("stop", "Хватит"));

        assertThat(gateway.setCommands(commands, "ru")).isEqualTo(SendOutcome.Delivered.done());
        assertThat(gateway.setCommands(List.of(new BotCommand("start", "Subscribe")), null))
                .isEqualTo(SendOutcome.Delivered.done());

        assertThat(telegram.commands("ru")).containsExactly(new FakeCommand("start", "Подписаться"),
                new FakeCommand("stop", "Хватит"));
        assertThat(telegram.commands(null)).containsExactly(new FakeCommand("start", "Subscribe"));
        assertThat(gateway.setCommands(List.of(new BotCommand("Start", "bad name")), "en"))
                .isEqualTo(new SendOutcome.Rejected(400, "Bad Request: BOT_COMMAND_INVALID"));
    }

    @Test
    void deletesMessages() {
        gateway.send(OutgoingMessage.html(USER, "x"));

        assertThat(gateway.deleteMessage(USER, 1)).isEqualTo(SendOutcome.Delivered.done());
        assertThat(telegram.isDeleted(USER, 1)).isTrue();
        assertThat(gateway.deleteMessage(USER, 1))
                .isEqualTo(new SendOutcome.CannotDelete(false, "Bad Request: message to delete not found"));
    }
}
