package newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** The real telegrambots long-polling session against the fake: proves the fake's getUpdates is Telegram enough. */
class LongPollingAgainstFakeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** The fake, our client factory and the library's polling application, closed in an order that is quiet. */
    private static final class Rig implements AutoCloseable {
        final List<Update> received = new CopyOnWriteArrayList<>();
        final FakeBotApi telegram = FakeBotApi.start();
        final TelegramClientFactory factory = new TelegramClientFactory(telegram.token(),
                BotApiUrl.parse(telegram.apiUrl()), new TelegramClientFactory.Timeouts(
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(20)));
        final TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication(
                ObjectMapper::new, factory::pollingHttpClient, factory::pollingExecutor);

        Rig() throws Exception {
            app.registerBot(telegram.token(), telegram::telegramUrl,
                    lastId -> GetUpdates.builder().offset(lastId + 1).limit(100)
                            .timeout(factory.longPollSeconds()).build(),
                    received::addAll);
        }

        @Override
        public void close() throws Exception {
            // app.close() only stops rescheduling; closing the fake next answers the poll in flight, so the
            // factory has nothing left to cancel (a cancelled poll makes BotSession log an ERROR with a trace).
            app.close();
            telegram.close();
            factory.close();
        }
    }

    @Test
    void consumesInjectedUpdatesInOrderAndConfirmsThem() throws Exception {
        try (Rig rig = new Rig()) {
            FakeBotApi telegram = rig.telegram;
            List<Update> received = rig.received;
            TelegramGateway gateway = new TelegramGateway(rig.factory.telegramClient());
            // registerBot insists on deleteWebhook answering true before it polls.
            assertThat(telegram.requestCount("deleteWebhook")).isEqualTo(1);
            gateway.send(OutgoingMessage.html(-500, "Pick one").withKeyboard(null));

            telegram.userSends(42, 42, "/start@fake_newsbot now", "en");
            telegram.userSends(-500, 43, "hello group", "ru", "group", "masha");
            String query = telegram.userPresses(-500, 43, 1, "cat:world");
            int replyTo = telegram.userSends(42, 42, "first");
            telegram.userSends(FakeUserMessage.of(42, 42, "a reply").replyingTo(replyTo)
                    .withEntities(List.of(FakeEntity.of("bold", 0, 1))));

            // The long poll in progress wakes up at once; no waiting out its 20 s timeout.
            telegram.awaitUpdatesConsumed(WAIT);

            assertThat(received).extracting(Update::getUpdateId).containsExactly(1, 2, 3, 4, 5);
            Message start = received.get(0).getMessage();
            assertThat(start.getText()).isEqualTo("/start@fake_newsbot now");
            // Library surprise: isCommand() reads entity texts that only getEntities() computes.
            assertThat(start.isCommand()).isFalse();
            start.getEntities();
            assertThat(start.isCommand()).isTrue();
            assertThat(start.getEntities()).singleElement()
                    .satisfies(e -> assertThat(e.getText()).isEqualTo("/start@fake_newsbot"));
            assertThat(start.getFrom().getLanguageCode()).isEqualTo("en");
            assertThat(start.getChat().isUserChat()).isTrue();

            Message group = received.get(1).getMessage();
            assertThat(group.getChat().isGroupChat()).isTrue();
            assertThat(group.getFrom().getUserName()).isEqualTo("masha");

            var callback = received.get(2).getCallbackQuery();
            assertThat(callback.getId()).isEqualTo(query);
            assertThat(callback.getData()).isEqualTo("cat:world");
            assertThat(callback.getMessage()).isInstanceOf(Message.class);
            assertThat(callback.getMessage().getMessageId()).isEqualTo(1);
            assertThat(((Message) callback.getMessage()).getText()).isEqualTo("Pick one");

            Message reply = received.get(4).getMessage();
            assertThat(reply.getReplyToMessage().getMessageId()).isEqualTo(replyTo);
            assertThat(reply.getEntities()).extracting(e -> e.getType()).containsExactly("bold");

            // Later updates arrive on the same session.
            telegram.userSends(42, 42, "again");
            telegram.awaitUpdatesConsumed(WAIT);
            assertThat(received).hasSize(6);
            assertThat(telegram.pendingUpdates()).isZero();
        }
    }

    @Test
    void pressOnAMessageTheBotCannotSeeIsInaccessible() throws Exception {
        try (Rig rig = new Rig()) {
            FakeBotApi telegram = rig.telegram;
            List<Update> received = rig.received;

            telegram.userPresses(42, 42, 999, "old:button");
            telegram.awaitUpdatesConsumed(WAIT);

            var message = received.get(0).getCallbackQuery().getMessage();
            assertThat(message).isNotInstanceOf(Message.class);
            assertThat(message.getDate()).isZero();
        }
    }
}
