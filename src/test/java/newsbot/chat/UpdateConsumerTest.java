package newsbot.chat;

import newsbot.testing.TestConfig;
import newsbot.testing.World;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import newsbot.config.BotConfig;
import newsbot.store.Articles;
import newsbot.store.BotState;
import newsbot.store.Database;
import newsbot.store.Fenced;
import newsbot.store.HandledUpdates;
import newsbot.store.Subscribers;
import newsbot.store.Subscriptions;
import newsbot.telegram.KeyboardJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** Batches from long polling: chats at once, a chat in order, and nothing lost or applied twice across a crash. */
class UpdateConsumerTest {

    /** The chat settings an operator gets without setting any key. */
    private static final BotConfig.Chat CHAT = TestConfig.load(Map.of()).chat();

    @TempDir
    Path dir;
    private final ExecutorService lanes = Executors.newFixedThreadPool(4);

    @AfterEach
    void tearDown() {
        lanes.shutdownNow();
    }

    /** Not an exception a handler's guard catches: the process going away mid-batch. */
    private static final class Crash extends Error {
    }

    private UpdateRouter router(World world, Map<String, CommandHandler> commands, BotConfig.Chat chat) {
        return router(world, commands, Map.of(), chat);
    }

    private UpdateRouter router(World world, Map<String, CommandHandler> commands,
                                Map<String, CommandHandler> editorsTools, BotConfig.Chat chat) {
        return router(world, world.db, commands, editorsTools, chat);
    }

    private UpdateRouter router(World world, Database db, Map<String, CommandHandler> commands,
                                Map<String, CommandHandler> editorsTools, BotConfig.Chat chat) {
        Readers readers = new Readers(db, new Subscribers(), new Subscriptions(), new Articles(), world.config,
                world.clock, world.outbox);
        return new UpdateRouter(readers, world.texts, world.replier, commands, editorsTools, Map.of(), id -> true,
                () -> "newsbot",
                updateId -> new UpdateScope(updateId, db, world.outbox, new HandledUpdates(), new KeyboardJson()),
                Set.of(), new FloodGuard(chat, System::nanoTime), null, InlineQueries.NONE);
    }

    private UpdateConsumer consumer(World world, UpdateRouter router) {
        return new UpdateConsumer(router, world.db, new BotState(), new HandledUpdates(), lanes, 0);
    }

    /** A toggle: replaying it would flip it back, which is how a double application shows. */
    private static CommandHandler toggle(World world) {
        return c -> {
            boolean on = world.db.inTransaction(h -> {
                Subscriptions subscriptions = new Subscriptions();
                if (subscriptions.remove(h, c.chatId(), "sport")) {
                    return false;
                }
                subscriptions.add(h, c.chatId(), "sport");
                return true;
            });
            c.reply(on ? "on" : "off");
        };
    }

