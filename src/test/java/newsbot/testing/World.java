package newsbot.testing;

import newsbot.app.ReaderDigests;
import newsbot.delivery.Manner;
import newsbot.chat.EditorTools;
import newsbot.digest.Digests;

import newsbot.digest.DigestOptions;
import newsbot.digest.DigestScheduler;
import newsbot.messages.Texts;

import newsbot.chat.Bot;
import newsbot.chat.UpdateRouter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import newsbot.config.BotConfig;
import newsbot.config.Category;
import newsbot.delivery.DeliveryKind;
import newsbot.delivery.DeliveryTime;
import newsbot.delivery.Outbox;
import newsbot.store.Database;

import newsbot.store.Subscriber;
import newsbot.store.Subscribers;
import newsbot.telegram.KeyboardJson;
import newsbot.telegram.OutgoingMessage;
import org.jdbi.v3.core.Handle;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** The chat side of the bot on a real SQLite file, with a clock the test moves and a replier that records. */
public final class World {

    public static final Instant START = Instant.parse("2026-03-07T00:00:00Z");
    public static final List<Category> CATEGORIES = List.of(
            new Category("politics", "Политика", "Politics", List.of()),
            new Category("economy", "Экономика", "Economy", List.of("Бизнес")),
            new Category("sport", "Спорт", "Sport", List.of()),
            new Category("world", "В мире", "World", List.of()));

