package newsbot.chat;

import newsbot.testing.World;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import newsbot.store.HandledUpdates;
import newsbot.telegram.KeyboardJson;
import newsbot.store.Articles;
import newsbot.store.Subscribers;
import newsbot.store.Subscriptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** A failing handler is answered with an apology in the reader's language, and the next update is handled. */
class RouterFailureTest {

    @TempDir
    Path dir;

    @Test
    void aHandlerThatThrowsGetsAnApologyAndNothingEscapes() {
        World world = new World(dir);
        Readers readers = new Readers(world.db, new Subscribers(), new Subscriptions(), new Articles(), world.config,
                world.clock, world.outbox);
        CommandHandler broken = c -> {
            throw new IllegalStateException("disk on fire");
        };
        CallbackHandler brokenButton = (callback, reader) -> {
            throw new IllegalStateException("button on fire");
        };
        UpdateRouter router = new UpdateRouter(readers, world.texts, world.replier,
                Map.of("boom", broken, "help", new HelpCommand()), Map.of(), Map.of("x:", brokenButton),
                id -> false, () -> "newsbot",
                updateId -> new UpdateScope(updateId, world.db, world.outbox, new HandledUpdates(), new KeyboardJson()),
                Set.of(), new FloodGuard(world.config.chat(), System::nanoTime), null, InlineQueries.NONE);

        world.route(router, message(1, "/boom", "en"));
        assertThat(world.replier.last().html()).contains("Something went wrong");
        world.route(router, message(2, "/help", "en"));
        assertThat(world.replier.last().html()).contains("/subscribe");

        world.route(router, message(3, "/boom", "ru"));
        assertThat(world.replier.last().html()).contains("Что-то пошло не так");

        world.route(router, press(4, "x:1"));
        assertThat(world.replier.answers).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("Что-то пошло не так"));
    }

    private static Update message(int id, String text, String language) {
        User user = new User(77L, "Reader", false);
        user.setLanguageCode(language);
        Message message = new Message();
        message.setMessageId(id);
        message.setChat(new Chat(77L + id, "private"));
        message.setFrom(user);
        message.setDate(1);
        message.setText(text);
        Update update = new Update();
        update.setUpdateId(id);
        update.setMessage(message);
        return update;
    }

    private static Update press(int id, String data) {
        Message message = new Message();
        message.setMessageId(1);
        message.setChat(new Chat(99L, "private"));
        message.setDate(1);
        CallbackQuery query = new CallbackQuery();
        query.setId("q" + id);
        query.setFrom(new User(99L, "Reader", false));
        query.setMessage(message);
        query.setData(data);
        Update update = new Update();
        update.setUpdateId(id);
        update.setCallbackQuery(query);
        return update;
    }
}