    private int replies(World world, long chatId) {
        return world.db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deliveries WHERE kind = 'REPLY' "
                + "AND chat_id = :c").bind("c", chatId).mapTo(Integer.class).one());
    }

    private boolean subscribed(World world, long chatId) {
        return world.db.withHandle(h -> new Subscriptions().categoriesOf(h, chatId)).contains("sport");
    }

    private long storedOffset(World world) {
        return world.db.withHandle(h -> new BotState().get(h, BotState.LAST_UPDATE_ID)).map(Long::parseLong)
                .orElse(0L);
    }

    /**
     * One of a pair that lost the lease mid-batch: its database refuses every transaction. It neither apologises
     * nor marks anything handled, and its polling never confirms past the first such update, so Telegram keeps it
     * for the active instance.
     */
    @Test
    void aFencedInstanceLeavesTheUpdateAndThoseAfterItToTheActiveOne() {
        World world = new World(dir);
        AtomicBoolean standby = new AtomicBoolean();
        Database fenced = world.db.guarded(h -> {
            if (standby.get()) {
                throw new Fenced("instance a is standby") { };
            }
        });
        AtomicInteger calls = new AtomicInteger();
        CommandHandler toggle = c -> {
            boolean on = fenced.inTransaction(h -> new Subscriptions().add(h, c.chatId(), "sport"));
            c.reply(on ? "on" : "off");
            if (calls.incrementAndGet() == 1) {
                // the lease runs out now: update 1's transaction passed the fence when it began and commits (a
                // takeover waits for it); update 2's is refused
                standby.set(true);
            }
        };
        List<Update> batch = List.of(message(1, 10, "/toggle"), message(2, 10, "/toggle"), message(3, 10, "/toggle"));
        UpdateConsumer deposed = new UpdateConsumer(router(world, fenced, Map.of("toggle", toggle), Map.of(),
                CHAT), fenced, new BotState(), new HandledUpdates(), lanes, 0);
        deposed.consume(batch);
        assertThat(replies(world, 10)).as("update 1 only: no apology for the fenced ones").isEqualTo(1);
        assertThat(deposed.nextRequest(3).getOffset().intValue())
                .as("telegrambots received up to 3; confirming 4 would make Telegram forget 2 and 3").isEqualTo(2);

        // the active instance polls from the stored offset and handles 2 and 3, and 1 not again
        UpdateConsumer active = consumer(world, router(world, Map.of("toggle", toggle(world)),
                CHAT));
        active.consume(batch);
        assertThat(replies(world, 10)).isEqualTo(3);
        assertThat(storedOffset(world)).isEqualTo(3);
    }

    @Test
    void aCrashMidBatchLosesNoReplyAndAppliesNoUpdateTwice() {
        World world = new World(dir);
        AtomicBoolean crashNext = new AtomicBoolean(true);
        CommandHandler crashOnce = c -> {
            if (crashNext.getAndSet(false)) {
                throw new Crash();
            }
            c.reply("survived");
        };
        Map<String, CommandHandler> commands = Map.of("toggle", toggle(world), "crash", crashOnce);
        List<Update> batch = List.of(message(1, 10, "/toggle"), message(2, 20, "/toggle"), message(3, 10, "/crash"),
                message(4, 30, "/toggle"), message(5, 10, "/toggle"));

        consumer(world, router(world, commands, CHAT)).consume(batch);
        assertThat(storedOffset(world)).as("not past a batch that was not handled whole").isZero();
        assertThat(subscribed(world, 20)).isTrue();
        assertThat(subscribed(world, 30)).isTrue();
        assertThat(replies(world, 10)).as("chat 10 stopped at the crash").isEqualTo(1);

        // the restart: Telegram hands out the same batch again
        UpdateConsumer restarted = consumer(world, router(world, commands, CHAT));
        restarted.consume(batch);
        assertThat(storedOffset(world)).isEqualTo(5);
        assertThat(restarted.nextRequest(null).getOffset().intValue()).isEqualTo(6);
        assertThat(subscribed(world, 20)).as("a replayed toggle must not flip back").isTrue();
        assertThat(subscribed(world, 30)).isTrue();
        assertThat(subscribed(world, 10)).as("toggled on, then off, once each").isFalse();
        assertThat(replies(world, 10)).isEqualTo(3);
        assertThat(replies(world, 20)).isEqualTo(1);
        assertThat(replies(world, 30)).isEqualTo(1);
        int marks = world.db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM handled_updates")
                .mapTo(Integer.class).one());
        assertThat(marks).as("marks are forgotten once the offset covers them").isZero();
    }

    /**
     * An editor's tool waits for Telegram (a preview's message id), outside any transaction: the other chats of the
     * batch go on meanwhile, and the editor's next update waits for the first.
     */
    @Test
    void aSlowChatDoesNotHoldUpTheOthersAndAChatKeepsItsOrder() throws Exception {
        World world = new World(dir);
        CountDownLatch othersDone = new CountDownLatch(3);
        List<String> order = new ArrayList<>();
        CommandHandler slow = c -> {
            try {
                // held until the other chats of the same batch are through: they must not wait for this one
                assertThat(othersDone.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (order) {
                order.add("slow");
            }
        };
        CommandHandler quick = c -> {
            synchronized (order) {
                order.add(c.chatId() + ":" + c.args());
            }
            if (c.chatId() != 10) {
                othersDone.countDown();
            }
        };
        UpdateRouter router = router(world, Map.of("quick", quick), Map.of("slow", slow), CHAT);
        consumer(world, router).consume(List.of(message(1, 10, "/slow"), message(2, 10, "/quick a"),
                message(3, 20, "/quick x"), message(4, 30, "/quick y"), message(5, 40, "/quick z")));
        assertThat(order).containsSubsequence("slow", "10:a");
        assertThat(order.indexOf("slow")).isGreaterThan(order.indexOf("20:x"));
        assertThat(storedOffset(world)).isEqualTo(5);
    }

    @Test
    void aFloodingChatGetsOneNoteAndCostsTheOthersNothing() {
        World world = new World(dir);
        BotConfig.Chat guard = TestConfig.load(Map.of("chat.flood-limit", "5")).chat();
        UpdateRouter router = router(world, Map.of("help", new HelpCommand()), guard);
        List<Update> batch = new ArrayList<>();
        int id = 1;
        for (int i = 0; i < 60; i++) {
            batch.add(message(id++, 66, "/help"));
            if (i % 10 == 0) {
                batch.add(message(id++, 100 + i, "/help"));
            }
        }
        consumer(world, router).consume(batch);
        world.collectReplies();
        List<String> toFlooder = world.replier.textsTo(66);
        assertThat(toFlooder).hasSize(6);
        assertThat(toFlooder.get(5)).contains("Слишком много сообщений");
        for (int i = 0; i < 60; i += 10) {
            assertThat(world.replier.textsTo(100 + i)).as("reader %d", 100 + i).singleElement()
                    .satisfies(t -> assertThat(t).contains("/subscribe"));
        }
        assertThat(storedOffset(world)).as("ignored updates count as handled").isEqualTo(id - 1);
    }

    /**
     * Members talking among themselves (the bot sees it with privacy mode off) cost nothing; a member who floods the
     * bot with commands is muted alone, so an administrator's /subscribe right after still gets its answer.
     */
    @Test
    void inAGroupOnlyWhatTheBotAnswersCountsAndPerMember() {
        World world = new World(dir);
        BotConfig.Chat guard = TestConfig.load(Map.of("chat.flood-limit", "5")).chat();
        CommandHandler subscribe = c -> c.reply("subscribed by " + c.incoming().userId());
        UpdateRouter router = router(world, Map.of("help", new HelpCommand(), "subscribe", subscribe), guard);
        long group = -500;
        List<Update> batch = new ArrayList<>();
        int id = 1;
        for (int i = 0; i < 40; i++) {
            batch.add(groupMessage(id++, group, 601 + i % 5, "chatter " + i));
        }
        for (int i = 0; i < 7; i++) {
            batch.add(groupMessage(id++, group, 601, "/help"));
        }
        batch.add(groupMessage(id++, group, 700, "/subscribe economy"));
        consumer(world, router).consume(batch);
        world.collectReplies();
        List<String> toGroup = world.replier.textsTo(group);
        assertThat(toGroup).hasSize(7);
        assertThat(toGroup.subList(0, 5)).allSatisfy(t -> assertThat(t).contains("/subscribe"));
        assertThat(toGroup.get(5)).contains("Слишком много сообщений");
        assertThat(toGroup.get(6)).isEqualTo("subscribed by 700");
    }

    private static Update groupMessage(int updateId, long groupId, long userId, String text) {
        Update update = message(updateId, userId, text);
        update.getMessage().setChat(new Chat(groupId, "supergroup"));
        return update;
    }

    private static Update message(int updateId, long chatId, String text) {
        User user = new User(chatId, "Reader", false);
        user.setLanguageCode("ru");
        Message message = new Message();
        message.setMessageId(updateId);
        message.setChat(new Chat(chatId, "private"));
        message.setFrom(user);
        message.setDate(1);
        message.setText(text);
        Update update = new Update();
        update.setUpdateId(updateId);
        update.setMessage(message);
        return update;
    }
}