    /** Digest writes overlap composition on a thread of their own, as in the app. */
    private static final Executor WRITES = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "digest-writes");
        t.setDaemon(true);
        return t;
    });

    /** A delivery row as the dispatcher would read it. */
    public record Row(long chatId, String kind, long refId, int part, String text, boolean silent, boolean linkPreview) {
    }

    public final TestClock clock = new TestClock(START);
    public final Texts texts = new Texts();
    public final RecordingReplier replier = new RecordingReplier();
    public final Database db;
    public final BotConfig config;
    public final Outbox outbox;
    public final UpdateRouter router;
    public final DigestScheduler scheduler;
    private int updateId = 1;
    private int messageId = 1;
    private long lastReplyRow;
    private final KeyboardJson keyboards = new KeyboardJson();

    public World(Path dir) {
        this(dir, 5, 500);
    }

    public World(Path dir, int maxPerCategory, int batchSize) {
        db = TestDatabases.open(dir.resolve("bot.db"));
        config = TestConfig.keys().dbPath(dir.resolve("bot.db")).categories(CATEGORIES)
                .set("telegram.api-url", "http://127.0.0.1:9")
                .set("digest.max-per-category", Integer.toString(maxPerCategory))
                .limits(30, 1, 20, 8, 1)
                // the tests play one reader issuing many commands at one instant; the flood guard has its own tests
                .set("chat.handler-threads", "1").set("chat.flood-limit", "1000")
                .load();
        outbox = new Outbox(DeliveryTime.system(clock));
        // chats here are private: nobody is asked who administers a group
        router = new Bot(config, db, texts, replier, outbox, clock, () -> "newsbot", EditorTools.NONE,
                (chat, user) -> java.util.Optional.empty(), new ReaderDigests(new Digests(db, outbox, texts,
                config.categories(), DigestOptions.from(config)), db), newsbot.chat.ArticleSource.NONE).router();
        scheduler = newScheduler(batchSize);
    }

    /** Another scheduler on the same database: what a restarted bot would run. */
    public DigestScheduler newScheduler(int batchSize) {
        DigestOptions options = new DigestOptions(config.digest().maxPerCategory(), false, 160, Duration.ofDays(7),
                batchSize);
        return new DigestScheduler(CATEGORIES, options, db, outbox, texts, clock, WRITES);
    }

    public void say(long chatId, String text) {
        say(chatId, "ru", text);
    }

    public void say(long chatId, String languageCode, String text) {
        User user = new User(chatId, "Reader", false);
        user.setLanguageCode(languageCode);
        Message message = new Message();
        message.setMessageId(messageId++);
        message.setChat(new Chat(chatId, "private"));
        message.setFrom(user);
        message.setDate((int) clock.instant().getEpochSecond());
        message.setText(text);
        Update update = new Update();
        update.setUpdateId(updateId++);
        update.setMessage(message);
        route(update);
    }

    /** Routes as the update consumer does, then reads the replies it queued, as the sender would send them. */
    public void route(Update update) {
        route(router, update);
    }

    public void route(UpdateRouter someRouter, Update update) {
        someRouter.route(update);
        collectReplies();
    }

    /** Moves REPLY rows queued since the last look into the recording replier, in order. */
    public void collectReplies() {
        List<OutgoingMessage> replies = db.withHandle(h -> h.createQuery("SELECT id, chat_id, text, silent, "
                        + "reply_markup FROM deliveries WHERE kind = 'REPLY' AND id > :last ORDER BY id")
                .bind("last", lastReplyRow)
                .map((rs, ctx) -> {
                    lastReplyRow = Math.max(lastReplyRow, rs.getLong(1));
                    return new OutgoingMessage(rs.getLong(2), rs.getString(3), rs.getInt(4) == 1, false,
                            keyboards.read(rs.getString(5)));
                })
                .list());
        replies.forEach(replier::replied);
    }

    /** Presses an inline button under the bot's message {@code onMessage}; returns the callback query id. */
    public String press(long chatId, int onMessage, String data) {
        Message message = new Message();
        message.setMessageId(onMessage);
        message.setChat(new Chat(chatId, "private"));
        message.setDate((int) clock.instant().getEpochSecond());
        CallbackQuery query = new CallbackQuery();
        query.setId("cb" + updateId);
        query.setFrom(new User(chatId, "Reader", false));
        query.setMessage(message);
        query.setData(data);
        Update update = new Update();
        update.setUpdateId(updateId++);
        update.setCallbackQuery(query);
        route(update);
        return query.getId();
    }

    /** Stores an article fetched now, indexed under {@code categories} (the first is its own category). */
    public long article(String title, String... categories) {
        return article(title, clock.instant(), categories);
    }

    public long article(String title, Instant publishedAt, String... categories) {
        return db.inTransaction(h -> article(h, title, publishedAt, categories));
    }

    /** On the caller's transaction: many articles at once without a connection each. */
    public long article(Handle h, String title, Instant publishedAt, String... categories) {
        long id = h.createUpdate("INSERT INTO articles (feed_id, dedup_key, url, title, summary, category, "
                        + "published_at, fetched_at) VALUES ('f', :key, :url, :title, :summary, :cat, :pub, :now)")
                .bind("key", title + "@" + publishedAt)
                .bind("url", "https://news.example/" + Math.abs(title.hashCode()))
                .bind("title", title)
                .bind("summary", "О событии: " + title)
                .bind("cat", categories.length == 0 ? null : categories[0])
                .bind("pub", publishedAt.toEpochMilli())
                .bind("now", clock.instant().toEpochMilli())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        newsbot.testing.TestDatabases.indexOnPostgres(h, id);
        for (String category : categories) {
            h.createUpdate("INSERT INTO article_categories (article_id, category) VALUES (:id, :cat)")
                    .bind("id", id).bind("cat", category).execute();
        }
        return id;
    }

    /** What the breaking fan-out does for one reader: an alert row in the outbox. */
    public void pushBreaking(long chatId, long articleId) {
        db.useTransaction(h -> outbox.enqueue(h, chatId, DeliveryKind.BREAKING, articleId, "⚡ alert " + articleId, Manner.of(Manner.Sound.RING, Manner.Preview.SHOW), clock.instant()));
    }

    public List<Row> rows(long chatId, String kind) {
        return db.withHandle(h -> h.createQuery("SELECT chat_id, kind, ref_id, part, text, silent, link_preview "
                        + "FROM deliveries WHERE chat_id = :chat AND kind = :kind ORDER BY id")
                .bind("chat", chatId)
                .bind("kind", kind)
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                        rs.getString(5), rs.getInt(6) == 1, rs.getInt(7) == 1))
                .list()
                .stream()
                .peek(row -> RecordingReplier.assertValidHtml(row.text()))
                .toList());
    }

    public List<Row> digests(long chatId) {
        return rows(chatId, "DIGEST");
    }

    /** All digest text a chat was sent, parts joined. */
    public String digestText(long chatId) {
        StringBuilder out = new StringBuilder();
        for (Row row : digests(chatId)) {
            out.append(row.text()).append('\n');
        }
        return out.toString();
    }

    public Subscriber reader(long chatId) {
        return db.withHandle(h -> new Subscribers().find(h, chatId)).orElseThrow();
    }

    /** Marks readers as having had their first digest: their next one is an ordinary "since last time" digest. */
    public void hadFirstDigest(long... chatIds) {
        db.useTransaction(h -> {
            for (long chat : chatIds) {
                h.execute("UPDATE subscribers SET first_digest_at = 0 WHERE chat_id = ?", chat);
            }
        });
    }

    public void at(String isoInstant) {
        clock.set(Instant.parse(isoInstant));
    }
}
